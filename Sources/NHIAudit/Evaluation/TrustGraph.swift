/// Who trusts whom: an edge from each verifier to every issuer it lists in `trustedIssuers`. Issuers named by
/// a verifier but absent from the estate appear as `external` nodes, keyed by their issuer URL.
public struct TrustGraph: Codable, Sendable, Hashable {
    public struct Node: Codable, Sendable, Hashable {
        public enum Kind: String, Codable, Sendable { case issuer, verifier, external }

        /// `issuer/NAME`, `verifier/NAME`, or `external/URL`.
        public var id: String
        public var kind: Kind
        public var name: String
        public var environment: String?
        /// Controls that failed on this entity, so a reader sees where trust rests on a broken check.
        public var failingControls: [String]
    }

    public struct Edge: Codable, Sendable, Hashable {
        public var verifier: String
        public var issuer: String
        /// The `iss` value the verifier pins, as written.
        public var issuerURL: String
        public var jwksUri: String?
        public var location: ResultDocument.Location
        /// True when the verifier has failing results: the trust is only as good as its checks.
        public var verifierFails: Bool
    }

    public var nodes: [Node]
    public var edges: [Edge]
}

extension TrustGraph {
    /// `failing`: the controls that failed on each entity (`ResultTallies`).
    static func build(_ context: EvaluationContext, failingControls failing: [EntityRef: Set<String>]) -> TrustGraph {
        func node(_ ref: EntityRef, kind: Node.Kind, environment: String?) -> Node {
            Node(
                id: ref.description, kind: kind, name: ref.name, environment: environment,
                failingControls: (failing[ref] ?? []).sorted())
        }
        var nodes: [String: Node] = [:]
        // Through buffer pointers, whose subscripts lend each entity: `for issuer in issuers` copies every one.
        context.estate.issuers.withUnsafeBufferPointer { issuers in
            for index in issuers.indices {
                let ref = issuers[index].ref
                nodes[ref.description] = node(
                    ref, kind: .issuer, environment: issuers[index].metadata.environment.value)
            }
        }
        var edges: [Edge] = []
        context.estate.verifiers.withUnsafeBufferPointer { verifiers in
            for index in verifiers.indices {
                let verifier = verifiers[index].ref
                nodes[verifier.description] = node(
                    verifier, kind: .verifier, environment: verifiers[index].metadata.environment.value)
                for trusted in verifiers[index].trustedIssuers.value ?? [] {
                    guard let url = trusted.issuer.value else { continue }
                    let matches = context.issuersByURL[URLMatching.normalizedIssuer(url)] ?? []
                    var targets = matches.map(\.ref.description)
                    if targets.isEmpty {
                        let id = "external/\(url)"
                        nodes[id] = Node(id: id, kind: .external, name: url, environment: nil, failingControls: [])
                        targets = [id]
                    }
                    let location = trusted.issuer.location ?? trusted.location
                    for target in targets {
                        edges.append(
                            Edge(
                                verifier: verifier.description, issuer: target, issuerURL: url,
                                jwksUri: trusted.jwksURI.value,
                                location: .init(
                                    file: location.file, line: location.line, column: location.column,
                                    field: trusted.issuer.path),
                                verifierFails: failing[verifier] != nil))
                    }
                }
            }
        }
        return TrustGraph(
            nodes: nodes.values.sorted { $0.id < $1.id },
            edges: edges.sorted { ($0.verifier, $0.issuer, $0.issuerURL) < ($1.verifier, $1.issuer, $1.issuerURL) })
    }
}
