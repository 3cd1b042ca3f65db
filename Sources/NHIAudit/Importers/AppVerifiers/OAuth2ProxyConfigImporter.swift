/// oauth2-proxy's legacy config file (`oauth2_proxy.cfg`, the TOML form of its command-line flags).
public struct OAuth2ProxyConfigImporter: TextImporter {
    public let format = "oauth2-proxy/cfg"

    public init() {}

    /// Settings only oauth2-proxy has; two of them (or one plus a provider) identify the file.
    static let distinctiveKeys: Set<String> = ["oidc_issuer_url", "cookie_secret", "upstreams", "email_domains",
        "skip_jwt_bearer_tokens", "oidc_jwks_url", "set_xauthrequest", "pass_access_token", "skip_provider_button",
        "cookie_secure", "extra_jwt_issuers", "skip_oidc_discovery", "whitelist_domains", "set_authorization_header"]

    public func recognizes(_ source: SourceText) -> Bool {
        guard !StructuredText.isStructured(source), source.text.contains("=") else { return false }
        let parsed = OAuth2ProxyConfigParser.parse(source.text, file: source.path)
        let distinctive = Set(parsed.entries.map(\.key)).intersection(Self.distinctiveKeys).count
        return distinctive >= 2 && parsed.problems.count <= parsed.entries.count / 4
    }

    public func importText(_ source: SourceText, into sink: ImportSink) {
        let parsed = OAuth2ProxyConfigParser.parse(source.text, file: source.path)
        for problem in parsed.problems {
            sink.report(.init(.unreadable, at: SourceLocation(file: source.path, line: problem.line, column: 1),
                "\(problem.reason); the line is not assessed"))
        }
        let settings = FlatSettings(entries: parsed.entries, anchor: SourceLocation(file: source.path, line: 1, column: 1))
        sink.estate.verifiers.append(OAuth2Proxy.verifier(settings, name: source.path, format: format, sink: sink.diagnostics))
    }
}
