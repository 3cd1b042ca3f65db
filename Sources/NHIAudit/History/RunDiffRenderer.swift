import Foundation

/// `nhi-audit diff` output: text for terminals, JSON for tools, Markdown for pull requests and tickets.
public enum RunDiffRenderer {
    public static func text(_ diff: RunDiff) -> String {
        var lines = [header(diff)]
        for category in RunDiff.Category.allCases {
            let entries = diff.entries.filter { $0.category == category }
            lines.append("\(category.rawValue): \(entries.count)")
            for entry in entries {
                lines.append("  \(entry.severity.rawValue.uppercased()) \(entry.control) \(entry.entity) \(entry.file):\(entry.line) \(change(entry)): \(entry.message)")
            }
        }
        return lines.map(VisibleText.escape).joined(separator: "\n")
    }

    public static func markdown(_ diff: RunDiff) -> String {
        var lines = ["# nhi-audit diff", "", header(diff), ""]
        lines.append("| category | count |")
        lines.append("|---|---|")
        for category in RunDiff.Category.allCases { lines.append("| \(category.rawValue) | \(diff.counts[category.rawValue] ?? 0) |") }
        for category in RunDiff.Category.allCases {
            let entries = diff.entries.filter { $0.category == category }
            guard !entries.isEmpty else { continue }
            lines += ["", "## \(category.rawValue) (\(entries.count))", "", "| severity | control | entity | location | change | message |", "|---|---|---|---|---|---|"]
            for entry in entries {
                let cells = [
                    entry.severity.rawValue, entry.control, "\(entry.entity)", "\(entry.file):\(entry.line)", change(entry),
                    entry.message,
                ]
                lines.append("| " + cells.map(escape).joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ diff: RunDiff) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(diff), as: UTF8.self)
    }

    static func header(_ diff: RunDiff) -> String {
        "run \(diff.from.id) (\(diff.from.generatedAt)) -> run \(diff.to.id) (\(diff.to.generatedAt)); "
            + (diff.sameEstate ? "same run digest" : "run digests differ")
    }

    static func change(_ entry: RunDiff.Entry) -> String {
        let before = [entry.previousStatus?.rawValue, entry.previousSeverity?.rawValue].compactMap { $0 }.joined(separator: "/")
        let after = [entry.status?.rawValue, entry.category == .resolved ? nil : entry.severity.rawValue].compactMap { $0 }.joined(separator: "/")
        return "\(before.isEmpty ? "absent" : before) → \(after.isEmpty ? "absent" : after)"
    }

    /// Markdown table cells: pipes and line breaks would break the row; HTML stays inert as text; control
    /// characters are written out.
    static func escape(_ text: String) -> String {
        VisibleText.escape(
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;"))
    }
}
