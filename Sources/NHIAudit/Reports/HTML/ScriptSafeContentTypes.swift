import Foundation
import Mustache

/// Mustache content types for text placed inside `<script>` and `<style>`, where HTML entities are not decoded
/// and only `</` (and `<!--` in scripts) can end the element early (HTML Standard, "script data" states).
/// Templates switch to them with `{{% CONTENT_TYPE: SCRIPT_JSON }}` so that every value still goes through
/// `{{ }}` escaping, with the escaping its context needs.
enum ScriptSafeContentTypes {
    static func register() {
        MustacheContentTypes.register(JSONInScript(), named: "SCRIPT_JSON")
        MustacheContentTypes.register(CodeInElement(), named: "SCRIPT_CODE")
        MustacheContentTypes.register(CodeInElement(), named: "STYLE_CODE")
    }

    /// JSON inside `<script type="application/json">`: `<`, `>`, `&`, U+2028 and U+2029 become `\u` escapes.
    /// They occur only inside JSON strings, where the escape means the same character, so the JSON still parses
    /// to the same value and no value can close the element.
    struct JSONInScript: MustacheContentType {
        func escapeText(_ text: String) -> String {
            var escaped = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                switch scalar {
                case "<", ">", "&", "\u{2028}", "\u{2029}":
                    escaped.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
                default:
                    escaped.append(scalar)
                }
            }
            return String(escaped)
        }
    }

    /// Code from the template folder (trusted, but edited by users): `</` and `<!--` are neutralised so a stray
    /// `</script>` in a comment or string cannot end the element. `<\/` means `</` in JS strings and CSS.
    struct CodeInElement: MustacheContentType {
        func escapeText(_ text: String) -> String {
            text.replacingOccurrences(of: "</", with: "<\\/").replacingOccurrences(of: "<!--", with: "<\\!--")
        }
    }
}
