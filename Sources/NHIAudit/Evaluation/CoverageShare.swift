/// `--min-coverage`: the assessed share of a framework's requirements that have automated controls.
/// Denominator: requirements whose status is not `manual`. Numerator: those the controls decided
/// (`pass`, `fail` or `waived`); `indeterminate` and `not-assessed` are not assessed. A failing requirement is
/// assessed: coverage measures how much was judged, the gate on findings is separate.
public enum CoverageShare {
    public static func percent(_ items: [ResultDocument.CoverageItem]) -> Double? {
        let automated = items.filter { $0.status != .manual }
        guard !automated.isEmpty else { return nil }
        let assessed = automated.filter { [.pass, .fail, .waived].contains($0.status) }
        return Double(assessed.count) * 100 / Double(automated.count)
    }
}
