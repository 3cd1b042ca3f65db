/// NGINX Plus `auth_jwt` (ngx_http_auth_jwt_module, https://nginx.org/en/docs/http/ngx_http_auth_jwt_module.html).
/// One `Verifier` per `auth_jwt` directive that is not `off`; settings are inherited from enclosing blocks.
public struct NginxAuthJWTImporter: TextImporter {
    public let format = "nginx/auth_jwt"
    static let docs = "https://nginx.org/en/docs/http/ngx_http_auth_jwt_module.html"

    public init() {}

    public func recognizes(_ source: SourceText) -> Bool {
        guard !StructuredText.isStructured(source), source.text.contains("auth_jwt") else { return false }
        return NginxConfigParser.parse(source.text, file: source.path).directives.contains { $0.name == "auth_jwt" }
    }

    public func importText(_ source: SourceText, into sink: ImportSink) {
        let parsed = NginxConfigParser.parse(source.text, file: source.path)
        for (location, reason) in parsed.problems { sink.report(.init(.unreadable, at: location, reason)) }
        let variables = Dictionary(
            parsed.directives.filter { $0.name == "set" && $0.arguments.count == 2 }.map { ($0.arguments[0], $0) },
            uniquingKeysWith: { _, last in last })
        var secrets = variables.values.compactMap(secret).sorted { $0.location < $1.location }
        for directive in parsed.directives where directive.name == "auth_jwt" && directive.arguments.first != "off" {
            // auth_jwt takes a realm and an optional token=; more words mean a missing `;` swallowed the next line.
            guard directive.arguments.count <= 2 else {
                sink.report(.init(.unreadable, at: directive.location, field: "auth_jwt",
                    "auth_jwt takes a realm and an optional token=$variable; a missing ';' probably joined it with the next directive, so it is not assessed"))
                continue
            }
            let settings = NginxAuthJWT(directive: directive, all: parsed.directives, variables: variables)
            sink.estate.verifiers.append(settings.verifier(format: format, secrets: secrets))
            secrets = []
        }
    }

    /// `set $oidc_client_secret "..."`, `set $oidc_hmac_key "..."`: committed secrets. NGINX does not expand
    /// templates, so only `${VAR}` (envsubst in the official image) counts as unresolved.
    private func secret(_ directive: NginxConfigParser.Directive) -> SecretMaterial? {
        let name = directive.arguments[0].lowercased()
        let value = directive.arguments[1]
        let secretName = ["secret", "hmac", "password", "passwd"].contains { name.contains($0) }
            || (name.hasSuffix("_key") && !name.contains("file"))
        guard secretName, !value.isEmpty, !value.contains("${"), !value.hasPrefix("$") else { return nil }
        return SecretMaterial(kind: "secret in NGINX variable \(directive.arguments[0])", value: value,
            path: "set \(directive.arguments[0])", location: directive.location)
    }
}

/// The settings that apply to one `auth_jwt` directive.
struct NginxAuthJWT {
    let directive: NginxConfigParser.Directive
    let all: [NginxConfigParser.Directive]
    let variables: [String: NginxConfigParser.Directive]

    /// The directive `name` in force at `auth_jwt`: the innermost enclosing block that sets it.
    func inherited(_ name: String) -> NginxConfigParser.Directive? {
        all.filter { $0.name == name && directive.scope.starts(with: $0.scope) }.max { $0.scope.count < $1.scope.count }
    }

    func resolved(_ argument: String, _ at: NginxConfigParser.Directive) -> Field<String> {
        if argument.hasPrefix("$"), let set = variables[argument] {
            return .known(set.arguments[1], path: "set \(argument)", at: set.location)
        }
        if argument.hasPrefix("$") {
            return Field(.placeholder(argument), path: at.name, location: at.location, display: argument)
        }
        return .known(argument, path: at.name, at: at.location)
    }

