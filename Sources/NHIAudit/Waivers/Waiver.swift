import Foundation

/// An accepted risk: one control's failures on the entities a selector names, until `expires`.
public struct Waiver: Entity {
    public static let kind = EntityKind("waiver")

    public var metadata: EntityMetadata
    public var control: Field<String>
    /// Entity name or glob (`billing-*`).
    public var entity: Field<String>
    public var file: Field<String>
    public var environment: Field<String>
    public var justification: Field<String>
    public var owner: Field<String>
    public var approvedBy: Field<String>
    public var ticket: Field<String>
    public var expires: Field<CalendarDate>
    public var secrets: [SecretMaterial] { [] }

    /// Every required field is known and the selector names something; otherwise the reader reported INP-001
    /// and the waiver waives nothing.
    public var isComplete: Bool {
        [control, justification, owner, approvedBy, ticket].allSatisfy { $0.value?.isEmpty == false }
            && expires.value != nil && [entity, file, environment].contains { $0.value != nil }
    }

    /// Whether this waiver's selector covers a result (fnmatch globs on entity name and file path).
    public func matches(_ result: ResultDocument.Result, environment entityEnvironment: String?) -> Bool {
        guard isComplete, result.control == control.value else { return false }
        if let pattern = entity.value, !Self.glob(pattern, result.entity.name) { return false }
        if let pattern = file.value, !Self.glob(pattern, result.location.file), !Self.glob("*/" + pattern, result.location.file) {
            return false
        }
        if let wanted = environment.value, wanted != entityEnvironment { return false }
        return true
    }

    public func isExpired(on today: CalendarDate) -> Bool { expires.value.map { $0 < today } ?? false }

    public func record(today: CalendarDate) -> WaiverRecord {
        WaiverRecord(
            name: metadata.name, justification: justification.value ?? "", owner: owner.value ?? "",
            approvedBy: approvedBy.value ?? "", ticket: ticket.value ?? "", expires: expires.value?.description ?? "",
            expired: isExpired(on: today), source: "\(metadata.location)")
    }

    static func glob(_ pattern: String, _ text: String) -> Bool { fnmatch(pattern, text, 0) == 0 }
}

/// A waiver as reports show it next to the result it covers.
public struct WaiverRecord: Codable, Sendable, Hashable {
    public var name: String
    public var justification: String
    public var owner: String
    public var approvedBy: String
    public var ticket: String
    /// YYYY-MM-DD; the waiver holds through this day.
    public var expires: String
    /// True once `expires` is past (clock from `SOURCE_DATE_EPOCH`): the result is a failure again.
    public var expired: Bool
    /// `file:line:column` of the Waiver document.
    public var source: String
}
