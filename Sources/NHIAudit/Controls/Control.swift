/// One piece of evidence: where a deciding value is, the field, and its (redacted) value.
public struct Evidence: Codable, Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public var field: String
    /// The value as written; secrets appear only as `[redacted: N characters] sha256:…`.
    public var value: String?
    /// Why the value holds without being written (a product default), or other context.
    public var note: String?

    public init(at location: SourceLocation, field: String, value: String? = nil, note: String? = nil) {
        file = location.file
        line = location.line
        column = location.column
        self.field = field
        self.value = value
        self.note = note
    }

    public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }
}

/// Anything that can point at its place in the inputs.
public protocol EvidenceSource {
    /// What the evidence will show; its place may still wait for the entity's location.
    var evidenceDraft: EvidenceDraft { get }
}

extension EvidenceSource {
    public func evidence(fallback: SourceLocation) -> Evidence { evidenceDraft.evidence(fallback: fallback) }
}

/// Evidence taken from its source when an outcome is made: a plain value, so outcomes hold no boxed existentials
/// (a `Field` does not fit an existential's inline buffer) and the report's evidence is made without a witness call.
public struct EvidenceDraft: EvidenceSource, Sendable {
    public var field: String
    /// Nil when the source has no place of its own: the evidence then points at the entity.
    public var location: SourceLocation?
    public var value: String?
    public var note: String?

    public var evidenceDraft: EvidenceDraft { self }

    public func evidence(fallback: SourceLocation) -> Evidence {
        Evidence(at: location ?? fallback, field: field, value: value, note: note)
    }
}

extension Field: EvidenceSource {
    public var evidenceDraft: EvidenceDraft {
        var value = display
        if case .absent = state { value = nil }
        return EvidenceDraft(field: path, location: location, value: value, note: note)
    }
}

extension SecretMaterial: EvidenceSource {
    public var evidenceDraft: EvidenceDraft {
        EvidenceDraft(field: path, location: location, value: redactedDisplay, note: kind)
    }
}

public enum ResultStatus: String, Codable, Sendable, CaseIterable {
    case pass, fail, indeterminate
    case notApplicable = "not-applicable"
    /// A failure accepted by an unexpired waiver: never a pass, never fails the gate.
    case waived
}

/// An outcome's evidence: most outcomes cite one source, kept without an array around it.
enum EvidenceDrafts: Sendable {
    case one(EvidenceDraft)
    case list([EvidenceDraft])

    init(_ sources: [any EvidenceSource & Sendable]) {
        self = sources.count == 1 ? .one(sources[0].evidenceDraft) : .list(sources.map(\.evidenceDraft))
    }
}

/// What a control decided about one entity.
public struct Outcome: Sendable {
    public var status: ResultStatus
    public var message: String
    var drafts: EvidenceDrafts
    /// A failure's severity when it differs from the control's (e.g. `none` accepted is critical).
    public var severity: Severity?

    public var sources: [any EvidenceSource & Sendable] {
        switch drafts {
        case .one(let draft): return [draft]
        case .list(let drafts): return drafts
        }
    }

    public init(
        status: ResultStatus, message: String, sources: [any EvidenceSource & Sendable], severity: Severity? = nil
    ) {
        self.init(status: status, message: message, drafts: EvidenceDrafts(sources), severity: severity)
    }

    init(status: ResultStatus, message: String, drafts: EvidenceDrafts, severity: Severity? = nil) {
        self.status = status
        self.message = message
        self.drafts = drafts
        self.severity = severity
    }

    public static func pass(_ message: String, at sources: (any EvidenceSource & Sendable)...) -> Outcome {
        Outcome(status: .pass, message: message, sources: sources)
    }

    public static func fail(
        _ message: String, at sources: (any EvidenceSource & Sendable)..., severity: Severity? = nil
    ) -> Outcome {
        Outcome(status: .fail, message: message, sources: sources, severity: severity)
    }

    public static func fail(
        _ message: String, sources: [any EvidenceSource & Sendable], severity: Severity? = nil
    ) -> Outcome {
        Outcome(status: .fail, message: message, sources: sources, severity: severity)
    }

    public static func indeterminate(_ reason: String, at sources: (any EvidenceSource & Sendable)...) -> Outcome {
        Outcome(status: .indeterminate, message: reason, sources: sources)
    }

    public static func notApplicable(_ reason: String, at sources: (any EvidenceSource & Sendable)...) -> Outcome {
        Outcome(status: .notApplicable, message: reason, sources: sources)
    }

