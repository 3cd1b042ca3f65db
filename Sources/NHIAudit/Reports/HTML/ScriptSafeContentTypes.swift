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
            var output: [UInt8] = []
            output.reserveCapacity(text.utf8.count + text.utf8.count / 16)
            escapeJSONForScript(Array(text.utf8), into: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The byte-level escaping of `JSONInScript`, for the data block streamed into the page.
    static func escapeJSONForScript(_ bytes: [UInt8], into output: inout [UInt8]) {
        guard bytes.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }) else {
            return output.append(contentsOf: bytes)
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"): output.append(contentsOf: "\\u003c".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "\\u003e".utf8)
            case UInt8(ascii: "&"): output.append(contentsOf: "\\u0026".utf8)
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                output.append(contentsOf: (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default: output.append(byte)
            }
            index += 1
        }
    }

    /// Code from the template folder (trusted, but edited by users): `</` and `<!--` are neutralised so a stray
    /// `</script>` in a comment or string cannot end the element. `<\/` means `</` in JS strings and CSS.
    struct CodeInElement: MustacheContentType {
        func escapeText(_ text: String) -> String {
            guard text.utf8.contains(UInt8(ascii: "<")) else { return text }
            let bytes = Array(text.utf8)
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 64)
            for (index, byte) in bytes.enumerated() {
                output.append(byte)
                guard byte == UInt8(ascii: "<"), index + 1 < bytes.count else { continue }
                if bytes[index + 1] == UInt8(ascii: "/") || bytes[(index + 1)...].starts(with: "!--".utf8) {
                    output.append(UInt8(ascii: "\\"))
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}
