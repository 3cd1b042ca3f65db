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
        /// `location`'s parts, read without building it.
        var locationFile: String { storage.file }
        var locationLine: Int { Int(storage.line) }
        var locationColumn: Int { Int(storage.column) }
        var locationField: String { storage.field }
        /// `evidence` when it is one item at the result's own location (most results): its value and note,
        /// read without building the array. Nil for any other evidence.
        var soleEvidenceAtLocation: (value: String?, note: String?)? {
            switch storage.evidence {
            case .bare: (nil, nil)
            case .value(let value): (value, nil)
            case .note(let note): (nil, note)
            case .items: nil
            }
        }
        /// Shared by the results of one control under one policy: tallies can key on its identity.
        var facts: ControlFacts { storage.facts }
        /// `facts`' identity, read without retaining the object: writers compare it for every result and need
        /// the object itself only when a run of results with other facts begins.
        var factsIdentity: ObjectIdentifier { ObjectIdentifier(storage.facts) }
        public var control: String {
            get { storage.facts.control }
            set { unique().facts = storage.facts.with(control: newValue) }
        }
        public var title: String {
            get { storage.facts.title }
            set { unique().facts = storage.facts.with(title: newValue) }
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
            get { EntityRef(kind: storage.entityKind, name: storage.entityName) }
            set {
                let storage = unique()
                storage.entityKind = newValue.kind
                storage.entityName = newValue.name
            }
        }
        public var location: Location {
            get { storage.location }
            set {
                let evidence = self.evidence  // evidence kept "at the location" must stay where it was
                let storage = unique()
                storage.location = newValue
                storage.evidence = EvidenceList(evidence, location: storage.location)
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
            get { storage.facts.frameworks }
            set { unique().facts = storage.facts.with(frameworks: newValue) }
        }
        /// The policy whose thresholds applied (nil for input results).
        public var policy: String? {
            get { storage.facts.policy }
            set { unique().facts = storage.facts.with(policy: newValue) }
        }
        /// The waiver that accepted (or, expired, no longer accepts) this failure.
        public var waiver: WaiverRecord? {
            get { storage.annotations?.waiver }
            set { unique().annotations = Annotations.make(waiver: newValue, firstSeen: firstSeen) }
        }
        /// Date of the earliest recorded run in which this result failed (history on).
        public var firstSeen: String? {
            get { storage.annotations?.firstSeen }
            set { unique().annotations = Annotations.make(waiver: waiver, firstSeen: newValue) }
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
                storedID: StoredFingerprint(id),
                facts: ControlFacts(control: control, title: title, frameworks: frameworks, policy: policy),
                status: status, severity: severity, entity: entity, location: location, message: message,
                evidence: evidence, waiver: waiver, firstSeen: firstSeen, isNew: isNew, inBaseline: inBaseline)
        }

        /// `facts` is shared by every result of one control under one policy.
        init(
            storedID: StoredFingerprint, facts: ControlFacts, status: ResultStatus, severity: Severity,
            entity: EntityRef, location: Location, message: String, evidence: [Evidence],
            waiver: WaiverRecord? = nil, firstSeen: String? = nil, isNew: Bool? = nil, inBaseline: Bool? = nil
        ) {
            storage = Storage(
                id: storedID, facts: facts, status: status, severity: severity, entity: entity, location: location,
                message: message, evidence: EvidenceList(evidence, location: location))
            storage.annotations = Annotations.make(waiver: waiver, firstSeen: firstSeen)
            storage.isNew = isNew
            storage.inBaseline = inBaseline
        }

        /// A result citing one piece of evidence, as most do: no array is made to hold it.
        init(
            storedID: StoredFingerprint, facts: ControlFacts, status: ResultStatus, severity: Severity,
            entity: EntityRef, location: Location, message: String, soleEvidence: Evidence
        ) {
            storage = Storage(
                id: storedID, facts: facts, status: status, severity: severity, entity: entity, location: location,
                message: message, evidence: EvidenceList(soleEvidence, location: location))
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

        /// Mutated only through `unique()`, so a shared box is never written: safe to send. Fields are declared
        /// small to large so the one-byte ones share a word: a result is 153 bytes (an allocation of 160), not 260.
        private final class Storage: @unchecked Sendable {
            var facts: ControlFacts
            /// 10 bytes instead of a 20-character string on the heap.
            var id: StoredFingerprint
            var status: ResultStatus
            var severity: Severity
            var entityKind: EntityKind
            var isNew: Bool?
            var inBaseline: Bool?
            // `Location`, kept as its parts so line and column take 32 bits each (as in `SourceLocation`).
            var line: Int32
            var column: Int32
            var entityName: String
            var file: String
            var field: String
            var message: String
            var annotations: Annotations?
            var evidence: EvidenceList

            var location: Location {
                get { Location(file: file, line: Int(line), column: Int(column), field: field) }
                set {
                    file = newValue.file
                    field = newValue.field
                    line = Int32(clamping: newValue.line)
                    column = Int32(clamping: newValue.column)
                }
            }

            init(
                id: StoredFingerprint, facts: ControlFacts, status: ResultStatus, severity: Severity,
                entity: EntityRef, location: Location, message: String, evidence: EvidenceList
            ) {
                self.facts = facts
                self.id = id
                self.status = status
                self.severity = severity
                self.entityKind = entity.kind
                self.line = Int32(clamping: location.line)
                self.column = Int32(clamping: location.column)
                self.entityName = entity.name
                self.file = location.file
                self.field = location.field
                self.message = message
                self.evidence = evidence
            }

            func copy() -> Storage {
                let copy = Storage(
                    id: id, facts: facts, status: status, severity: severity,
                    entity: EntityRef(kind: entityKind, name: entityName), location: location, message: message,
                    evidence: evidence)
                copy.isNew = isNew
                copy.inBaseline = inBaseline
                copy.annotations = annotations
                return copy
            }
        }

        /// Most results have one piece of evidence, at the result's own location, with a value or a note (a
        /// product default's) but not both: those keep that one string, not an array (about 110 bytes less each).
        private enum EvidenceList: Sendable {
            /// One item at the location, without value or note.
            case bare
            /// One item at the location, with this value and no note.
            case value(String)
            /// One item at the location, with this note and no value.
            case note(String)
            case items([Evidence])

            init(_ evidence: [Evidence], location: Location) {
                self = evidence.count == 1 ? EvidenceList(evidence[0], location: location) : .items(evidence)
            }

            init(_ evidence: Evidence, location: Location) {
                guard evidence.value == nil || evidence.note == nil, evidence.file == location.file,
                    evidence.line == location.line, evidence.column == location.column,
                    evidence.field == location.field
                else {
                    self = .items([evidence])
                    return
                }
                if let value = evidence.value {
                    self = .value(value)
                } else {
                    self = evidence.note.map(EvidenceList.note) ?? .bare
                }
            }

            func items(at location: Location) -> [Evidence] {
                let place = SourceLocation(file: location.file, line: location.line, column: location.column)
                switch self {
                case .items(let evidence): return evidence
                case .bare: return [Evidence(at: place, field: location.field)]
                case .value(let value): return [Evidence(at: place, field: location.field, value: value)]
                case .note(let note): return [Evidence(at: place, field: location.field, note: note)]
                }
            }
        }
    }

    /// What every result of one control under one policy has in common: one shared object instead of four
    /// fields in each result.
    final class ControlFacts: Sendable {
        let control: String
        let title: String
        let frameworks: [String: [String]]
        let policy: String?

        init(control: String, title: String, frameworks: [String: [String]], policy: String?) {
            self.control = control
            self.title = title
            self.frameworks = frameworks
            self.policy = policy
        }

        func with(
            control: String? = nil, title: String? = nil, frameworks: [String: [String]]? = nil,
            policy: String?? = nil
        ) -> ControlFacts {
            ControlFacts(
                control: control ?? self.control, title: title ?? self.title,
                frameworks: frameworks ?? self.frameworks, policy: policy ?? self.policy)
        }
    }

    /// A result's waiver and first-seen date, which most results lack (a waiver is seven strings; only
    /// findings have a first-seen date, and only with history): one optional reference instead of 24 bytes in
    /// each of hundreds of thousands of records.
    final class Annotations: Sendable {
        let waiver: WaiverRecord?
        let firstSeen: String?

        private init(waiver: WaiverRecord?, firstSeen: String?) {
            self.waiver = waiver
            self.firstSeen = firstSeen
        }

        static func make(waiver: WaiverRecord?, firstSeen: String?) -> Annotations? {
            waiver == nil && firstSeen == nil ? nil : Annotations(waiver: waiver, firstSeen: firstSeen)
        }
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
