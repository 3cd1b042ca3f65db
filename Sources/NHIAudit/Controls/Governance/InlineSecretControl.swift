/// SEC-001: private key material or a shared secret is written inline in a configuration file.
/// Evidence is the `SecretMaterial` (redacted length hint and fingerprint), never the value.
public struct InlineSecretControl: AnyEntityControl {
    public static let id = "SEC-001"
    public init() {}

    public func check(_ entity: any Entity, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let secrets = entity.secrets.sorted { $0.location < $1.location }
        if secrets.isEmpty { return .pass("no key material or secret is written inline") }
        let found = secrets.map { "\($0.kind) at \($0.path) (\($0.fingerprint))" }.joined(separator: "; ")
        return .fail(
            "\(secrets.count) secret(s) inline in configuration: \(found); anyone who can read the file, its "
                + "history or its backups holds the key", sources: secrets)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: legacy}
                spec:
                  signing:
                    algorithm: HS256
                    secret: ↓c2hhcmVkLXNlY3JldC1kby1ub3QtdXNl
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  signing: {algorithm: ES256, keyStorage: kms}
                """)
        ])
}
