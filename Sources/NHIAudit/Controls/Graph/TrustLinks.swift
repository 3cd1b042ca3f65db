/// How one `trustedIssuers` entry of a verifier resolves against the issuers of the estate.
enum TrustLink {
    /// The entry's `issuer` is absent, a placeholder or unreadable.
    case unresolved(Verifier.TrustedIssuer)
    /// The entry names an issuer URL that no Issuer in the estate declares.
    case external(Verifier.TrustedIssuer, url: String)
    /// The entry names the `iss` of these issuers (usually one).
    case matched(Verifier.TrustedIssuer, url: String, issuers: [Issuer])

    /// A verifier's entries resolved through the context's URL index (one dictionary lookup per entry).
    static func resolve(_ entries: [Verifier.TrustedIssuer], in context: EvaluationContext) -> [TrustLink] {
        entries.map { entry in
            guard let url = entry.issuer.value else { return .unresolved(entry) }
            let issuers = context.issuers(withURL: url)
            return issuers.isEmpty ? .external(entry, url: url) : .matched(entry, url: url, issuers: issuers)
        }
    }
}

/// Helpers shared by the cross-entity (GRAPH-*) controls, which judge one entity with an index built once.
enum GraphOutcome {
    static func of(_ entity: some Entity, _ outcome: Outcome, context: EvaluationContext) -> EntityOutcome {
        EntityOutcome(
            entity: entity.ref, anchor: entity.metadata.location, policy: context.policyName(for: entity.metadata),
            outcome: outcome)
    }

    /// Names in messages: sorted, quoted, and cut after `limit` with a count of the rest.
    static func list(_ names: [String], limit: Int = 5) -> String {
        let sorted = names.sorted()
        let shown = sorted.prefix(limit).map { "'\($0)'" }.joined(separator: ", ")
        return sorted.count > limit ? "\(shown) and \(sorted.count - limit) more" : shown
    }
}

/// Evidence that names related entities in its note (e.g. the other verifiers sharing an audience).
struct RelatedEvidence: EvidenceSource, Sendable {
    var field: Field<String>
    var note: String

    var evidenceDraft: EvidenceDraft {
        var draft = field.evidenceDraft
        draft.note = [draft.note, note].compactMap { $0 }.joined(separator: "; ")
        return draft
    }
}
