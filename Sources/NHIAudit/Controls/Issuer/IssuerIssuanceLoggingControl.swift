/// ISS-LOG-001: the issuer does not log the tokens it mints (who got which token, when, for what audience).
public struct IssuerIssuanceLoggingControl: IssuerControl {
    public static let id = "ISS-LOG-001"
    public init() {}

    public func check(_ issuer: Issuer, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let issuance = issuer.logging.issuance
        guard let logged = issuance.value else { return .unknown(issuance) }
        if logged { return .pass("token issuance is logged", at: issuance) }
        return .fail(
            "token issuance is not logged: a stolen or misused identity cannot be traced to the tokens it obtained",
            at: issuance)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  logging:
                    issuance: ↓false
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  logging: {issuance: true, includesTokenValues: false}
                """)
        ])
}
