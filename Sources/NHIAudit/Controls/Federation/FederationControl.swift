/// A control judged on each federation trust (Vault JWT role, AWS OIDC trust statement).
public protocol FederationControl: EntityControl where Subject == FederationTrust {}
extension FederationControl {
    public static func subjects(in estate: Estate) -> [FederationTrust] { estate.federationTrusts }
}

/// A control judged on each SPIRE server or agent.
public protocol SpireControl: EntityControl where Subject == SpireDeployment {}
extension SpireControl {
    public static func subjects(in estate: Estate) -> [SpireDeployment] { estate.spireDeployments }
}

extension FederationTrust {
    /// Evidence pointing at the trust itself (its statement or resource block).
    var anchorEvidence: Field<String> {
        .known(metadata.name, path: platform == "aws-iam" ? "Statement" : "role", at: metadata.location)
    }

    /// Claims the token's holder can choose or influence: binding only on them admits anyone who can run a
    /// workflow (GitHub docs "About security hardening with OpenID Connect": prefer sub, repository, ref).
    static let attackerInfluencedClaims: Set<String> = [
        "head_ref", "actor", "triggering_actor", "workflow", "user_login", "user_email", "user_id",
    ]
    /// Claims naming a whole repository or project, set by the platform: narrower than nothing, wider than sub.
    static let projectClaims: Set<String> = [
        "repository", "repository_id", "repository_owner", "project_id", "project_path", "namespace_path",
        "oidc.circleci.com/project-id", "job_workflow_ref",
    ]

    /// Subject and claim bindings of a browser login select people, judged by other means than workload trusts.
    var humanLoginOutcome: Outcome? {
        guard humanLogin.value == true else { return nil }
        return .notApplicable("an OIDC browser login role for people (role_type oidc), not a workload trust", at: humanLogin)
    }

    func indeterminateConditions() -> Outcome? {
        if let unresolved = unresolvedConditions { return .unknown(unresolved, needed: "the claim conditions are computed") }
        if let unknown = conditionsOnUnknownClaims.first {
            let only = conditions.count == 1
                ? " (it is the only condition, so whichever claim it names, sub or aud stays unchecked)" : ""
            return .unknown(unknown.claim, needed: "the condition key is unresolved, so the claim it tests is unknown" + only)
        }
        return nil
    }
}
