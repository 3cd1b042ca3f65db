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
        self.init(results, results.indices, gathering: &none)
    }

    /// The tallies of all the results and the keys of their report order, each half counted on its own core.
    static func countedInOrder(_ results: [ResultDocument.Result]) -> (ResultTallies, ReportOrder) {
        let half = results.count / 2
        @Sendable func part(_ range: Range<Int>) -> (ResultTallies, ReportOrder) {
            var order: ReportOrder? = ReportOrder(capacity: range.count)
            return (ResultTallies(results, range, gathering: &order), order!)
        }
        var (first, second) = ParallelMap.pair({ part(0..<half) }, { part(half..<results.count) })
        first.0.add(second.0)
        first.1.append(&second.1)
        return first
    }

    /// Counts `range` of the results, and adds each to `order` when there is one: the sort's keys come from the
    /// same reads.
    init(_ results: [ResultDocument.Result], _ range: Range<Int>, gathering order: inout ReportOrder?) {
        let (statuses, severities) = (ResultStatus.allCases, Severity.allCases)
        // Counted per shared `ControlFacts`, then per control.
        var factsSlots = ControlFactsSlots()
        var countsBySlot: [(control: String, counts: [Int])] = []
        for index in range {  // indexes, not copies of each result
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
            statusCountsByControl[control, default: counts.map { _ in 0 }].add(counts)
        }
    }

    /// Adds the counts of other results.
    mutating func add(_ other: ResultTallies) {
        statusCounts.add(other.statusCounts)
        failureSeverityCounts.add(other.failureSeverityCounts)
        for (control, counts) in other.statusCountsByControl {
            statusCountsByControl[control, default: counts.map { _ in 0 }].add(counts)
        }
        for (entity, controls) in other.failingControls { failingControls[entity, default: []].formUnion(controls) }
    }
}

extension [Int] {
    fileprivate mutating func add(_ other: [Int]) {
        for index in indices { self[index] += other[index] }
    }
}
