/// FED-LOG-001: Vault logs received OIDC tokens and claims (`verbose_oidc_logging`).
public struct FederationLoggingControl: FederationControl {
    public static let id = "FED-LOG-001"
    public init() {}

    public func check(_ trust: FederationTrust, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        guard trust.platform == "vault-jwt" else {
            return .notApplicable("the platform has no token logging switch in its trust", at: trust.anchorEvidence)
        }
        let logging = trust.verboseLogging
        guard let enabled = logging.value else { return .unknown(logging) }
        if enabled {
            return .fail(
                "verbose_oidc_logging is on: with debug logging Vault writes received tokens and claims to its log",
                at: logging)
        }
        return .pass("received tokens are not logged", at: logging)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                {"data": {"role_type": "jwt", "user_claim": "sub", "bound_audiences": ["vault"],
                  "verbose_oidc_logging": ↓true}}
                """, file: "role.json")
        ],
        passing: [
            ControlExample(
                """
                {"data": {"role_type": "jwt", "user_claim": "sub", "bound_audiences": ["vault"]}}
                """, file: "role.json")
        ])
}
