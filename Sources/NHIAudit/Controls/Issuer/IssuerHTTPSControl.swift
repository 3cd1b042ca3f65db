/// ISS-URL-001: the issuer identifier or its JWKS is not served over https.
public struct IssuerHTTPSControl: IssuerControl {
    public static let id = "ISS-URL-001"
    public init() {}

    public func check(_ issuer: Issuer, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let urls = [issuer.issuerURL, issuer.jwksURI]
        let plain = urls.filter { Self.literalScheme(of: $0).map { $0 != "https" } ?? false }
        if !plain.isEmpty {
            let names = plain.map { "\($0.path) \($0.display ?? "")" }.joined(separator: ", ")
            return .fail(
                "not https: \(names); keys or discovery fetched over plain http can be swapped in transit",
                sources: plain)
        }
        if let unknown = urls.first(where: { Self.literalScheme(of: $0) == nil }) { return .unknown(unknown) }
        return .pass("issuer and jwksUri are https", at: issuer.issuerURL, issuer.jwksURI)
    }

    /// The URL scheme, also of a placeholder whose scheme is written literally (`https://${HOST}/jwks`):
    /// the unresolved part cannot change it.
    static func literalScheme(of url: Field<String>) -> String? {
        switch url.state {
        case .known(let text): return scheme(of: text) ?? ""
        case .placeholder(let text): return scheme(of: text)
        case .absent, .invalid: return nil
        }
    }

    /// RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), followed here by `://`.
    private static func scheme(of text: String) -> String? {
        guard let range = text.range(of: "://") else { return nil }
        let scheme = text[..<range.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return scheme.lowercased()
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  issuer: ↓http://sts.internal.example
                  jwksUri: https://sts.internal.example/jwks.json
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  issuer: https://sts.example.com
                  jwksUri: ↓http://${JWKS_HOST}/keys
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  issuer: https://sts.example.com
                  jwksUri: https://sts.example.com/.well-known/jwks.json
                """)
        ])
}
