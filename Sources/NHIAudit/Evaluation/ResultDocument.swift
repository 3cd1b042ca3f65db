/// The single document every report renders from, so HTML, XML, JSON and the rest cannot disagree.
/// Field names are a public contract (README, "report.json"): extend, never rename.
public struct ResultDocument: Codable, Sendable {
    public static let schemaVersion = "1.0"

    public struct Tool: Codable, Sendable {
        public var name: String
        public var version: String
    }

    public struct CatalogInfo: Codable, Sendable {
        public struct Framework: Codable, Sendable {
            public var id: String
            public var title: String
            public var version: String
            public var source: String
            /// Requirement groups (CSF categories with their function), for reports that group requirements.
            public var groups: [FrameworkCatalog.Group]? = nil
        }

        public var version: String
        public var frameworks: [Framework]
        public var controls: Int
    }

    public struct PolicyInForce: Codable, Sendable {
        public var name: String
        /// `file:line:column` of the Policy document, or `built-in baseline`.
        public var source: String
        public var environments: [String]
        public var thresholds: [String: String]
    }

    public struct EntityRecord: Codable, Sendable {
        public var kind: EntityKind
        public var name: String
        public var format: String
        public var file: String
        public var line: Int
        public var environment: String?
        public var owner: String?
        public var policy: String
    }

    public struct Location: Codable, Sendable, Hashable {
        public var file: String
        public var line: Int
        public var column: Int
        public var field: String
    }

    public struct Result: Codable, Sendable {
        /// Stable fingerprint: control, entity identity and field path; not the line.
        public var id: String
        public var control: String
        public var title: String
        public var status: ResultStatus
        public var severity: Severity
        public var entity: EntityRef
        public var location: Location
        public var message: String
        public var evidence: [Evidence]
        public var frameworks: [String: [String]]
        /// The policy whose thresholds applied (nil for input results).
        public var policy: String?
        /// The waiver that accepted (or, expired, no longer accepts) this failure.
        public var waiver: WaiverRecord? {
            get { waiverBox?.record }
            set { waiverBox = newValue.map(WaiverBox.init) }
        }
        /// Boxed: a waiver is seven strings, and all but a few of hundreds of thousands of results have none.
        private var waiverBox: WaiverBox? = nil
        /// Date of the earliest recorded run in which this result failed (history on).
        public var firstSeen: String? = nil
        /// Failing now but not in the previous run (history on).
        public var isNew: Bool? = nil
        /// With `--baseline`: whether this failure is already in the baseline (not new debt).
        public var inBaseline: Bool? = nil

        enum CodingKeys: String, CodingKey {
            case id, control, title, status, severity, entity, location, message, evidence, frameworks, policy
            case waiverBox = "waiver"
            case firstSeen, isNew, inBaseline
        }

        public init(
            id: String, control: String, title: String, status: ResultStatus, severity: Severity, entity: EntityRef,
            location: Location, message: String, evidence: [Evidence], frameworks: [String: [String]], policy: String?,
            waiver: WaiverRecord? = nil, firstSeen: String? = nil, isNew: Bool? = nil, inBaseline: Bool? = nil
        ) {
            self.id = id
            self.control = control
            self.title = title
            self.status = status
            self.severity = severity
            self.entity = entity
            self.location = location
            self.message = message
            self.evidence = evidence
            self.frameworks = frameworks
            self.policy = policy
            self.waiver = waiver
            self.firstSeen = firstSeen
            self.isNew = isNew
            self.inBaseline = inBaseline
        }
    }

    /// A waiver record behind a reference, encoded as the record itself.
    final class WaiverBox: Codable, Sendable {
        let record: WaiverRecord
        init(_ record: WaiverRecord) { self.record = record }
        init(from decoder: any Decoder) throws { record = try WaiverRecord(from: decoder) }
        func encode(to encoder: any Encoder) throws { try record.encode(to: encoder) }
    }

    public struct Summary: Codable, Sendable {
        public var results: Int
        public var byStatus: [String: Int]
        /// Failures by severity.
        public var bySeverity: [String: Int]
        public var entities: [String: Int]
        public var inputs: [String: Int]
    }

    public struct CoverageItem: Codable, Sendable {
        public enum Status: String, Codable, Sendable, CaseIterable {
            case fail, pass, indeterminate
            case notAssessed = "not-assessed"
            case manual
            case waived
        }

        public var id: String
        public var title: String
        public var group: String?
        public var status: Status
        /// Controls mapped to this requirement.
        public var controls: [String]
        public var counts: [String: Int]
    }

    public var schemaVersion: String
    public var tool: Tool
    /// ISO 8601 UTC; from `SOURCE_DATE_EPOCH` when set.
    public var generatedAt: String
    public var catalog: CatalogInfo
    /// SHA-256 over the input paths and hashes and the catalog version: equal digests, same estate.
    public var inputDigest: String
    public var inputs: [InputRecord]
    public var policies: [PolicyInForce]
    public var entities: [EntityRecord]
    public var summary: Summary
    public var results: [Result]
    public var coverage: [String: [CoverageItem]]
    public var controls: [ControlDescriptor]
    /// Verifier-to-issuer trust edges (added in 1.x; absent in older documents).
    public var trustGraph: TrustGraph? = nil
    /// SHA-256 over the input digest, the catalog's control files and the waivers (see `RunDigest`).
    public var runDigest: String? = nil
    /// Previous run and trend, from the history database (absent with `--no-history`).
    public var history: HistoryInfo? = nil
    /// The baseline compared against with `--baseline`.
    public var baseline: BaselineInfo? = nil
}
