/// Reads an Istio `AuthorizationPolicy` spec: action and the request-principal conditions of its rules.
enum IstioAuthorizationPolicyReader {
    static let actions = ["ALLOW", "DENY", "AUDIT", "CUSTOM"]

    static func read(_ spec: FieldReader, metadata: EntityMetadata, scope: WorkloadScope, sink: DiagnosticSink)
        -> AccessPolicy
    {
        var action = spec.choice("action", actions)
        if action.isAbsent {
            action = .productDefault(
                "ALLOW", path: "spec.action", at: action.location,
                note: "Istio default: action ALLOW (istio.io AuthorizationPolicy reference)")
        }
        _ = spec.raw("provider")
        var rules: [AccessPolicy.Rule] = []
        if let list = spec.raw("rules"), !list.isNull {
            if list.isSequence {
                rules = list.items.map { readRule($0, sink: sink) }
            } else {
                sink.add(.init(.unreadable, at: list.location, field: "spec.rules", "expected a list of rules"))
            }
        }
        return AccessPolicy(metadata: metadata, scope: scope, action: action, rules: rules)
    }

    private static func readRule(_ node: DocumentNode, sink: DiagnosticSink) -> AccessPolicy.Rule {
        let rule = FieldReader(node, path: node.path, anchor: node.location, sink: sink)
        var sources: [AccessPolicy.Source] = []
        for from in rule.raw("from")?.items ?? [] {
            let source = FieldReader(from, path: from.path, anchor: from.location, sink: sink).nested("source")
            sources.append(
                AccessPolicy.Source(
                    location: from.location, requestPrincipals: source.stringList("requestPrincipals"),
                    notRequestPrincipals: source.stringList("notRequestPrincipals")))
        }
        var narrowedBy: [String] = []
        for operation in rule.raw("to")?.items ?? [] {
            for entry in operation["operation"]?.entries ?? [] {
                let values = entry.value.items.compactMap(\.scalar)
                narrowedBy.append("\(entry.key) [\(values.joined(separator: ", "))]")
            }
        }
        if let when = rule.raw("when"), !when.items.isEmpty { narrowedBy.append("when conditions") }
        rule.reportUnknownKeys()
        return AccessPolicy.Rule(location: node.location, sources: sources, narrowedBy: narrowedBy)
    }
}
