/// KEY-SIZE-001: the signing key is too short for its type (RSA, EC, HMAC).
public struct IssuerKeySizeControl: IssuerControl {
    public static let id = "KEY-SIZE-001"
    public init() {}

    public func check(_ issuer: Issuer, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let signing = issuer.signing
        let algorithm = signing.algorithm.value
        if algorithm?.lowercased() == "none" {
            return .notApplicable("the issuer signs with `none`: there is no key to measure", at: signing.algorithm)
        }
        let keyType = signing.keyType.value ?? algorithm.flatMap(Self.keyType(forAlgorithm:))
        guard let keyType else {
            // Every signing issuer has a key; not knowing its type is a gap, not an absence of risk.
            return .unknown(signing.keyType, needed: "neither the key type nor an algorithm that implies it is known")
        }
        let size = signing.keySize
        switch keyType {
        case "OKP":
            return .pass("OKP keys (Ed25519, Ed448) have a fixed size of at least 255 bits", at: signing.keyType)
        case "RSA":
            let minimum = policy.minRSAKeyBits
            return judge(size, minimum: minimum.value, what: "RSA key", setBy: "minRSAKeyBits (\(minimum.source))")
        case "EC":
            if size.value == nil, let algorithm, let bits = Self.curveBits[algorithm] {
                // RFC 7518 §3.4 binds each ES algorithm to one curve.
                return .pass("\(algorithm) signs with a \(bits)-bit curve (RFC 7518 §3.4)", at: signing.algorithm)
            }
            return judge(size, minimum: 256, what: "EC key", setBy: "this control for EC keys")
        default:
            // RFC 7518 §3.2: an HMAC key must be at least as long as the hash output.
            let hmac = algorithm.flatMap { name in Self.hmacBits[name].map { (name, $0) } } ?? ("HS256", 256)
            return judge(size, minimum: hmac.1, what: "HMAC key", setBy: "RFC 7518 §3.2 for \(hmac.0)")
        }
    }

    private func judge(_ size: Field<Int>, minimum: Int, what: String, setBy source: String) -> Outcome {
        guard let bits = size.value else { return .unknown(size, needed: "\(what) size is needed") }
        let rule = "the \(minimum)-bit minimum set by \(source)"
        if bits < minimum { return .fail("\(what) of \(bits) bits is below \(rule)", at: size) }
        return .pass("\(what) of \(bits) bits meets \(rule)", at: size)
    }

    static func keyType(forAlgorithm algorithm: String) -> String? {
        switch algorithm.prefix(2) {
        case "RS", "PS": return "RSA"
        case "ES": return "EC"
        case "HS": return "oct"
        default: return algorithm == "EdDSA" ? "OKP" : nil
        }
    }

    static let curveBits = ["ES256": 256, "ES384": 384, "ES512": 521]
    static let hmacBits = ["HS256": 256, "HS384": 384, "HS512": 512]

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  signing: {algorithm: RS256, keyType: RSA, keySize: ↓1024}
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  signing:
                    algorithm: HS512
                    keySize: ↓256
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Policy
                metadata: {name: strict}
                spec: {minRSAKeyBits: 3072}
                ---
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  signing: {keyType: RSA, keySize: ↓2048}
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  signing: {algorithm: RS256, keyType: RSA, keySize: 3072}
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  signing: {algorithm: ES384}
                """),
        ])
}
