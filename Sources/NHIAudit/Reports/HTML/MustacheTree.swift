/// The HTML model as nested dictionaries and arrays, built with one reflection pass. swift-mustache looks up
/// a name on a plain struct by reflecting all its fields (`Mirror`) at every `{{name}}` and at every level of
/// the context stack; on a dictionary it is one hash lookup. Rendering the same model either way gives the
/// same page (tests hold the bytes deterministic and the browser tests read them), several times faster.
enum MustacheTree {
    static func build(_ value: Any) -> Any {
        // Leaves are structs too (String, Int): keep them whole.
        if value is String || value is Bool || value is any BinaryInteger || value is any BinaryFloatingPoint {
            return value
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let field = unwrap(child.value) else { continue }
                fields[label] = build(field)
            }
            return fields
        case .collection:
            return mirror.children.map { build($0.value) }
        default:
            return value
        }
    }

    /// An optional's value, or nil when it is empty (as swift-mustache treats a nil field: not there).
    private static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrap($0.value) } ?? nil
    }
}
