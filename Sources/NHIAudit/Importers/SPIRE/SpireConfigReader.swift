/// Translates a parsed SPIRE server or agent configuration (`server {}` / `agent {}` and `plugins {}`) into a
/// `SpireDeployment`, and a server into an `Issuer` of JWT-SVIDs.
///
/// Defaults are SPIRE's documented ones (spiffe.io "Configuring SPIRE" server reference, SPIRE 1.x):
/// ca_ttl 24h, default_x509_svid_ttl 1h, default_jwt_svid_ttl 5m, ca_key_type ec-p256, and jwt_key_type
/// follows ca_key_type.
enum SpireConfigReader {
    static let format = "spire/config"
    private static let docs = "SPIRE server configuration reference (spiffe.io/docs/latest/deploying/spire_server)"

    static func read(_ body: HCLBody, file: String, sink: ImportSink) {
        let plugins = readPlugins(body.block("plugins"), sink: sink)
        for role in ["server", "agent"] {
            for block in body.blocks(role) {
                let deployment = readDeployment(block, role: role, plugins: plugins, file: file, sink: sink)
                sink.estate.spireDeployments.append(deployment)
                if role == "server" { sink.estate.issuers.append(issuer(for: deployment, block: block, sink: sink)) }
            }
        }
        if body.block("server") == nil && body.block("agent") == nil {
            sink.report(
                .init(.unreadable, at: SourceLocation(file: file, line: 1, column: 1),
                      "SPIRE configuration without a server {} or agent {} block"))
        }
    }

    private static func readDeployment(
        _ block: HCLBlock, role: String, plugins: [SpireDeployment.Plugin], file: String, sink: ImportSink
    ) -> SpireDeployment {
        let reader = HCLFieldReader(block, path: role, sink: sink.diagnostics)
        let trustDomain = reader.string("trust_domain")
        let isServer = role == "server"
        let legacyKey = reader.value("default_svid_ttl") != nil ? "default_svid_ttl" : "svid_ttl"
        var secrets: [SecretMaterial] = []
        if let token = reader.value("join_token")?.literalText, !token.isEmpty {
            secrets.append(
                SecretMaterial(kind: "SPIRE join token", value: token, path: reader.fieldPath("join_token"),
                               location: reader.value("join_token")!.location))
        }
        let name = "\(role) \(trustDomain.value ?? "unknown-trust-domain") (\(SourceText.fileName(of: file)))"
        return SpireDeployment(
            metadata: .unowned(name: name, format: format, at: block.location), role: role, trustDomain: trustDomain,
            caTTL: isServer ? withDefault(reader.duration("ca_ttl"), 86_400, "ca_ttl 24h") : .absent("ca_ttl", at: nil),
            x509SVIDTTL: isServer ? x509TTL(reader, legacy: reader.duration(legacyKey)) : .absent("default_x509_svid_ttl", at: nil),
            jwtSVIDTTL: isServer
                ? withDefault(reader.duration("default_jwt_svid_ttl"), 300, "default_jwt_svid_ttl 5m")
                : .absent("default_jwt_svid_ttl", at: nil),
            legacySVIDTTL: reader.duration(legacyKey),
            keyStorage: keyStorage(plugins, anchor: block.location), plugins: plugins, secrets: secrets)
    }

    /// The deprecated default_svid_ttl still sets the X.509-SVID lifetime when default_x509_svid_ttl is unset.
    private static func x509TTL(_ reader: HCLFieldReader, legacy: Field<Int>) -> Field<Int> {
        let explicit = reader.duration("default_x509_svid_ttl")
        guard explicit.isAbsent, !legacy.isAbsent else { return withDefault(explicit, 3600, "default_x509_svid_ttl 1h") }
        return legacy
    }

    private static func withDefault(_ field: Field<Int>, _ value: Int, _ what: String) -> Field<Int> {
        guard field.isAbsent else { return field }
        return .productDefault(value, path: field.path, at: field.location, note: "SPIRE default: \(what) (\(docs))")
    }

    private static func readPlugins(_ block: HCLBlock?, sink: ImportSink) -> [SpireDeployment.Plugin] {
        guard let block else { return [] }
        return block.body.blocks.compactMap { plugin in
            let name = plugin.labels.first ?? ""
            let path = "plugins.\(plugin.type).\(name)"
            let reader = HCLFieldReader(plugin, path: path, sink: sink.diagnostics)
            if reader.bool("enabled").value == false { return nil }
            let dataMembers = plugin.body.block("plugin_data")?.body.attributes
                ?? plugin.body.attribute("plugin_data")?.value.objectMembers ?? []
            let data = HCLFieldReader(dataMembers, path: "\(path).plugin_data", anchor: plugin.location, sink: sink.diagnostics)
            var settings: [String: Field<String>] = [:]
            for key in ["skip_kubelet_verification", "kubelet_read_only_port"] where data.value(key) != nil {
                settings[key] = data.string(key)
            }
            return SpireDeployment.Plugin(type: plugin.type, name: name, location: plugin.location, settings: settings)
        }
    }

