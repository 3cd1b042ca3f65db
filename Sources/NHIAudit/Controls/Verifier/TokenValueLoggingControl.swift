/// VER-LOG-001: token values are written to logs, by an issuer or a verifier. Whoever reads the logs (or the
/// log pipeline's storage) can replay every token in them until it expires (RFC 6750 §5.3).
public struct TokenValueLoggingControl: Control {
    public static let id = "VER-LOG-001"
    public init() {}

    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        let issuers = context.estate.issuers.map { issuer in
            outcome(issuer, logged: issuer.logging.includesTokenValues, role: "issued", context: context)
        }
        let verifiers = context.estate.verifiers.map { verifier in
            outcome(verifier, logged: verifier.logsTokenValues, role: "received", context: context)
        }
        return issuers + verifiers
    }

    private func outcome(
        _ entity: some Entity, logged: Field<Bool>, role: String, context: EvaluationContext
    ) -> EntityOutcome {
        EntityOutcome(
            entity: entity.ref, anchor: entity.metadata.location, policy: context.policyName(for: entity.metadata),
            outcome: .flag(
                logged, unsafe: true,
                fail: "\(role) token values are written to logs, where anyone with log access can replay them",
                pass: "\(role) token values are not logged"))
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: ci-sts}
                spec:
                  logging: {issuance: true, includesTokenValues: ↓true}
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  logging:
                    tokenValues: ↓true
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: ci-sts}
                spec:
                  logging: {issuance: true, includesTokenValues: false}
                ---
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  logging: {tokenValues: false}
                """)
        ])
}
