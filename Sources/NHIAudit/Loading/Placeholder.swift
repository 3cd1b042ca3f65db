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
        if isFillInName(trimmed) { return text }
        return nil
    }

    /// Samples write `YOUR_AUDIENCE`, `MY_CLIENT_ID`, `EXAMPLE_ISSUER` for "put yours here". Only the whole
    /// value in upper case with underscores counts, so real values such as `your-api` or `my_service` stay known.
    private static func isFillInName(_ text: String) -> Bool {
        guard let prefix = ["YOUR_", "MY_", "EXAMPLE_"].first(where: text.hasPrefix) else { return false }
        let rest = text.dropFirst(prefix.count)
        return !rest.isEmpty && rest.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
