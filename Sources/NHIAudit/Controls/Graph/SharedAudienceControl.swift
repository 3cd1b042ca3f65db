/// GRAPH-003: two or more verifiers accept the same audience, so a token minted for one service is also
/// accepted by the other (cross-service replay; RFC 8725 section 3.9, RFC 9068 section 4).
public struct SharedAudienceControl: Control {
    public static let id = "GRAPH-003"
    public init() {}

    /// Names listed per shared audience; the rest is counted, so one audience shared by thousands of
    /// verifiers costs each result a bounded amount of work and text.
    static let namesShown = 10

    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        let verifiers = context.estate.verifiers
        var acceptedBy: [String: [(name: String, index: Int)]] = [:]
        for (index, verifier) in verifiers.enumerated() {
            for audience in Set(verifier.audiences.knownItems) {
                acceptedBy[audience, default: []].append((verifier.metadata.name, index))
            }
        }
        for audience in acceptedBy.keys {
            acceptedBy[audience]?.sort { ($0.name, $0.index) < ($1.name, $1.index) }
        }
        return verifiers.enumerated().map { index, verifier in
            GraphOutcome.of(verifier, judge(verifier, index: index, acceptedBy: acceptedBy), context: context)
        }
    }

    private func judge(_ verifier: Verifier, index: Int, acceptedBy: [String: [(name: String, index: Int)]])
        -> Outcome
    {
        guard let items = verifier.audiences.value else { return .unknown(verifier.audiences) }
        if items.isEmpty {
            return .notApplicable("accepts no listed audience (VER-AUD-001 judges that)", at: verifier.audiences)
        }
        var seen: Set<String> = []
        var shared: [RelatedEvidence] = []
        var messages: [String] = []
        for item in items {
            guard let audience = item.value, seen.insert(audience).inserted else { continue }
            let sharers = acceptedBy[audience] ?? []
            guard sharers.count > 1 else { continue }
            let others = sharers.lazy.filter { $0.index != index }.prefix(Self.namesShown).map { "'\($0.name)'" }
            let rest = sharers.count - 1 - others.count
            let names = others.joined(separator: ", ") + (rest > 0 ? " and \(rest) more" : "")
            shared.append(RelatedEvidence(field: item, note: "also accepted by verifiers \(names)"))
            messages.append("audience '\(audience)' is also accepted by \(names)")
        }
        if !shared.isEmpty {
            return .fail(
                messages.joined(separator: "; ")
                    + ": a token minted for one of these services can be replayed to the others", sources: shared)
        }
        if let unresolved = verifier.audiences.unresolvedItems.first {
            return .unknown(unresolved, needed: "cannot tell whether another verifier accepts the same audience")
        }
        return .pass(
            "no other verifier in the estate accepts its audiences \(verifier.audiences.display ?? "")",
            at: verifier.audiences)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  audiences: [orders, ↓internal-services]
                ---
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: billing-api}
                spec:
                  audiences: [billing, internal-services]
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  audiences: [https://orders.example.com]
                ---
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: billing-api}
                spec:
                  audiences: [https://billing.example.com]
                """)
        ])
}
