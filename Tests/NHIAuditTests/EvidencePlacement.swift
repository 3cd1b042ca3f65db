import Foundation
import NHIAudit

/// Checks what an auditor checks by hand: evidence that shows a value as written (no note explaining a default)
/// points at a line of the file where that setting or value is written. Found a provider's `remote_jwks` cited
/// as `local_jwks`, token sources cited at the provider under another key, and a Spring `jwk-set-uri` cited as
/// the absent `issuer-uri` on line 1.
enum EvidencePlacement {
    /// One line per evidence that is not where it says: `control file:line field = value: "text of the line"`.
    static func misplaced(in document: ResultDocument) -> [String] {
        var files: [String: [Substring]] = [:]
        var problems: [String] = []
        for result in document.results {
            for evidence in result.evidence {
                guard let value = evidence.value, evidence.note == nil, !evidence.field.isEmpty,
                    value != result.entity.name
                else { continue }
                let lines = files[evidence.file] ?? {
                    let text = (try? String(contentsOfFile: evidence.file, encoding: .utf8)) ?? ""
                    // `\.isNewline`, not "\n": a CRLF pair is one Character in Swift.
                    let split = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                    files[evidence.file] = split
                    return split
                }()
                guard evidence.line >= 1, evidence.line <= lines.count else {
                    problems.append("\(result.control) \(evidence.file):\(evidence.line) is past the end")
                    continue
                }
                let line = lines[evidence.line - 1]
                // A block list is located at its first item, one line below its key.
                let above = line.drop { $0 == " " }.hasPrefix("- ") && evidence.line > 1 ? lines[evidence.line - 2] : ""
                let key = settingName(evidence.field)
                let written = value.trimmingCharacters(in: CharacterSet(charactersIn: "[]\""))
                if line.contains(key) || above.contains(key) || line.contains(written) || isListItem(evidence.field) {
                    continue
                }
                problems.append(
                    "\(result.control) \(evidence.file):\(evidence.line) \(evidence.field) = \(value): \"\(line)\"")
            }
        }
        return problems
    }

    /// The key as written: the last path segment, or an annotation's or label's whole (dotted) name.
    private static func settingName(_ field: String) -> String {
        for marker in ["annotations.", "labels."] {
            if let range = field.range(of: marker, options: .backwards) { return String(field[range.upperBound...]) }
        }
        let last = field.split(separator: ".").last.map(String.init) ?? field
        return last.split(separator: "[").first.map(String.init) ?? last
    }

    /// `audiences[1]`: an item has no key of its own; its value is checked by the other rules when it can be.
    private static func isListItem(_ field: String) -> Bool { field.hasSuffix("]") }
}
