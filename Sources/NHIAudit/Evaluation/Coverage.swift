/// Coverage per framework requirement. A requirement is `fail` if any mapped control failed, `indeterminate`
/// if any could not decide, `pass` only if mapped controls passed, `not-assessed` if controls map to it but
/// nothing in scope was judged, and `manual` if no automated control maps to it. `waived` (no failure, but a
/// failure accepted by a waiver) ranks below `fail` and above `indeterminate`: accepted risk is never a pass.
public struct CoverageCalculator {
    public var catalog: Catalog
    public var registry: ControlRegistry

    public func coverage(of results: [ResultDocument.Result]) -> [String: [ResultDocument.CoverageItem]] {
        coverage(ResultTallies(results))
    }

    func coverage(_ tallies: ResultTallies) -> [String: [ResultDocument.CoverageItem]] {
        var coverage: [String: [ResultDocument.CoverageItem]] = [:]
        for framework in catalog.frameworks {
            coverage[framework.id] = framework.requirements.map { requirement in
                let controls = catalog.controls.filter { $0.requirements(in: framework.id).contains(requirement.id) }
                    .map(\.id)
                var counts = Dictionary(uniqueKeysWithValues: ResultStatus.allCases.map { ($0.rawValue, 0) })
                for control in controls {
                    for (status, count) in zip(ResultStatus.allCases, tallies.statusCountsByControl[control] ?? []) {
                        counts[status.rawValue, default: 0] += count
                    }
                }
                return ResultDocument.CoverageItem(
                    id: requirement.id, title: requirement.title, group: requirement.group,
                    status: Self.status(controls: controls, counts: counts), controls: controls, counts: counts)
            }
        }
        return coverage
    }

    static func status(controls: [String], counts: [String: Int]) -> ResultDocument.CoverageItem.Status {
        if controls.isEmpty { return .manual }
        if counts[ResultStatus.fail.rawValue, default: 0] > 0 { return .fail }
        if counts[ResultStatus.waived.rawValue, default: 0] > 0 { return .waived }
        if counts[ResultStatus.indeterminate.rawValue, default: 0] > 0 { return .indeterminate }
        if counts[ResultStatus.pass.rawValue, default: 0] > 0 { return .pass }
        return .notAssessed
    }
}