    func verifier(format: String, secrets: [SecretMaterial]) -> Verifier {
        let at = directive.location
        func note(_ text: String) -> String { "NGINX auth_jwt: \(text) (\(NginxAuthJWTImporter.docs))" }
        let require = inherited("auth_jwt_require")
        let keyRequest = inherited("auth_jwt_key_request")
        let keyFile = inherited("auth_jwt_key_file")
        var jwksURI: Field<String> = .absent("auth_jwt_key_request", at: at)
        if let keyRequest, let uri = keyRequest.arguments.first {
            jwksURI = resolved(uri, keyRequest)
        } else if let keyFile, let path = keyFile.arguments.first {
            let file = resolved(path, keyFile)
            jwksURI = Field(.absent, path: "auth_jwt_key_file", location: keyFile.location,
                note: "keys are read from the local file \(file.value ?? path)")
        }
        let claimCheck: (String) -> Field<Bool> = { claim in
            if let require {
                return Field(.absent, path: "auth_jwt_require", location: require.location,
                    note: "auth_jwt_require \(require.arguments.joined(separator: " ")) decides; whether it checks \(claim) depends on how those variables are mapped")
            }
            return .productDefault(false, path: "auth_jwt_require", at: at,
                note: note("\(claim) is not checked unless auth_jwt_require tests it"))
        }
        let leeway = inherited("auth_jwt_leeway")
        let clockSkew: Field<Int> = leeway.flatMap { directive in
            directive.arguments.first.flatMap(DurationParser.seconds).map { .known($0, path: "auth_jwt_leeway", at: directive.location) }
        } ?? .productDefault(0, path: "auth_jwt_leeway", at: at, note: note("auth_jwt_leeway is 0s"))
        let token = directive.arguments.first { $0.hasPrefix("token=") }.map { String($0.dropFirst(6)) }
        return Verifier(
            metadata: .unowned(name: "\(at.file):\(at.line)", format: format, at: at),
            trustedIssuers: .known([.init(
                issuer: Field(.absent, path: "auth_jwt_require", location: require?.location ?? at,
                    note: note("there is no issuer setting: any token signed by a configured key is accepted")),
                jwksURI: jwksURI, location: at)], path: "auth_jwt", at: at, display: directive.arguments.joined(separator: " ")),
            algorithms: .absent("auth_jwt_key_file", at: at),
            validates: .init(
                signature: .productDefault(true, path: "auth_jwt", at: at, note: note("the signature is verified with the configured keys")),
                issuer: claimCheck("iss"), audience: claimCheck("aud"),
                expiration: .productDefault(true, path: "auth_jwt", at: at, note: note("exp is checked")),
                notBefore: .productDefault(true, path: "auth_jwt", at: at, note: note("nbf is checked"))),
            audiences: .absent("auth_jwt_require", at: at), maxTokenAge: .absent("auth_jwt", at: at), clockSkew: clockSkew,
            jwks: .init(cacheTTL: .absent("auth_jwt_key_cache", at: at), refreshOnUnknownKid: .absent("auth_jwt_key_request", at: at),
                tlsVerify: .absent("auth_jwt_key_request", at: at)),
            trustsTokenHeaders: .productDefault(false, path: "auth_jwt", at: at, note: note("keys come only from auth_jwt_key_file or auth_jwt_key_request")),
            tokenSources: tokenSources(token, at: at, note: note("the token is read from the Authorization header")),
            forwardsToken: .absent("proxy_set_header", at: at),
            requiresToken: .productDefault(true, path: "auth_jwt", at: at, note: note("a request without a valid token gets 401")),
            revocationCheck: .absent("auth_jwt", at: at), replayProtection: .absent("auth_jwt", at: at),
            logsTokenValues: .absent("access_log", at: at), secrets: secrets)
    }

    /// `token=$cookie_x` is a cookie, `$arg_x` a query parameter, `$http_x` a header; another variable is unknown.
    private func tokenSources(_ token: String?, at: SourceLocation, note: String) -> ListField {
        guard let token else {
            return .productDefault([.known("header", path: "auth_jwt", at: at)], path: "auth_jwt", at: at, note: note)
        }
        let kinds = [("$cookie_", "cookie"), ("$arg_", "query"), ("$http_", "header")]
        guard let kind = kinds.first(where: { token.hasPrefix($0.0) })?.1 else {
            return Field(.placeholder(token), path: "auth_jwt token", location: at, display: token,
                note: "the token comes from the variable \(token); where it is filled from is not assessed")
        }
        return .known([.known(kind, path: "auth_jwt token", at: at)], path: "auth_jwt token", at: at, display: token)
    }
}
