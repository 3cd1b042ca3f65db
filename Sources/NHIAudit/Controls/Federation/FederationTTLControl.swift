/// FED-TTL-001: tokens a federation role hands out live longer than the policy allows, or without a 24h cap.
public struct FederationTTLControl: FederationControl {
    public static let id = "FED-TTL-001"
    public init() {}

    static let maximumCap = 24 * 3600

    public func check(_ trust: FederationTrust, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        guard trust.platform == "vault-jwt" else {
            return .notApplicable(
                "AWS session length is the role's max_session_duration (1h to 12h), not part of the trust policy",
                at: trust.anchorEvidence)
        }
        guard let ttl = trust.tokenTTL.value else { return .unknown(trust.tokenTTL) }
        let limit = policy.maxTokenTTL.value
        if ttl > limit {
            return .fail(
                "token_ttl \(DurationParser.format(ttl)) exceeds the policy's maxTokenTTL \(DurationParser.format(limit)) "
                    + "(\(policy.maxTokenTTL.source))" + (trust.tokenTTL.note.map { "; \($0)" } ?? ""), at: trust.tokenTTL)
        }
        guard let maximum = trust.tokenMaxTTL.value else { return .unknown(trust.tokenMaxTTL) }
        if maximum > Self.maximumCap {
            return .fail(
                "token_max_ttl \(DurationParser.format(maximum)) is over 24h: renewals keep a stolen Vault token alive"
                    + (trust.tokenMaxTTL.note.map { "; \($0)" } ?? ""),
                at: trust.tokenMaxTTL)
        }
        return .pass(
            "token_ttl \(DurationParser.format(ttl)) within \(DurationParser.format(limit)), max \(DurationParser.format(maximum))",
            at: trust.tokenTTL, trust.tokenMaxTTL)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                resource "vault_jwt_auth_backend_role" "deploy" {
                  backend         = "jwt"
                  role_name       = "deploy"
                  role_type       = "jwt"
                  user_claim      = "sub"
                  bound_audiences = ["vault"]
                  bound_subject   = "system:serviceaccount:ci:deployer"
                  token_ttl       = ↓86400
                  token_max_ttl   = 86400
                }
                """, file: "main.tf"),
            ControlExample(
                """
                ↓resource "vault_jwt_auth_backend_role" "deploy" {
                  backend         = "jwt"
                  role_name       = "deploy"
                  role_type       = "jwt"
                  user_claim      = "sub"
                  bound_audiences = ["vault"]
                  bound_subject   = "system:serviceaccount:ci:deployer"
                  token_ttl       = 900
                }
                """, file: "main.tf"),
        ],
        passing: [
            ControlExample(
                """
                {"data": {"role_type": "jwt", "user_claim": "sub", "bound_audiences": ["vault"],
                  "bound_subject": "system:serviceaccount:ci:deployer", "token_ttl": 900, "token_max_ttl": 3600}}
                """, file: "role.json")
        ])
}
