/// Collects what one check found, then decides in a fixed order: any failure fails (a known unsafe value
/// is a finding even when other values are unknown); otherwise the first unknown value makes the result
/// `indeterminate`; only when everything needed is known does it pass.
struct Verdict {
    private var reasons: [String] = []
    private var sources: [any EvidenceSource & Sendable] = []
    private var firstUnknown: Outcome?

    var hasFailed: Bool { !reasons.isEmpty }

    mutating func fail(_ reason: String, at evidence: [any EvidenceSource & Sendable]) {
        reasons.append(reason)
        sources.append(contentsOf: evidence)
    }

    mutating func fail(_ reason: String, at evidence: any EvidenceSource & Sendable) {
        fail(reason, at: [evidence])
    }

    /// The field's value, or nil after remembering it as the reason to be indeterminate.
    mutating func require<V>(_ field: Field<V>) -> V? {
        if let value = field.value { return value }
        if firstUnknown == nil { firstUnknown = .unknown(field) }
        return nil
    }

    mutating func indeterminate(_ outcome: Outcome) {
        if firstUnknown == nil { firstUnknown = outcome }
    }

    func outcome(
        pass message: @autoclosure () -> String, at passSources: [any EvidenceSource & Sendable],
        severity: Severity? = nil
    ) -> Outcome {
        if hasFailed { return .fail(reasons.joined(separator: "; "), sources: sources, severity: severity) }
        if let firstUnknown { return firstUnknown }
        return Outcome(status: .pass, message: message(), sources: passSources)
    }
}

extension Outcome {
    /// For a setting that is unsafe when it holds `unsafe`: fail at it, pass at it, or unknown.
    static func flag(_ field: Field<Bool>, unsafe: Bool, fail: String, pass: String) -> Outcome {
        guard let value = field.value else { return .unknown(field) }
        return value == unsafe ? .fail(fail, at: field) : .pass(pass, at: field)
    }
}
