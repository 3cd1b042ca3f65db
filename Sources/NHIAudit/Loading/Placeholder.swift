/// Recognises unresolved template expressions, so that values depending on them are `indeterminate`.
public enum Placeholder {
    /// Returns the placeholder text if `text` is (or contains) an unresolved template expression.
    public static func detect(_ text: String) -> String? {
        let markers = ["${", "{{", "$(", "%{"]
        if markers.contains(where: text.contains) { return text }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("<"), trimmed.hasSuffix(">"), trimmed.count > 2 { return text }
        let upper = trimmed.uppercased()
        if ["PATCH_ME", "CHANGE_ME", "CHANGEME", "REPLACE_ME", "TODO", "TBD"].contains(upper) { return text }
        if upper.hasPrefix("PATCH_ME") || upper.hasPrefix("REPLACE_ME") || upper.hasPrefix("CHANGE_ME") {
            return text
        }
        return nil
    }
}