    // One source, as most outcomes cite: chosen over the variadic forms above, these read the source in place
    // instead of boxing it into an array of existentials.
    public static func pass(_ message: String, at source: some EvidenceSource & Sendable) -> Outcome {
        Outcome(status: .pass, message: message, drafts: .one(source.evidenceDraft))
    }

    public static func fail(
        _ message: String, at source: some EvidenceSource & Sendable, severity: Severity? = nil
    ) -> Outcome {
        Outcome(status: .fail, message: message, drafts: .one(source.evidenceDraft), severity: severity)
    }

    public static func indeterminate(_ reason: String, at source: some EvidenceSource & Sendable) -> Outcome {
        Outcome(status: .indeterminate, message: reason, drafts: .one(source.evidenceDraft))
    }

    public static func notApplicable(_ reason: String, at source: some EvidenceSource & Sendable) -> Outcome {
        Outcome(status: .notApplicable, message: reason, drafts: .one(source.evidenceDraft))
    }

    /// `indeterminate` because the field is absent, a placeholder or unreadable.
    public static func unknown<V>(_ field: Field<V>, needed purpose: String = "") -> Outcome {
        let reason = field.unknownReason ?? "\(field.path) is unknown"
        let suffix = purpose.isEmpty ? "" : "; \(purpose)"
        return Outcome(
            status: .indeterminate, message: "cannot decide: \(reason)\(suffix)", drafts: .one(field.evidenceDraft))
    }
}

/// A control's decision about one entity, as returned by `Control.evaluate`.
public struct EntityOutcome: Sendable {
    public var entity: EntityRef
    /// Where the entity is defined: evidence falls back to it.
    public var anchor: SourceLocation
    /// Name of the policy whose thresholds were applied.
    public var policy: String?
    public var outcome: Outcome
    /// Distinguishes several results of one control on one entity (input diagnostics only).
    public var discriminator: String?

    public init(
        entity: EntityRef, anchor: SourceLocation, policy: String?, outcome: Outcome, discriminator: String? = nil
    ) {
        self.entity = entity
        self.anchor = anchor
        self.policy = policy
        self.outcome = outcome
        self.discriminator = discriminator
    }
}

/// The code half of a control. Its data half (title, rationale, mappings) is `mappings/controls/<id>.yaml`.
public protocol Control: Sendable {
    static var id: String { get }
    /// Failing and passing snippets, run by the test suite (see `ControlExample`).
    static var examples: ControlExamples { get }
    init()
    func evaluate(_ context: EvaluationContext) -> [EntityOutcome]
}

/// A control judged on each entity of one kind, with the policy in force for that entity.
public protocol EntityControl: Control {
    associatedtype Subject: Entity
    static func subjects(in estate: Estate) -> [Subject]
    func check(_ subject: Subject, policy: EffectivePolicy, context: EvaluationContext) -> Outcome
}

extension EntityControl {
    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        // Through buffer pointers, whose subscripts lend elements in place: an array subscript passed to
        // `check` would copy every (large) entity and policy, retaining each of their strings.
        Self.subjects(in: context.estate).withUnsafeBufferPointer { subjects in
            context.policyTable.withUnsafeBufferPointer { policies in
                var outcomes: [EntityOutcome] = []
                outcomes.reserveCapacity(subjects.count)
                // A policy passed from the table is copied per call (the table could change under the call); one
                // copy kept while consecutive entities share it is lent to each call instead.
                var policySlot = 0
                var policy = policies[0]
                for index in subjects.indices {
                    let slot = context.policySlot(for: subjects[index].metadata)
                    if slot != policySlot {
                        policySlot = slot
                        policy = policies[slot]
                    }
                    outcomes.append(
                        EntityOutcome(
                            entity: EntityRef(kind: Subject.kind, name: subjects[index].metadata.name),
                            anchor: subjects[index].metadata.location, policy: policy.name,
                            outcome: check(subjects[index], policy: policy, context: context)))
                }
                return outcomes
            }
        }
    }
}

public protocol IssuerControl: EntityControl where Subject == Issuer {}
extension IssuerControl {
    public static func subjects(in estate: Estate) -> [Issuer] { estate.issuers }
}

public protocol VerifierControl: EntityControl where Subject == Verifier {}
extension VerifierControl {
    public static func subjects(in estate: Estate) -> [Verifier] { estate.verifiers }
}
