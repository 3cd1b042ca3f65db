/// Two-column layout of the trust graph: verifiers left, issuers right, edges as curves. Verifiers are ordered
/// by the mean position of the issuers they trust, which keeps most edges short and uncrossed.
struct TrustGraphLayout {
    struct Node {
        var x: Int
        var y: Int
        var textX: Int
        var textY: Int
        var label: String
        var detail: String
        var cssClass: String
        var tooltip: String
    }

    struct Edge {
        var path: String
        var cssClass: String
        var tooltip: String
    }

    static let nodeWidth = 300
    static let nodeHeight = 34
    static let rowHeight = 46
    static let width = 1000
    /// Beyond this many nodes per column the drawing stops being readable; the edge table lists everything.
    static let maxPerColumn = 60

    var nodes: [Node]
    var edges: [Edge]
    var height: Int
    var omitted: Int
    var hasOmitted: Bool

    init(_ graph: TrustGraph) {
        let issuerNodes = graph.nodes.filter { $0.kind != .verifier }
            .sorted { ($0.kind == .external ? 1 : 0, $0.id) < ($1.kind == .external ? 1 : 0, $1.id) }
        let shownIssuers = Array(issuerNodes.prefix(Self.maxPerColumn))
        let issuerRow = Dictionary(uniqueKeysWithValues: shownIssuers.enumerated().map { ($1.id, $0) })
        let edgesByVerifier = Dictionary(grouping: graph.edges, by: \.verifier)
        func meanRow(_ verifier: TrustGraph.Node) -> Int {
            let rows = (edgesByVerifier[verifier.id] ?? []).compactMap { issuerRow[$0.issuer] }
            return rows.isEmpty ? Int.max : rows.reduce(0, +) * 100 / rows.count
        }
        let verifierNodes = graph.nodes.filter { $0.kind == .verifier }
            .map { (node: $0, rank: meanRow($0)) }
            .sorted { ($0.rank, $0.node.id) < ($1.rank, $1.node.id) }.map(\.node)
        let shownVerifiers = Array(verifierNodes.prefix(Self.maxPerColumn))
        let verifierRow = Dictionary(uniqueKeysWithValues: shownVerifiers.enumerated().map { ($1.id, $0) })
        omitted = graph.nodes.count - shownIssuers.count - shownVerifiers.count
        hasOmitted = omitted > 0

        let rightX = Self.width - Self.nodeWidth - 10
        let top = 40
        func y(_ row: Int) -> Int { top + row * Self.rowHeight }
        func node(_ node: TrustGraph.Node, row: Int, x: Int) -> Node {
            let failing = node.failingControls.isEmpty ? "" : " · fails \(node.failingControls.joined(separator: ", "))"
            let detail: String
            switch node.kind {
            case .external: detail = "not in the estate"
            case .issuer, .verifier:
                detail = (node.environment ?? "no environment")
                    + (node.failingControls.isEmpty ? "" : " · \(node.failingControls.count) failing controls")
            }
            let css = node.kind == .external ? "external" : (node.failingControls.isEmpty ? "ok" : "failing")
            return Node(
                x: x, y: y(row), textX: x + 12, textY: y(row) + 14, label: Self.shorten(node.name, to: 34),
                detail: detail, cssClass: "\(node.kind.rawValue) \(css)", tooltip: "\(node.id)\(failing)")
        }
        nodes = shownVerifiers.enumerated().map { node($1, row: $0, x: 10) }
            + shownIssuers.enumerated().map { node($1, row: $0, x: rightX) }
        edges = graph.edges.compactMap { edge in
            guard let from = verifierRow[edge.verifier], let to = issuerRow[edge.issuer] else { return nil }
            let x1 = 10 + Self.nodeWidth
            let y1 = y(from) + Self.nodeHeight / 2
            let y2 = y(to) + Self.nodeHeight / 2
            let middle = (x1 + rightX) / 2
            return Edge(
                path: "M\(x1) \(y1) C\(middle) \(y1) \(middle) \(y2) \(rightX) \(y2)",
                cssClass: edge.verifierFails ? "edge failing" : "edge ok",
                tooltip: "\(edge.verifier) trusts \(edge.issuerURL)"
                    + (edge.verifierFails ? " (verifier has failing checks)" : ""))
        }
        height = top + max(shownIssuers.count, shownVerifiers.count, 1) * Self.rowHeight
    }

    static func shorten(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
