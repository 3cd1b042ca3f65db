/// Settings as flat `key = value` pairs with where each was written: what .properties files, oauth2-proxy
/// cfg files and flattened YAML trees have in common.
struct FlatSettings {
    struct Entry {
        var key: String
        var value: String
        var location: SourceLocation
        /// A list value (`["a", "b"]`), when the format has lists.
        var items: [String]?
        /// The field path as written when it differs from `key` (alpha YAML mapped onto cfg names).
        var path: String?

        var fieldPath: String { path ?? key }
    }

    var entries: [Entry]
    /// Where absent settings are reported: the file (or the block) that would hold them.
    var anchor: SourceLocation

    subscript(key: String) -> Entry? { entries.last { $0.key == key } }

    func string(_ key: String) -> Field<String> {
        guard let entry = self[key] else { return .absent(key, at: anchor) }
        if let placeholder = Placeholder.detect(entry.value) {
            return Field(.placeholder(placeholder), path: entry.fieldPath, location: entry.location, display: entry.value)
        }
        return .known(entry.value, path: entry.fieldPath, at: entry.location, display: entry.value)
    }

    func bool(_ key: String, sink: DiagnosticSink) -> Field<Bool> {
        string(key).flatMapKnown { text, field in
            switch text.lowercased() {
            case "true": return .known(true, path: field.path, at: field.location, display: text)
            case "false": return .known(false, path: field.path, at: field.location, display: text)
            default:
                sink.add(.init(.unreadable, at: field.location ?? anchor, field: field.path, "expected true or false"))
                return Field(.invalid("expected true or false"), path: field.path, location: field.location, display: text)
            }
        }
    }

    /// A list written as a list, or as comma-separated text (Spring binds `a,b` to a list).
    func list(_ key: String) -> ListField {
        guard let entry = self[key] else { return .absent(key, at: anchor) }
        let items = entry.items ?? entry.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let fields = items.enumerated().map { index, item -> Field<String> in
            if let placeholder = Placeholder.detect(item) {
                return Field(.placeholder(placeholder), path: "\(entry.fieldPath)[\(index)]", location: entry.location, display: item)
            }
            return .known(item, path: "\(entry.fieldPath)[\(index)]", at: entry.location)
        }
        return Field(.known(fields), path: entry.fieldPath, location: entry.location, display: "[" + items.joined(separator: ", ") + "]")
    }

    /// A committed secret as `SecretMaterial`; placeholders and empty values are not secrets.
    func secret(_ key: String, kind: String) -> SecretMaterial? {
        guard let entry = self[key], !entry.value.isEmpty, Placeholder.detect(entry.value) == nil else { return nil }
        return SecretMaterial(kind: kind, value: entry.value, path: entry.fieldPath, location: entry.location)
    }
}

extension Field {
    /// Transforms a known value into another field; other states keep their reason.
    func flatMapKnown<T>(_ transform: (Value, Field<Value>) -> Field<T>) -> Field<T> {
        let state: FieldState<T>
        switch self.state {
        case .known(let value): return transform(value, self)
        case .absent: state = .absent
        case .placeholder(let text): state = .placeholder(text)
        case .invalid(let reason): state = .invalid(reason)
        }
        return Field<T>(state, path: path, location: location, display: display, note: note)
    }
}

/// Files that belong to the YAML/JSON importers even when they embed another format (an NGINX config in a
/// ConfigMap): a text importer taking them would hide every other document in them.
enum StructuredText {
    static func isStructured(_ source: SourceText) -> Bool { ["yaml", "yml", "json"].contains(source.fileExtension) }
}
