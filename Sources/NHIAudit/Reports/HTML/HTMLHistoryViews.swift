/// The header, summary and scope parts of the HTML report that come from history, waivers and the baseline.
struct HTMLHistoryViews {
    struct WaiverRow {
        var control: String
        var entity: String
        var location: String
        var name: String
        var owner: String
        var approvedBy: String
        var ticket: String
        var expires: String
        var justification: String
        var source: String
        var expired: Bool
    }

    var trend: TrendChart?
    /// "Since run 4 (2026-11-17…): 2 new, 1 resolved", or why there is no trend.
    var historyLine: String?
    var newCount: Int
    var hasNew: Bool
    var baselineHasNew: Bool
    var hasHistory: Bool
    var baseline: BaselineInfo?
    var runDigest: String?
    var waivers: [WaiverRow]
    var hasWaivers: Bool
    var expiredWaivers: Int
    var hasExpiredWaivers: Bool
    var waiversOmitted: Int
    var hasWaiversOmitted: Bool

    init(_ document: ResultDocument, limit: Int) {
        trend = TrendChart(document.history)
        hasHistory = document.history != nil
        newCount = document.results.filter { $0.isNew == true && $0.status == .fail }.count
        hasNew = newCount > 0
        baselineHasNew = (document.baseline?.newFindings ?? 0) > 0
        if let history = document.history {
            historyLine = history.previousRun.map { run in
                "Run \(history.run). Since run \(run)" + (history.previousGeneratedAt.map { " (\($0))" } ?? "")
                    + ": \(history.newFindings) new, \(history.resolvedFindings) resolved."
            } ?? "Run \(history.run), the first recorded run: nothing to compare with yet."
        }
        baseline = document.baseline
        runDigest = document.runDigest
        let waived = document.results.compactMap { result in
            result.waiver.map { waiver in
                WaiverRow(
                    control: result.control, entity: result.entity.description,
                    location: "\(result.location.file):\(result.location.line)", name: waiver.name, owner: waiver.owner,
                    approvedBy: waiver.approvedBy, ticket: waiver.ticket, expires: waiver.expires,
                    justification: waiver.justification, source: waiver.source, expired: waiver.expired)
            }
        }.sorted { ($0.expired ? 0 : 1, $0.expires, $0.control, $0.entity) < ($1.expired ? 0 : 1, $1.expires, $1.control, $1.entity) }
        expiredWaivers = waived.filter(\.expired).count
        hasExpiredWaivers = expiredWaivers > 0
        waivers = Array(waived.prefix(limit))
        hasWaivers = !waived.isEmpty
        waiversOmitted = max(0, waived.count - limit)
        hasWaiversOmitted = waiversOmitted > 0
    }
}
