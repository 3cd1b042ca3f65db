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
        var newCount = 0
        var waived: [WaiverRow] = []
        for index in document.results.indices {  // one pass through indexes: each record is read once, not copied
            let result = document.results[index]
            if result.isNew == true && result.status == .fail { newCount += 1 }
            guard let waiver = result.waiver else { continue }
            waived.append(
                WaiverRow(
                    control: result.control, entity: result.entity.description,
                    location: "\(result.locationFile):\(result.locationLine)", name: waiver.name, owner: waiver.owner,
                    approvedBy: waiver.approvedBy, ticket: waiver.ticket, expires: waiver.expires,
                    justification: waiver.justification, source: waiver.source, expired: waiver.expired))
        }
        self.newCount = newCount
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
        waived.sort { ($0.expired ? 0 : 1, $0.expires, $0.control, $0.entity) < ($1.expired ? 0 : 1, $1.expires, $1.control, $1.entity) }
        expiredWaivers = waived.filter(\.expired).count
        hasExpiredWaivers = expiredWaivers > 0
        waivers = Array(waived.prefix(limit))
        hasWaivers = !waived.isEmpty
        waiversOmitted = max(0, waived.count - limit)
        hasWaiversOmitted = waiversOmitted > 0
    }
}
