import Foundation
import NHIAudit
import Testing

/// `scan`'s terminal summary lists the ten worst failures: highest severity first, then report order (file,
/// line), and how many more the reports hold, the same findings report.json lists.
@Suite struct TerminalSummaryTests {
    @Test func topFindingsAreTheWorstFailuresInReportOrder() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let runner = CommandRunner(workingDirectory: folder)
        let output = try runner.run(
            ["scan", Repository.examples.appendingPathComponent("acme").path, "--no-history", "--format", "json", "--out", "out"])
        #expect(output.status == 1, "\(output.stderr)")
        let report = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("out/report.json"))) as? [String: Any]
        let results = try #require(report?["results"] as? [[String: Any]])
        let rank = ["critical": 4, "high": 3, "medium": 2, "low": 1, "info": 0]
        let failures = results.filter { $0["status"] as? String == "fail" }
        #expect(Set(failures.compactMap { $0["severity"] as? String }).count >= 3, "acme fails at several severities")
        // A stable sort keeps report order within a severity.
        let expected = failures.enumerated().sorted { left, right in
            let (l, r) = (rank[left.element["severity"] as! String]!, rank[right.element["severity"] as! String]!)
            return l != r ? l > r : left.offset < right.offset
        }.prefix(10).map { item -> String in
            let result = item.element, location = result["location"] as! [String: Any]
            return "\((result["severity"] as! String).uppercased()) \(result["control"] as! String) "
                + "\(location["file"] as! String):\(location["line"] as! Int):\(location["column"] as! Int)"
        }
        let lines = output.stdout.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex(of: "top findings:"))
        let listed = lines[(start + 1)...].prefix(expected.count).map { line in
            line.trimmingCharacters(in: .whitespaces).split(separator: " ").prefix(3).joined(separator: " ")
        }
        #expect(listed == expected)
        if failures.count > 10 {
            #expect(lines.contains("  ... and \(failures.count - 10) more in the reports"))
        }
    }

    /// Counts a person reads agree with their noun: "1 input", not "1 inputs".
    @Test func oneFileIsCountedInTheSingular() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let runner = CommandRunner(workingDirectory: folder)
        let file = Repository.examples.appendingPathComponent("acme/platform/issuers.yaml").path
        let scan = try runner.run(["scan", file, "--no-history", "--format", "md", "--out", "out"])
        #expect(scan.stdout.contains(": 1 input, "), "\(scan.stdout)")
        let markdown = try String(contentsOf: folder.appendingPathComponent("out/report.md"), encoding: .utf8)
        #expect(markdown.contains("**1 input:**"))
        let validate = try runner.run(["validate", file])
        #expect(validate.stdout.hasPrefix("1 file, "), "\(validate.stdout)")
        #expect(validate.stdout.contains(", 0 errors, "))
    }

    /// A name or value from the inputs could carry terminal escapes (YAML's "\e"): clear the screen, retitle the
    /// window, hide a finding, or forge a line. The summary and report.md write them out instead.
    @Test func controlCharactersFromTheInputsAreWrittenOut() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let estate = folder.appendingPathComponent("estate")
        try FileManager.default.createDirectory(at: estate, withIntermediateDirectories: true)
        try Data(
            """
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: "evil\\e[2J\\e]0;pwned\\u0007\\nPASS: forged\\u202Ename"}
            spec: {issuer: "http://x\\e[8mhidden", tokens: {defaultTTL: 24h}}
            """.utf8
        ).write(to: estate.appendingPathComponent("evil.yaml"))
        let output = try CommandRunner(workingDirectory: folder).run(
            ["scan", estate.path, "--no-history", "--format", "md", "--out", "out"])
        #expect(output.status == 1, "\(output.stderr)")
        #expect(!output.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(output.stdout.contains(#"evil\u{1B}[2J\u{1B}]0;pwned\u{7}\u{A}PASS: forged\u{202E}name"#))
        #expect(!output.stdout.contains("\nPASS: forged"))
        let markdown = try String(contentsOf: folder.appendingPathComponent("out/report.md"), encoding: .utf8)
        #expect(!markdown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(markdown.contains(#"\u{1B}"#))
    }

    @Test func visibleTextKeepsPrintableTextAndWritesOutTheRest() {
        #expect(VisibleText.escape("Grüße 🔐 [a|b] \\e") == "Grüße 🔐 [a|b] \\e")
        #expect(VisibleText.escape("a\u{1B}[31mb\u{7F}\u{9B}c\u{2066}d\te") == #"a\u{1B}[31mb\u{7F}\u{9B}c\u{2066}d\u{9}e"#)
    }
}
