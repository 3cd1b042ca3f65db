/// ISS-DISC-001: discovery metadata a client cannot safely rely on: an issuer that is not a plain https URL or
/// differs from the issuer that publishes the same keys (RFC 8414 section 3.3, OpenID Discovery section 4.3),
/// endpoints over http, or the `none` algorithm advertised.
public struct DiscoveryDocumentControl: EntityControl {
    public static let id = "ISS-DISC-001"
    public init() {}

    public static func subjects(in estate: Estate) -> [DiscoveryDocument] { estate.discoveryDocuments }

    public func check(_ document: DiscoveryDocument, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        guard let issuer = document.issuer.value else { return .unknown(document.issuer) }
        var problems: [String] = []
        var sources: [any EvidenceSource & Sendable] = []
        // RFC 8414 section 2: https, no query, no fragment.
        if !URLMatching.isHTTPS(issuer) || issuer.contains("?") || issuer.contains("#") {
            problems.append("issuer \(issuer) is not an https URL without query or fragment")
            sources.append(document.issuer)
        }
        if let jwks = document.jwksURI.value {
            let others = context.estate.issuers.filter {
                $0.jwksURI.value == jwks && $0.issuerURL.value.map(URLMatching.normalizedIssuer) != URLMatching.normalizedIssuer(issuer)
            }
            for other in others where other.issuerURL.value != nil {
                problems.append("issuer \(issuer) differs from \(other.issuerURL.value ?? "") (\(other.metadata.location)), which publishes the same jwks_uri")
                sources.append(document.issuer)
            }
        }
        let plain = document.endpoints.filter { $0.value?.lowercased().hasPrefix("http://") == true }
        if !plain.isEmpty {
            problems.append("\(plain.count) endpoint(s) over plain http (\(plain.map(\.path).joined(separator: ", ")))")
            sources += plain as [any EvidenceSource & Sendable]
        }
        let none = document.algorithmLists.filter { $0.knownItems.contains { $0.lowercased() == "none" } }
        if !none.isEmpty {
            problems.append("'none' is advertised in \(none.map(\.path).joined(separator: ", "))")
            sources += none as [any EvidenceSource & Sendable]
        }
        if !problems.isEmpty { return .fail(problems.joined(separator: "; "), sources: sources) }
        if let unresolved = document.endpoints.first(where: { $0.value == nil }) { return .unknown(unresolved) }
        return .pass("https issuer and endpoints, no 'none' algorithm advertised", at: document.issuer)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                {
                  "issuer": "https://id.example.com",
                  "jwks_uri": ↓"http://id.example.com/keys",
                  "response_types_supported": ["code"]
                }
                """, file: "openid-configuration"),
            ControlExample(
                """
                {
                  "issuer": "https://id.example.com",
                  "jwks_uri": "https://id.example.com/keys",
                  "id_token_signing_alg_values_supported": ↓["RS256", "none"]
                }
                """, file: "openid-configuration.json"),
        ],
        passing: [
            ControlExample(
                """
                {
                  "issuer": "https://id.example.com",
                  "jwks_uri": "https://id.example.com/keys",
                  "token_endpoint": "https://id.example.com/token",
                  "id_token_signing_alg_values_supported": ["RS256", "ES256"]
                }
                """, file: "openid-configuration")
        ])
}
