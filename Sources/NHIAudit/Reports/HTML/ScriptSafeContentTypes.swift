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
            // Byte-level: the embedded data block is megabytes for large estates.
            var output: [UInt8] = []
            output.reserveCapacity(text.utf8.count + text.utf8.count / 16)
            var bytes = text.utf8.makeIterator()
            var pending: [UInt8] = []
            while let byte = pending.isEmpty ? bytes.next() : pending.removeFirst() {
                switch byte {
                case UInt8(ascii: "<"): output.append(contentsOf: Array("\\u003c".utf8))
                case UInt8(ascii: ">"): output.append(contentsOf: Array("\\u003e".utf8))
                case UInt8(ascii: "&"): output.append(contentsOf: Array("\\u0026".utf8))
                case 0xE2:
                    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
                    guard let second = bytes.next() else {
                        output.append(byte)
                        continue
                    }
                    guard second == 0x80, let third = bytes.next() else {
                        output.append(byte)
                        pending.append(second)
                        continue
                    }
                    if third == 0xA8 || third == 0xA9 {
                        output.append(contentsOf: Array((third == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                    } else {
                        output.append(contentsOf: [byte, second])
                        pending.append(third)
                    }
                default:
                    output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
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
