/// ISS-KEY-001: the signing key is kept somewhere the policy does not allow (a file, env var, memory, inline).
public struct IssuerKeyStorageControl: IssuerControl {
    public static let id = "ISS-KEY-001"
    public init() {}

    public func check(_ issuer: Issuer, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let storage = issuer.signing.keyStorage
        guard let place = storage.value else { return .unknown(storage) }
        let allowed = policy.allowedKeyStorage
        let allowedText = "[\(allowed.value.joined(separator: ", "))] (\(allowed.source))"
        if allowed.value.contains(place) {
            return .pass("signing key storage \(place) is in allowedKeyStorage \(allowedText)", at: storage)
        }
        return .fail(
            "signing key storage \(place) is not in allowedKeyStorage \(allowedText): the private key can be "
                + "copied by anyone who can read the host, its environment or its configuration", at: storage)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  signing:
                    algorithm: RS256
                    keyStorage: ↓file
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Policy
                metadata: {name: prod}
                spec:
                  appliesTo: {environments: [prod]}
                  allowedKeyStorage: [hsm]
                ---
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts, environment: prod}
                spec:
                  signing: {keyStorage: ↓kms}
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  signing: {keyStorage: kms}
                """)
        ])
}
