/// FED-CLM-001: a trust bound on claims the token holder can influence, or on glob claims containing `*`.
public struct FederationClaimControl: FederationControl {
    public static let id = "FED-CLM-001"
    public init() {}

    public func check(_ trust: FederationTrust, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        if let human = trust.humanLoginOutcome { return human }
        if let unknown = trust.indeterminateConditions() { return unknown }
        let binding = trust.conditions.filter { $0.isBinding && $0.claimName != "aud" }
        for condition in binding where condition.match.value == "glob" && condition.claimName != "sub" {
            if let wildcard = (condition.values.value ?? []).first(where: { ($0.value ?? "").contains("*") }) {
                return .fail(
                    "glob condition on \(condition.claimName ?? "?") = \(wildcard.display ?? "?") accepts any value in "
                        + "the wildcard's place", at: wildcard)
            }
        }
        let influenced = binding.filter { FederationTrust.attackerInfluencedClaims.contains($0.claimName ?? "") }
        guard let first = influenced.first else {
            return .pass("no condition relies on a claim the caller chooses", at: trust.anchorEvidence)
        }
        let names = influenced.compactMap(\.claimName).joined(separator: ", ")
        if influenced.count == binding.count {
            return .fail(
                "bound only on \(names), which whoever runs the workflow chooses (head_ref is a pull request's source "
                    + "branch name, actor the user who triggered it)", at: first.values)
        }
        return .fail(
            "the \(names) condition gives no real restriction (head_ref is the pull request's source branch, named by "
                + "whoever opens it; bind ref or sub instead); the other conditions still apply",
            at: first.values, severity: .medium)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                resource "vault_jwt_auth_backend_role" "deploy" {
                  backend         = "jwt-github"
                  role_name       = "deploy"
                  role_type       = "jwt"
                  user_claim      = "actor"
                  bound_audiences = ["https://github.com/acme"]
                  bound_claims = {
                    head_ref = ↓"main"
                  }
                }
                """, file: "main.tf"),
            ControlExample(
                """
                resource "vault_jwt_auth_backend_role" "deploy" {
                  backend           = "jwt-gitlab"
                  role_name         = "deploy"
                  role_type         = "jwt"
                  user_claim        = "user_email"
                  bound_audiences   = ["https://vault.example.com"]
                  bound_claims_type = "glob"
                  bound_claims = {
                    project_path = ↓"acme/*"
                  }
                }
                """, file: "main.tf"),
        ],
        passing: [
            ControlExample(
                """
                resource "vault_jwt_auth_backend_role" "deploy" {
                  backend         = "jwt-github"
                  role_name       = "deploy"
                  role_type       = "jwt"
                  user_claim      = "actor"
                  bound_audiences = ["https://github.com/acme"]
                  bound_subject   = "repo:acme/infra:ref:refs/heads/main"
                  bound_claims = {
                    repository = "acme/infra"
                  }
                }
                """, file: "main.tf")
        ])
}
