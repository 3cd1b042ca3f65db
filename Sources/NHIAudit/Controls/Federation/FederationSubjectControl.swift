/// FED-SUB-001: a federation trust that does not test the token's `sub`.
public struct FederationSubjectControl: FederationControl {
    public static let id = "FED-SUB-001"
    public init() {}

    public func check(_ trust: FederationTrust, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        if let human = trust.humanLoginOutcome { return human }
        if let subject = trust.conditions(on: "sub").first {
            return .pass("the trust tests sub (\(subject.values.display ?? "?"))", at: subject.values)
        }
        if let unknown = trust.indeterminateConditions() { return unknown }
        let provider = trust.provider.value.map { "the provider \($0)" }
            ?? "the provider (\(trust.provider.display ?? "unresolved"))"
        if let project = trust.conditions.first(where: { FederationTrust.projectClaims.contains($0.claimName ?? "") }) {
            return .fail(
                "no condition on sub; bound only on \(project.claimName ?? "?") = \(project.values.display ?? "?"), so "
                    + "every branch, tag, pull request and environment of it can use this trust",
                at: trust.anchorEvidence, project.values, severity: .high)
        }
        return .fail(
            "no condition on sub: any token \(provider) issues with an accepted audience can use this trust "
                + "(other repositories, branches or service accounts included)",
            at: trust.anchorEvidence, trust.provider)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    ↓{
                      "Effect": "Allow",
                      "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
                      "Action": "sts:AssumeRoleWithWebIdentity",
                      "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}
                    }
                  ]
                }
                """, file: "trust.json"),
            ControlExample(
                """
                ↓resource "vault_jwt_auth_backend_role" "ci" {
                  backend         = "jwt"
                  role_name       = "ci"
                  role_type       = "jwt"
                  user_claim      = "actor"
                  bound_audiences = ["https://github.com/acme"]
                  bound_claims = {
                    repository = "acme/infra"
                  }
                }
                """, file: "main.tf", severity: .high),
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
                    "Condition": {"StringEquals": {
                      "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                      "token.actions.githubusercontent.com:sub": "repo:acme/infra:ref:refs/heads/main"
                    }}
                  }]
                }
                """, file: "trust.json")
        ])
}
