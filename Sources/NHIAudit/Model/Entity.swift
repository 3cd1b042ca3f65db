/// The kind of a model entity. Open set: importers of later formats add kinds (workloads, key sets ...).
public struct EntityKind: RawRepresentable, Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let issuer = EntityKind("issuer")
    public static let verifier = EntityKind("verifier")
    public static let policy = EntityKind("policy")
    /// An input file, for results about the file itself (INP-001, INP-002, INP-003).
    public static let file = EntityKind("file")

    public var description: String { rawValue }
    public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool { lhs.rawValue < rhs.rawValue }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
}

/// Identity of an entity: what a result is about. Stable across line shifts.
public struct EntityRef: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public var kind: EntityKind
    public var name: String

    public init(kind: EntityKind, name: String) {
        self.kind = kind
        self.name = name
    }

    public var description: String { "\(kind)/\(name)" }
    public static func < (lhs: EntityRef, rhs: EntityRef) -> Bool { (lhs.kind, lhs.name) < (rhs.kind, rhs.name) }
}

/// What every entity carries besides its spec: name, ownership, review date and where it was read.
public struct EntityMetadata: Sendable {
    public var name: String
    public var owner: Field<String>
    public var environment: Field<String>
    public var lastReviewed: Field<CalendarDate>
    /// The format the entity was imported from, e.g. `nhi-audit/v1` or `istio/RequestAuthentication`.
    public var format: String
    /// Where the entity's document (or block) starts.
    public var location: SourceLocation

    public init(
        name: String, owner: Field<String>, environment: Field<String>, lastReviewed: Field<CalendarDate>,
        format: String, location: SourceLocation
    ) {
        self.name = name
        self.owner = owner
        self.environment = environment
        self.lastReviewed = lastReviewed
        self.format = format
        self.location = location
    }

    /// Metadata for an entity whose format has no owner, environment or review date.
    public static func unowned(name: String, format: String, at location: SourceLocation) -> EntityMetadata {
        EntityMetadata(
            name: name, owner: .absent("metadata.owner", at: location),
            environment: .absent("metadata.environment", at: location),
            lastReviewed: .absent("metadata.lastReviewed", at: location), format: format, location: location)
    }
}

public protocol Entity: Sendable {
    static var kind: EntityKind { get }
    var metadata: EntityMetadata { get }
    /// Key material found inline in this entity's configuration (never the material itself).
    var secrets: [SecretMaterial] { get }
}

extension Entity {
    public var ref: EntityRef { EntityRef(kind: Self.kind, name: metadata.name) }
}
