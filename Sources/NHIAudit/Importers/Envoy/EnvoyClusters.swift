/// The clusters of a bootstrap, to tell how a remote JWKS is fetched: plain TCP, TLS without certificate
/// validation, or TLS with a validation context (Envoy docs, "UpstreamTlsContext": without
/// validation_context the server certificate is not verified).
struct EnvoyClusters {
    private var byName: [String: DocumentNode] = [:]
    let sink: DiagnosticSink

    init(document: DocumentNode, sink: DiagnosticSink) {
        self.sink = sink
        for cluster in document["static_resources"]?["clusters"]?.items ?? [] {
            if let name = cluster["name"]?.scalar, byName[name] == nil { byName[name] = cluster }
        }
    }

    /// `jwks.tlsVerify` for a remote JWKS fetched through `cluster`.
    func tlsVerify(cluster: Field<String>, uri: Field<String>) -> Field<Bool> {
        guard let name = cluster.value else { return Field<Bool>(.absent, path: cluster.path, location: cluster.location).withState(cluster) }
        guard let node = byName[name] else {
            sink.add(.init(.unreadable, at: cluster.location ?? uri.location ?? SourceLocation(file: "", line: 1, column: 1),
                field: cluster.path,
                "cluster '\(name)' is not defined in static_resources.clusters; Envoy rejects the configuration "
                    + "(or it comes from CDS, which is not among the inputs)"))
            return Field(.invalid("cluster '\(name)' not found"), path: cluster.path, location: cluster.location,
                display: name)
        }
        let transport = node["transport_socket"]
        let tls = transport?["typed_config"] ?? transport?["config"] ?? node["tls_context"]
        guard let tls else {
            return Field(.known(false), path: "\(node.path).transport_socket", location: node.anchor, display: name,
                note: "cluster '\(name)' has no transport_socket: the JWKS is fetched over plain TCP")
        }
        let common = tls["common_tls_context"]
        let validation = common?["validation_context"] ?? common?["combined_validation_context"]
            ?? common?["validation_context_sds_secret_config"]
        guard let validation, !validation.isNull else {
            return Field(.known(false), path: tls.path, location: (transport ?? tls).anchor, display: name,
                note: "cluster '\(name)' uses TLS without a validation_context: Envoy does not verify the JWKS "
                    + "server's certificate")
        }
        return Field(.known(true), path: validation.path, location: validation.anchor, display: name,
            note: "cluster '\(name)' verifies the server certificate (validation_context)")
    }
}
