/// FED-AUD-001: a federation trust that does not pin the audience, or pins an unexpected one.
public struct FederationAudienceControl: FederationControl {
    public static let id = "FED-AUD-001"
    public init() {}

    public func check(_ trust: FederationTrust, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let audiences = trust.conditions(on: "aud")
        guard !audiences.isEmpty else {
            if let unknown = trust.indeterminateConditions() { return unknown }
            if trust.platform == "vault-jwt" {
                return .fail(
                    "no bound_audiences: Vault then accepts only tokens without an aud claim, so the role checks no "
                        + "audience (and tokens minted for another audience fail outright)", at: trust.anchorEvidence)
            }
            return .fail(
                "no aud condition: a token from \(trust.provider.value ?? "the provider") minted for any audience is accepted"
                    + (trust.expectedAudience.map { " (expected \($0))" } ?? ""), at: trust.anchorEvidence)
        }
        let values = audiences.flatMap { $0.values.value ?? [] }
        if let wildcard = values.first(where: { ($0.value ?? "").contains("*") }),
            audiences.contains(where: { $0.match.value == "glob" })
        {
            return .fail("aud pattern \(wildcard.display ?? "?") accepts any audience", at: wildcard)
        }
        guard let expected = trust.expectedAudience else {
            return .pass("aud is pinned (\(audiences[0].values.display ?? "?"))", at: audiences[0].values)
        }
        if let match = values.first(where: { $0.value == expected }) {
            return .pass("aud is pinned to \(expected)", at: match)
        }
        if let unresolved = values.first(where: { $0.value == nil }) ?? (audiences.first { $0.values.value == nil }?.values
            .map { _ in "" })
        {
            return .unknown(unresolved, needed: "expected \(expected)")
        }
        let shown = values.first ?? audiences[0].values.map { _ in "" }
        let text = shown.value ?? ""
        let hint = text.hasPrefix("system:serviceaccount:") || text.hasPrefix("repo:")
            ? " (the value is a subject: the condition was probably meant for :sub, which stays unchecked)" : ""
        return .fail("aud is \(shown.display ?? "?"), not the expected \(expected)\(hint)", at: shown)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Allow",
                    "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"},
                    "Action": "sts:AssumeRoleWithWebIdentity",
                    "Condition": {"StringEquals": {
                      "oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud": ↓"system:serviceaccount:kube-system:aws-node"
                    }}
                  }]
                }
                """, file: "trust.json"),
            ControlExample(
                """
                ↓resource "vault_jwt_auth_backend_role" "ci" {
                  backend       = "jwt"
                  role_name     = "ci"
                  role_type     = "jwt"
                  user_claim    = "sub"
                  bound_subject = "repo:acme/infra:ref:refs/heads/main"
                }
                """, file: "main.tf"),
        ],
        passing: [
            ControlExample(
                """
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Allow",
                    "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
                    "Action": "sts:AssumeRoleWithWebIdentity",
                    "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}
                  }]
                }
                """, file: "trust.json")
        ])
}
