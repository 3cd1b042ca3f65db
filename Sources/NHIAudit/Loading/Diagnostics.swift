/// A problem with an input, reported as an INP-* result. Never fatal to the run.
public struct InputDiagnostic: Sendable, Hashable {
    public enum Code: String, Sendable, Hashable {
        /// Cannot be parsed, or violates the format's schema.
        case unreadable = "INP-001"
        /// Not a recognized format.
        case unrecognized = "INP-002"
        /// Duplicate keys in a mapping.
        case duplicateKey = "INP-003"
    }

    public var code: Code
    public var location: SourceLocation
    public var field: String?
    public var message: String
    /// Overrides the control's severity where the problem is milder (e.g. an optional member).
    public var severity: Severity?

    public init(_ code: Code, at location: SourceLocation, field: String? = nil, _ message: String, severity: Severity? = nil) {
        self.code = code
        self.location = location
        self.field = field
        self.message = message
        self.severity = severity
    }

    /// One line a person can act on: `file:line:column: field: message`.
    public var oneLine: String {
        let fieldPart = field.map { "\($0): " } ?? ""
        return "\(location): \(code.rawValue): \(fieldPart)\(message)"
    }
}

public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case critical, high, medium, low, info

    public var rank: Int {
        switch self {
        case .critical: 4
        case .high: 3
        case .medium: 2
        case .low: 1
        case .info: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
