/// The `rules` (and `requirement_map`) of a JwtAuthentication: which providers are required where, and which
/// requirements fail open (`allow_missing`, `allow_missing_or_failed`; Envoy docs, "JwtRequirement").
struct EnvoyRequirements {
    struct Mention {
        var provider: String
        var location: SourceLocation
        var path: String
        var audiences: ListField?
    }

    struct FailOpen {
        var kind: String
        var location: SourceLocation
        var path: String
        /// Providers required alongside it; empty means the rule admits any request.
        var providers: [String]
    }

    private(set) var mentions: [Mention] = []
    private(set) var failOpen: [FailOpen] = []
    private(set) var unrequiredRules: [String] = []
    let rulesNode: DocumentNode?
    let sink: DiagnosticSink
    /// The providers the config defines.
    var defined: Set<String> = []

    init(root: FieldReader, sink: DiagnosticSink) {
        self.sink = sink
        rulesNode = root.raw("rules")
        let map = root.raw("requirement_map")
        for rule in rulesNode?.items ?? [] {
            let match = rule["match"]?.entries.first.map { "\($0.key) \($0.value.scalar ?? "…")" } ?? "(no match)"
            if let requires = rule["requires"] {
                collect(requires)
            } else if let name = rule["requirement_name"] {
                if let target = name.scalar.flatMap({ map?[$0] }) {
                    collect(target)
                } else {
                    sink.add(.init(.unreadable, at: name.location, field: name.path,
                        "requirement_name '\(name.scalar ?? "")' is not in requirement_map; Envoy rejects the configuration"))
                }
            } else {
                unrequiredRules.append(match)
            }
        }
    }

    private mutating func collect(_ node: DocumentNode) {
        var providers: [String] = []
        var opens: [(String, DocumentNode)] = []
        walk(node, providers: &providers, opens: &opens)
        for (kind, at) in opens {
            failOpen.append(FailOpen(kind: kind, location: at.anchor, path: at.path, providers: providers))
        }
    }

    private mutating func walk(_ node: DocumentNode, providers: inout [String], opens: inout [(String, DocumentNode)]) {
        if let name = node["provider_name"], let provider = name.scalar {
            providers.append(provider)
            mentions.append(Mention(provider: provider, location: name.location, path: name.path, audiences: nil))
        }
        if let both = node["provider_and_audiences"], let provider = both["provider_name"]?.scalar {
            providers.append(provider)
            let reader = FieldReader(both, path: both.path, anchor: both.anchor, sink: DiagnosticSink())
            mentions.append(Mention(provider: provider, location: both["provider_name"]!.location,
                path: both.path, audiences: reader.stringList("audiences")))
        }
        for kind in ["allow_missing", "allow_missing_or_failed"] {
            if let marker = node[kind] { opens.append((kind, marker)) }
        }
        for group in ["requires_any", "requires_all"] {
            for item in node[group]?["requirements"]?.items ?? [] { walk(item, providers: &providers, opens: &opens) }
        }
    }

    private var undefined: [Mention] { mentions.filter { !defined.contains($0.provider) } }

    func reportUndefined() {
        for mention in undefined {
            sink.add(.init(.unreadable, at: mention.location, field: mention.path,
                "rule requires provider '\(mention.provider)', which is not defined under providers; Envoy rejects "
                    + "the configuration (defined: \(defined.sorted().joined(separator: ", ")))"))
        }
    }

    /// Audiences a rule demands for `provider` (`provider_and_audiences`), used when the provider lists none.
    func audiences(for provider: String) -> ListField? {
        mentions.first { $0.provider == provider && $0.audiences?.knownItems.isEmpty == false }?.audiences
    }

    func requiresToken(_ provider: String, at anchor: SourceLocation, rulesPath: String) -> Field<Bool> {
        // Envoy refuses to load such a config, so no request reaches it: whether tokens are required is moot.
        if let broken = undefined.first {
            return Field(.invalid("a rule requires the undefined provider '\(broken.provider)', so Envoy rejects the "
                    + "configuration"), path: broken.path, location: broken.location, display: broken.provider)
        }
        if let open = failOpen.first(where: { $0.providers.isEmpty || $0.providers.contains(provider) }) {
            let what = open.kind == "allow_missing_or_failed"
                ? "requests with a missing or invalid token are let through"
                : "requests without a token are let through"
            return Field(.known(false), path: open.path, location: open.location, display: open.kind,
                note: "Envoy \(open.kind): \(what)")
        }
        guard let required = mentions.first(where: { $0.provider == provider }) else {
            return Field(.known(false), path: rulesPath, location: rulesNode?.location ?? anchor,
                display: rulesNode == nil ? "(no rules)" : nil,
                note: "Envoy verifies tokens only where a rule requires a provider; no rule requires '\(provider)'")
        }
        var note = "Envoy: a rule requires provider '\(provider)'; requests matching no rule are not checked"
        if !unrequiredRules.isEmpty {
            note += "; rules without requirement (token optional): " + unrequiredRules.joined(separator: ", ")
        }
        return Field(.known(true), path: required.path, location: required.location, display: provider, note: note)
    }
}
