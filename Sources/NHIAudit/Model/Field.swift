/// What an importer could tell about one configuration value.
public enum FieldState<Value: Sendable>: Sendable {
    /// The value is known (set explicitly, or a documented default the product applies).
    case known(Value)
    /// Not set and no documented default applies: controls needing it report `indeterminate`.
    case absent
    /// An unresolved template expression (`${VAR}`, `{{ x }}`, a Terraform reference ...).
    case placeholder(String)
    /// Present but unreadable (wrong type, bad duration); the importer also emitted INP-001.
    case invalid(String)
}

/// One value of the normalized model with the place it came from.
///
/// `location` points at the value itself, or for an absent value at the mapping that should hold it,
/// so that every result can name a line.
public struct Field<Value: Sendable>: Sendable {
    public var state: FieldState<Value>
    /// Field path inside the source document, e.g. `spec.tokens.maxTTL`.
    public var path: String
    public var location: SourceLocation?
    /// The value as written, for evidence. Importers put only redacted text here for secrets.
    public var display: String?
    /// Why a value is known without being written, e.g. "Istio default: forwardOriginalToken false".
    public var note: String?

    public init(
        _ state: FieldState<Value>, path: String, location: SourceLocation?, display: String? = nil,
        note: String? = nil
    ) {
        self.state = state
        self.path = TextInterner.intern(path)
        self.location = location
        self.display = display
        self.note = TextInterner.intern(note)
    }

    /// For a path already interned (`FieldReader.fieldPath`) and no note: the same field without hashing the path again.
    init(_ state: FieldState<Value>, internedPath: String, location: SourceLocation?, display: String? = nil) {
        self.state = state
        self.path = internedPath
        self.location = location
        self.display = display
        self.note = nil
    }

    public static func absent(_ path: String, at location: SourceLocation?) -> Field {
        Field(.absent, path: path, location: location)
    }

    /// A known value shown in evidence as `display`. Composite values (lists, records) must say how they read:
    /// only plain values may leave it out (see the overload below), so no report shows a Swift debug dump.
    public static func known(
        _ value: Value, path: String, at location: SourceLocation?, display: String, note: String? = nil
    ) -> Field {
        Field(.known(value), path: path, location: location, display: display, note: note)
    }

    /// A value the product applies when the field is not written (documented default).
    public static func productDefault(_ value: Value, path: String, at location: SourceLocation?, note: String)
        -> Field
    {
        Field(.known(value), path: path, location: location, display: nil, note: note)
    }

    public var value: Value? {
        if case .known(let value) = state { return value }
        return nil
    }

    public var isAbsent: Bool {
        if case .absent = state { return true }
        return false
    }

    /// Why the value cannot be judged, or nil when it is known.
    public var unknownReason: String? {
        switch state {
        case .known: return nil
        // An importer's note on an absent value says why it is not in the file (e.g. keys read from a local
        // file at run time); "is not set" would be wrong there.
        case .absent: return note.map { "\(path): \($0)" } ?? "\(path) is not set"
        case .placeholder(let text): return "\(path) is the unresolved placeholder \(text)"
        case .invalid(let reason): return "\(path) could not be read: \(reason)"
        }
    }

    public func map<T: Sendable>(_ transform: (Value) -> T) -> Field<T> {
        let newState: FieldState<T>
        switch state {
        case .known(let value): newState = .known(transform(value))
        case .absent: newState = .absent
        case .placeholder(let text): newState = .placeholder(text)
        case .invalid(let reason): newState = .invalid(reason)
        }
        return Field<T>(newState, path: path, location: location, display: display, note: note)
    }
}

public typealias ListField = Field<[Field<String>]>

extension Field where Value == [Field<String>] {
    /// The known string items; placeholders and invalid items are left out (see `unresolvedItems`).
    public var knownItems: [String] { (value ?? []).compactMap(\.value) }
    public var unresolvedItems: [Field<String>] { (value ?? []).filter { $0.value == nil } }
}

/// Values whose own text is how evidence shows them (`true`, `3600`, `2026-11-29`, the text itself).
public protocol PlainFieldValue: Sendable, CustomStringConvertible {}
extension String: PlainFieldValue {}
extension Int: PlainFieldValue {}
extension Bool: PlainFieldValue {}
extension CalendarDate: PlainFieldValue {}

extension Field where Value: PlainFieldValue {
    /// A known plain value, shown as its own text unless `display` says otherwise.
    public static func known(
        _ value: Value, path: String, at location: SourceLocation?, display: String? = nil, note: String? = nil
    ) -> Field {
        Field(.known(value), path: path, location: location, display: display ?? value.description, note: note)
    }
}
