/// What the summary, coverage and trust graph need from the results, counted in one pass over them in the order
/// they were made. After the sort, each record sits at a scattered address, and reading them in report order
/// for each of the three cost a cache miss per result every time.
struct ResultTallies: Sendable {
    /// Results by status, in `ResultStatus.allCases` order.
    private(set) var statusCounts = [Int](repeating: 0, count: ResultStatus.allCases.count)
    /// Failures by severity, in `Severity.allCases` order.
    private(set) var failureSeverityCounts = [Int](repeating: 0, count: Severity.allCases.count)
    /// Counts by status for each control, in `ResultStatus.allCases` order.
    private(set) var statusCountsByControl: [String: [Int]] = [:]
    /// Controls that failed, by entity.
    private(set) var failingControls: [EntityRef: Set<String>] = [:]
    var results: Int { statusCounts.reduce(0, +) }

    init(_ results: [ResultDocument.Result]) {
        var none: ReportOrder? = nil
        self.init(results, gathering: &none)
    }

    /// Also adds each result to `order`, when there is one: the sort's keys come from the same reads.
    init(_ results: [ResultDocument.Result], gathering order: inout ReportOrder?) {
        let (statuses, severities) = (ResultStatus.allCases, Severity.allCases)
        // Counted per shared `ControlFacts`, then per control.
        var factsSlots = ControlFactsSlots()
        var countsBySlot: [(control: String, counts: [Int])] = []
        for index in results.indices {  // indexes, not copies of each result
            let facts = results[index].facts
            let (slot, isNew) = factsSlots.slot(of: facts)
            if isNew { countsBySlot.append((facts.control, Array(repeating: 0, count: statuses.count))) }
            order?.add(results, index, factsSlot: slot, newFactsControl: isNew ? facts.control : nil)
            let status = results[index].status
            let statusIndex = statuses.firstIndex(of: status)!
            countsBySlot[slot].counts[statusIndex] += 1
            statusCounts[statusIndex] += 1
            if status == .fail {
                failureSeverityCounts[severities.firstIndex(of: results[index].severity)!] += 1
                failingControls[results[index].entity, default: []].insert(facts.control)
            }
        }
        for (control, counts) in countsBySlot {
            statusCountsByControl[control] = zip(statusCountsByControl[control] ?? counts.map { _ in 0 }, counts)
                .map { $0 + $1 }
        }
    }
}
