/// oauth2-proxy alpha configuration (`--alpha-config`, YAML with `providers:` and `injectRequestHeaders:`).
/// https://oauth2-proxy.github.io/oauth2-proxy/configuration/alpha-config
public struct OAuth2ProxyAlphaImporter: DocumentImporter {
    public let format = "oauth2-proxy/alpha"

    public init() {}

    /// Alpha names mapped onto the cfg names the shared reader uses.
    static let providerKeys = [("clientID", "client_id"), ("clientSecret", "client_secret")]
    static let oidcKeys = [("issuerURL", "oidc_issuer_url"), ("jwksURL", "oidc_jwks_url"),
        ("skipDiscovery", "skip_oidc_discovery"), ("insecureSkipIssuerVerification", "insecure_oidc_skip_issuer_verification"),
        ("extraAudiences", "oidc_extra_audiences")]
    /// Claims that are the token itself: injecting them forwards the token upstream.
    static let tokenClaims: Set<String> = ["access_token", "id_token"]

    public func recognizes(_ document: DocumentNode) -> Bool {
        guard let providers = document["providers"], providers.isSequence else { return false }
        return providers.items.contains { $0["provider"] != nil || $0["oidcConfig"] != nil || $0["clientID"] != nil }
    }

    public func importDocument(_ document: DocumentNode, into sink: ImportSink) {
        let forwarding = tokenForwarding(document)
        for provider in document["providers"]?.items ?? [] {
            var entries: [FlatSettings.Entry] = []
            func add(_ node: DocumentNode?, as key: String) {
                guard let node else { return }
                let items = node.isSequence ? node.items.compactMap(\.scalar) : nil
                entries.append(.init(key: key, value: node.scalar ?? items?.joined(separator: ",") ?? "",
                    location: node.location, items: items, path: node.path))
            }
            for (alpha, cfg) in Self.providerKeys { add(provider[alpha], as: cfg) }
            for (alpha, cfg) in Self.oidcKeys { add(provider["oidcConfig"]?[alpha], as: cfg) }
            entries += forwarding
            let id = provider["id"]?.scalar ?? provider.path
            let settings = FlatSettings(entries: entries, anchor: provider.location)
            sink.estate.verifiers.append(
                OAuth2Proxy.verifier(settings, name: "\(document.file)#\(id)", format: format, sink: sink.diagnostics))
        }
    }

    /// A header filled from the `access_token`/`id_token` claim source passes the token on (like pass_access_token).
    private func tokenForwarding(_ document: DocumentNode) -> [FlatSettings.Entry] {
        ["injectRequestHeaders", "injectResponseHeaders"].flatMap { list in
            (document[list]?.items ?? []).flatMap { header in
                (header["values"]?.items ?? []).compactMap { value -> FlatSettings.Entry? in
                    guard let claim = value["claimSource"]?["claim"], let name = claim.scalar, Self.tokenClaims.contains(name)
                    else { return nil }
                    return .init(key: "pass_access_token", value: "true", location: claim.location, path: claim.path)
                }
            }
        }
    }
}
