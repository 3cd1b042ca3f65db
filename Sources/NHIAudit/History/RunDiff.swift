import Foundation

/// What changed between two runs, by result fingerprint (so moved lines are not changes).
public struct RunDiff: Codable, Sendable {
    public enum Category: String, Codable, Sendable, CaseIterable {
        /// A finding now whose fingerprint the earlier run did not have at all.
        case new
        /// A finding now that the earlier run judged pass, indeterminate or not-applicable, or whose severity rose.
        case regressed
        /// A finding now whose waiver has expired (it was waived, or carries an expired waiver).
        case waiverExpired = "waiver-expired"
        /// A finding in the earlier run that is no longer one (passes now, or is gone).
        case resolved
        /// A finding in both runs, at the same or a lower severity.
        case stillFailing = "still-failing"
    }

    public struct Entry: Codable, Sendable, Hashable {
        public var category: Category
        public var fingerprint: String
        public var control: String
        public var entity: EntityRef
        public var file: String
        public var line: Int
        public var field: String
        public var severity: Severity
        public var previousSeverity: Severity?
        public var status: ResultStatus?
        public var previousStatus: ResultStatus?
        public var message: String
    }

    public var from: HistoryStore.Run
    public var to: HistoryStore.Run
    /// True when both runs have the same run digest: same inputs, catalog and waivers.
    public var sameEstate: Bool
    public var counts: [String: Int]
    public var entries: [Entry]

    public init(from: HistoryStore.Run, to: HistoryStore.Run, old: [HistoryStore.StoredResult], new: [HistoryStore.StoredResult]) {
        self.from = from
        self.to = to
        sameEstate = from.runDigest != nil && from.runDigest == to.runDigest
        let before = Dictionary(old.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [Entry] = []
        for result in new where result.status.isFinding {
            let earlier = before[result.fingerprint]
            let category: Category
            if result.status == .fail && (result.waiver != nil || earlier?.status == .waived) {
                category = .waiverExpired
            } else if let earlier, earlier.status.isFinding {
                category = result.severity > earlier.severity ? .regressed : .stillFailing
            } else {
                category = earlier == nil ? .new : .regressed
            }
            entries.append(.init(result, category: category, earlier: earlier))
        }
        for result in old where result.status.isFinding {
            let later = after[result.fingerprint]
            if later?.status.isFinding == true { continue }
            var entry = Entry(result, category: .resolved, earlier: result)
            entry.status = later?.status
            // The history keeps a pass's message once its fingerprint has been a finding, so an empty one means
            // a diff backwards in time (a later run as RUN_A).
            entry.message = later.map { $0.message.isEmpty ? "now \($0.status.rawValue)" : $0.message }
                ?? "no longer reported (entity or control gone)"
            entries.append(entry)
        }
        self.entries = entries.sorted {
            (Category.allCases.firstIndex(of: $0.category)!, -$0.severity.rank, $0.control, $0.entity.name, $0.fingerprint)
                < (Category.allCases.firstIndex(of: $1.category)!, -$1.severity.rank, $1.control, $1.entity.name, $1.fingerprint)
        }
        counts = Dictionary(uniqueKeysWithValues: Category.allCases.map { category in
            (category.rawValue, entries.filter { $0.category == category }.count)
        })
    }
}

extension RunDiff.Entry {
    init(_ result: HistoryStore.StoredResult, category: RunDiff.Category, earlier: HistoryStore.StoredResult?) {
        self.init(
            category: category, fingerprint: result.fingerprint, control: result.control, entity: result.entity,
            file: result.file, line: result.line, field: result.field, severity: result.severity,
            previousSeverity: earlier?.severity, status: result.status, previousStatus: earlier?.status,
            message: result.message)
    }
}
