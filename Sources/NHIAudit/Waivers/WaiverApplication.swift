/// Applies waivers to the evaluated results, after every control has run and before summary and coverage.
/// A failure covered by an applicable, unexpired waiver becomes `waived`; covered by an expired one it stays
/// `fail` with the waiver attached. Incomplete waivers (INP-001) and ones beyond `maxWaiverDuration`
/// (WAIVER-003) are not applicable and waive nothing.
enum WaiverApplication {
    /// Returns WAIVER-002 outcomes: one per applicable unexpired waiver, `fail` when it covers no failure.
    static func apply(to results: inout [ResultDocument.Result], context: EvaluationContext) -> [EntityOutcome] {
        let waivers = context.estate.waivers.filter { isApplicable($0, context: context) }
            .sorted { $0.metadata.location < $1.metadata.location }
        guard !waivers.isEmpty else { return [] }
        var environments: [EntityRef: String] = [:]
        for entity in context.allEntities { environments[entity.ref] = entity.metadata.environment.value }
        var covered = [Int](repeating: 0, count: waivers.count)
        for index in results.indices where results[index].status == .fail && !results[index].control.hasPrefix("WAIVER-") {
            let environment = environments[results[index].entity]
            let matching = waivers.indices.filter { waivers[$0].matches(results[index], environment: environment) }
            guard let chosen = matching.first(where: { !waivers[$0].isExpired(on: context.today) }) ?? matching.first else {
                continue
            }
            covered[chosen] += 1
            let waiver = waivers[chosen]
            results[index].waiver = waiver.record(today: context.today)
            if !waiver.isExpired(on: context.today) { results[index].status = .waived }
        }
        return waivers.indices.filter { !waivers[$0].isExpired(on: context.today) }.map { index in
            let waiver = waivers[index]
            let selector = [waiver.entity, waiver.file, waiver.environment].first { $0.value != nil } ?? waiver.control
            let outcome: Outcome =
                covered[index] == 0
                ? .fail(
                    "waiver '\(waiver.metadata.name)' for \(waiver.control.value ?? "?") matches no failing result; "
                        + "remove it or fix its selector (stale waivers hide future regressions)", at: selector)
                : .pass("waiver '\(waiver.metadata.name)' covers \(covered[index]) failing result(s)", at: selector)
            return EntityOutcome(
                entity: waiver.ref, anchor: waiver.metadata.location, policy: context.policyName(for: waiver.metadata),
                outcome: outcome)
        }
    }

    static func isApplicable(_ waiver: Waiver, context: EvaluationContext) -> Bool {
        guard waiver.isComplete else { return false }
        let policy = context.policy(for: waiver.metadata)
        return WaiverDurationControl().check(waiver, policy: policy, context: context).status == .pass
    }
}

/// WAIVER-002: a waiver that matches no failing result (stale). Decided by `WaiverApplication` after every other
/// control has run, because staleness depends on their results; `evaluate` therefore returns nothing.
public struct WaiverStaleControl: Control {
    public static let id = "WAIVER-002"
    public init() {}
    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] { [] }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Waiver
                metadata: {name: ghost}
                spec:
                  control: ISS-TTL-001
                  selector: {entity: ↓decommissioned-sts}
                  justification: legacy
                  owner: team-billing
                  approvedBy: ciso
                  ticket: SEC-14
                  expires: 2026-12-31
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: legacy-sts}
                spec:
                  tokens: {defaultTTL: 12h}
                ---
                apiVersion: nhi-audit/v1
                kind: Waiver
                metadata: {name: legacy}
                spec:
                  control: ISS-TTL-001
                  selector: {entity: legacy-*}
                  justification: vendor SDK cannot refresh tokens
                  owner: team-billing
                  approvedBy: ciso
                  ticket: SEC-15
                  expires: 2026-12-31
                """)
        ])
}
