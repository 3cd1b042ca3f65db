/// The interned field paths below one reader path (`spec` → `spec.jwks`, `spec.audiences` ...), found by key.
///
/// Importers read the same keys below the same paths in every document of a kind, so the paths are joined and
/// interned once per part (`TextInterner.fieldPaths(for:)`) instead of joined and hashed for every field. Keys
/// are few and mostly string literals, so comparing them in a short array costs less than hashing the path.
final class FieldPaths {
    let path: String
    private var children: [(key: String, paths: FieldPaths)] = []
    /// `path[0]`, `path[1]` ... for a list's items, by index.
    private var items: [FieldPaths] = []
    /// Past this many keys (keys taken from the document, not the code) new paths are built, not kept.
    private static let maxChildren = 64

    init(path: String) {
        self.path = path
    }

    func child(_ key: String) -> FieldPaths {
        for child in children where child.key == key { return child.paths }
        let made = FieldPaths(path: TextInterner.intern(DocumentNode.join(path, key)))
        if children.count < Self.maxChildren { children.append((key, made)) }
        return made
    }

    /// The path of item `index` of the list at `path`, as `YAMLTree.path(of:)` writes it.
    func item(_ index: Int) -> FieldPaths {
        if index < items.count { return items[index] }
        let made = FieldPaths(path: TextInterner.intern(DocumentNode.item(path, index)))
        if index == items.count, items.count < Self.maxChildren { items.append(made) }
        return made
    }
}
