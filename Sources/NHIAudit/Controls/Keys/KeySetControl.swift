/// A control judged on every key set in the estate (JWKS documents, keys inline in verifier configurations).
public protocol KeySetControl: EntityControl where Subject == KeySet {}
extension KeySetControl {
    public static func subjects(in estate: Estate) -> [KeySet] { estate.keySets }
}

extension JSONWebKey {
    /// The key's own place, for findings about the key as a whole.
    var anchorField: Field<String> {
        Field(.absent, path: path.isEmpty ? "(key)" : path, location: location)
    }

    var label: String { kid.value.map { "kid \($0)" } ?? (path.isEmpty ? "the key" : path) }
}