    /// SPIRE KeyManager plugins by where the keys live.
    private static func keyStorage(_ plugins: [SpireDeployment.Plugin], anchor: SourceLocation) -> Field<String> {
        guard let manager = plugins.first(where: { $0.type == "KeyManager" }) else {
            return .absent("plugins.KeyManager", at: anchor)
        }
        let storage: String
        switch manager.name {
        case "disk", "memory": storage = manager.name
        case "aws_kms", "gcp_kms", "azure_key_vault", "hashicorp_vault": storage = "kms"
        default: storage = manager.name
        }
        return .known(storage, path: "plugins.KeyManager.\(manager.name)", at: manager.location,
                      display: "KeyManager \"\(manager.name)\"")
    }

    private static func issuer(for deployment: SpireDeployment, block: HCLBlock, sink: ImportSink) -> Issuer {
        let reader = HCLFieldReader(block, path: "server", sink: DiagnosticSink())  // already reported above
        let caKeyType = reader.string("ca_key_type")
        var keyType = reader.string("jwt_key_type")
        if keyType.isAbsent {
            keyType = caKeyType.isAbsent
                ? .productDefault("ec-p256", path: "server.jwt_key_type", at: block.location,
                                  note: "SPIRE default: jwt_key_type follows ca_key_type, default ec-p256 (\(docs))")
                : caKeyType
        }
        let algorithm = keyType.map { type -> String in
            switch type {
            case "ec-p384": "ES384"
            case let rsa where rsa.hasPrefix("rsa-"): "RS256"
            default: "ES256"
            }
        }
        let keySize = keyType.map { type in Int(type.split(separator: "-").last ?? "") ?? 0 }
        let anchor = block.location
        return Issuer(
            metadata: .unowned(name: deployment.metadata.name, format: format, at: anchor),
            issuerURL: templatedHost(reader.string("jwt_issuer")), jwksURI: .absent("jwks_uri", at: anchor),
            signing: .init(
                algorithm: algorithm, keyType: keyType,
                keySize: keyType.value?.hasPrefix("rsa-") == true ? keySize : .absent("server.ca_key_type", at: anchor),
                keyStorage: deployment.keyStorage, rotationPeriod: signingKeyLifetime(deployment.caTTL),
                keyCreated: Field(.absent, path: "keyCreated", location: anchor,
                    note: "SPIRE rotates its signing keys itself, so no key outlives ca_ttl")),
            tokens: .init(
                defaultTTL: deployment.jwtSVIDTTL,
                maxTTL: Field(.absent, path: "registration entry jwt_svid_ttl", location: anchor,
                    note: "SPIRE: each registration entry may set its own jwt_svid_ttl (not in the server "
                        + "configuration); workloads cannot ask for a lifetime"),
                audiences: Field(.absent, path: "audience", location: anchor,
                    note: "SPIRE: every JWT-SVID carries the audience the workload requests (the SPIFFE JWT-SVID "
                        + "standard requires aud); which audiences workloads ask for is not in the server configuration"),
                includesJti: .absent("jti", at: anchor),
                senderConstraint: .absent("senderConstraint", at: anchor)),
            revocation: .absent("revocation", at: anchor),
            logging: .init(issuance: .absent("log_level", at: anchor), includesTokenValues: .absent("log_level", at: anchor)),
            secrets: [])
    }

    /// SPIRE rotates the CA and the JWT signing key before ca_ttl ends ("The default CA/signing key TTL"), so
    /// a signing key lives at most ca_ttl.
    private static func signingKeyLifetime(_ caTTL: Field<Int>) -> Field<Int> {
        var period = caTTL
        period.note = "SPIRE: signing keys are rotated within ca_ttl (\(docs))"
        return period
    }

    /// Tutorials write `https://MY_DISCOVERY_DOMAIN` for "put your domain here": an upper-case host with
    /// underscores is no DNS name (RFC 1123 allows no `_` in host names), so it is a placeholder.
    private static func templatedHost(_ field: Field<String>) -> Field<String> {
        guard let url = field.value, let host = url.split(separator: "/").dropFirst().first,
            host.contains("_"), host == host.uppercased()
        else { return field }
        return Field(.placeholder(url), path: field.path, location: field.location, display: url)
    }

}
