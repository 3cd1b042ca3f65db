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

    /// One control's verdict on one entity. A copy-on-write box: reports hold hundreds of thousands of
    /// results, and sorting, annotating and rendering them would otherwise retain every string of a record
    /// at each copy; a copy now retains one reference.
    public struct Result: Codable, Sendable {
        /// Stable fingerprint: control, entity identity and field path; not the line.
        public var id: String {
            get { storage.id.string }
            set { unique().id = StoredFingerprint(newValue) }
        }
        /// `id` as the history stores it, without formatting and parsing the hex digits.
        var storedID: StoredFingerprint { storage.id }
        public var control: String {
            get { storage.control }
            set { unique().control = newValue }
        }
        public var title: String {
            get { storage.title }
            set { unique().title = newValue }
        }
        public var status: ResultStatus {
            get { storage.status }
            set { unique().status = newValue }
        }
        public var severity: Severity {
            get { storage.severity }
            set { unique().severity = newValue }
        }
        public var entity: EntityRef {
            get { storage.entity }
            set { unique().entity = newValue }
        }
        public var location: Location {
            get { storage.location }
            set {
                let evidence = self.evidence  // evidence kept "at the location" must stay where it was
                unique().location = newValue
                unique().evidence = EvidenceList(evidence, location: newValue)
            }
        }
        public var message: String {
            get { storage.message }
            set { unique().message = newValue }
        }
        public var evidence: [Evidence] {
            get { storage.evidence.items(at: storage.location) }
            set { unique().evidence = EvidenceList(newValue, location: storage.location) }
        }
        public var frameworks: [String: [String]] {
            get { storage.frameworks }
            set { unique().frameworks = newValue }
        }
        /// The policy whose thresholds applied (nil for input results).
        public var policy: String? {
            get { storage.policy }
            set { unique().policy = newValue }
        }
        /// The waiver that accepted (or, expired, no longer accepts) this failure.
        public var waiver: WaiverRecord? {
            get { storage.waiver?.record }
            set { unique().waiver = newValue.map(WaiverBox.init) }
        }
        /// Date of the earliest recorded run in which this result failed (history on).
        public var firstSeen: String? {
            get { storage.firstSeen }
            set { unique().firstSeen = newValue }
        }
        /// Failing now but not in the previous run (history on).
        public var isNew: Bool? {
            get { storage.isNew }
            set { unique().isNew = newValue }
        }
        /// With `--baseline`: whether this failure is already in the baseline (not new debt).
        public var inBaseline: Bool? {
            get { storage.inBaseline }
            set { unique().inBaseline = newValue }
        }

        private var storage: Storage

        public init(
            id: String, control: String, title: String, status: ResultStatus, severity: Severity, entity: EntityRef,
            location: Location, message: String, evidence: [Evidence], frameworks: [String: [String]], policy: String?,
            waiver: WaiverRecord? = nil, firstSeen: String? = nil, isNew: Bool? = nil, inBaseline: Bool? = nil
        ) {
            self.init(
                storedID: StoredFingerprint(id), control: control, title: title, status: status, severity: severity,
                entity: entity, location: location, message: message, evidence: evidence, frameworks: frameworks,
                policy: policy, waiver: waiver, firstSeen: firstSeen, isNew: isNew, inBaseline: inBaseline)
        }

        init(
            storedID: StoredFingerprint, control: String, title: String, status: ResultStatus, severity: Severity,
            entity: EntityRef, location: Location, message: String, evidence: [Evidence],
            frameworks: [String: [String]], policy: String?, waiver: WaiverRecord? = nil, firstSeen: String? = nil,
            isNew: Bool? = nil, inBaseline: Bool? = nil
        ) {
            storage = Storage(
                id: storedID, control: control, title: title, status: status, severity: severity, entity: entity,
                location: location, message: message, evidence: evidence, frameworks: frameworks, policy: policy,
                waiver: waiver.map(WaiverBox.init), firstSeen: firstSeen, isNew: isNew, inBaseline: inBaseline)
        }

        private mutating func unique() -> Storage {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }

        enum CodingKeys: String, CodingKey {
            case id, control, title, status, severity, entity, location, message, evidence, frameworks, policy
            case waiver, firstSeen, isNew, inBaseline
        }

        public init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                id: try values.decode(String.self, forKey: .id),
                control: try values.decode(String.self, forKey: .control),
                title: try values.decode(String.self, forKey: .title),
                status: try values.decode(ResultStatus.self, forKey: .status),
                severity: try values.decode(Severity.self, forKey: .severity),
                entity: try values.decode(EntityRef.self, forKey: .entity),
                location: try values.decode(Location.self, forKey: .location),
                message: try values.decode(String.self, forKey: .message),
                evidence: try values.decode([Evidence].self, forKey: .evidence),
                frameworks: try values.decode([String: [String]].self, forKey: .frameworks),
                policy: try values.decodeIfPresent(String.self, forKey: .policy),
                waiver: try values.decodeIfPresent(WaiverRecord.self, forKey: .waiver),
                firstSeen: try values.decodeIfPresent(String.self, forKey: .firstSeen),
                isNew: try values.decodeIfPresent(Bool.self, forKey: .isNew),
                inBaseline: try values.decodeIfPresent(Bool.self, forKey: .inBaseline))
        }

        public func encode(to encoder: any Encoder) throws {
            var values = encoder.container(keyedBy: CodingKeys.self)
            try values.encode(id, forKey: .id)
            try values.encode(control, forKey: .control)
            try values.encode(title, forKey: .title)
            try values.encode(status, forKey: .status)
            try values.encode(severity, forKey: .severity)
            try values.encode(entity, forKey: .entity)
            try values.encode(location, forKey: .location)
            try values.encode(message, forKey: .message)
            try values.encode(evidence, forKey: .evidence)
            try values.encode(frameworks, forKey: .frameworks)
            try values.encodeIfPresent(policy, forKey: .policy)
            try values.encodeIfPresent(waiver, forKey: .waiver)
            try values.encodeIfPresent(firstSeen, forKey: .firstSeen)
            try values.encodeIfPresent(isNew, forKey: .isNew)
            try values.encodeIfPresent(inBaseline, forKey: .inBaseline)
        }

        /// Mutated only through `unique()`, so a shared box is never written: safe to send.
        private final class Storage: @unchecked Sendable {
            /// 10 bytes instead of a 20-character string on the heap.
            var id: StoredFingerprint
            var control: String
            var title: String
            var status: ResultStatus
            var severity: Severity
            var entity: EntityRef
            var location: Location
            var message: String
            var evidence: EvidenceList
            var frameworks: [String: [String]]
            var policy: String?
            /// Boxed: a waiver is seven strings, and all but a few of hundreds of thousands of results have none.
            var waiver: WaiverBox?
            var firstSeen: String?
            var isNew: Bool?
            var inBaseline: Bool?

            init(
                id: StoredFingerprint, control: String, title: String, status: ResultStatus, severity: Severity,
                entity: EntityRef, location: Location, message: String, evidence: [Evidence],
                frameworks: [String: [String]], policy: String?, waiver: WaiverBox?, firstSeen: String?,
                isNew: Bool?, inBaseline: Bool?
            ) {
                self.id = id
                self.control = control
                self.title = title
                self.status = status
                self.severity = severity
                self.entity = entity
                self.location = location
                self.message = message
                self.evidence = EvidenceList(evidence, location: location)
                self.frameworks = frameworks
                self.policy = policy
                self.waiver = waiver
                self.firstSeen = firstSeen
                self.isNew = isNew
                self.inBaseline = inBaseline
            }

            func copy() -> Storage {
                Storage(
                    id: id, control: control, title: title, status: status, severity: severity, entity: entity,
                    location: location, message: message, evidence: evidence.items(at: location),
                    frameworks: frameworks, policy: policy, waiver: waiver, firstSeen: firstSeen, isNew: isNew,
                    inBaseline: inBaseline)
            }
        }

        /// Three results in four have one piece of evidence, at the result's own location: those keep only its
        /// value and note, not an array of it (about 110 bytes less each).
        private enum EvidenceList: Sendable {
            case atLocation(value: String?, note: String?)
            case items([Evidence])

            init(_ evidence: [Evidence], location: Location) {
                if evidence.count == 1, evidence[0].file == location.file, evidence[0].line == location.line,
                    evidence[0].column == location.column, evidence[0].field == location.field
                {
                    self = .atLocation(value: evidence[0].value, note: evidence[0].note)
                } else {
                    self = .items(evidence)
                }
            }

            func items(at location: Location) -> [Evidence] {
                switch self {
                case .atLocation(let value, let note):
                    let place = SourceLocation(file: location.file, line: location.line, column: location.column)
                    return [Evidence(at: place, field: location.field, value: value, note: note)]
                case .items(let evidence): return evidence
                }
            }
        }
    }

    /// A waiver record behind a reference.
    final class WaiverBox: Sendable {
        let record: WaiverRecord
        init(_ record: WaiverRecord) { self.record = record }
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
