import Foundation
import NHIAudit
import Testing

/// The report tests' estate (`Tests/Fixtures/reports/estate`): ISS-TTL-001 pass, fail and indeterminate
/// results, INP-001 and INP-002, an inline canary secret and hostile names.
enum ReportEstate {
    static let folder = Repository.root.appendingPathComponent("Tests/Fixtures/reports/estate")
    static let canary = "CANARY-7f3a9c1e-report-secret-do-not-leak"
    static let hostileName = #"legacy "quotes" </script><img src=x onerror=alert(1)>"#
    static let formulaName = "=cmd|' /C calc'!A0"

    static func evaluate() throws -> ResultDocument {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let files = try names.map { name in
            ("estate/\(name)", try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
        return Harness.evaluate(files: files)
    }

    static func render(_ format: String, _ document: ResultDocument) throws -> Data {
        let renderer = try #require(ReportFormats.renderer(named: format), "format \(format) is not registered")
        return try renderer.render(document, resources: ReportResources(templates: Repository.templates))
    }

    /// Renders every format and fails on a Swift debug dump (`NHIAudit.Verifier…`, `Swift.String`) in any.
    static func expectNoDebugDump(_ document: ResultDocument, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for format in ReportFormats.names {
            let text = String(decoding: try render(format, document), as: UTF8.self)
            #expect(!text.contains("NHIAudit.") && !text.contains("Swift."), "a debug dump in \(format)",
                    sourceLocation: sourceLocation)
        }
    }
}

/// The official schemas in `../shared/schemas` (never copied into the project). Absent in a user's clone:
/// then tests print a SKIPPED notice instead of validating. `NHI_AUDIT_SHARED` points elsewhere (a worktree).
enum SharedSchemas {
    static let folder = (ProcessInfo.processInfo.environment["NHI_AUDIT_SHARED"].map { URL(fileURLWithPath: $0) }
        ?? Repository.shared).appendingPathComponent("schemas")

    static func file(_ name: String) -> URL? {
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("SKIPPED: \(url.path) is absent (../shared/schemas is only present in CI and developer checkouts)")
            return nil
        }
        return url
    }

    /// Runs `Tests/Fixtures/reports/validate_json_schema.py` (python3 with jsonschema and regex); returns
    /// its error lines, empty when the document is valid.
    static func jsonSchemaErrors(schema: URL, document: Data, name: String) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-audit-reports-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let documentURL = directory.appendingPathComponent(name)
        try document.write(to: documentURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Repository.root.appendingPathComponent("Tests/Fixtures/reports/validate_json_schema.py").path,
            schema.path, documentURL.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = text.split(separator: "\n").map(String.init)
        if process.terminationStatus != 0 && lines.isEmpty { return ["validator exited \(process.terminationStatus)"] }
        return process.terminationStatus == 0 ? [] : lines
    }
}

/// Counts by (control, status) as each format states them, for the agreement test.
struct StatusCount: Hashable, Comparable, CustomStringConvertible {
    var control: String
    var status: String
    var description: String { "\(control)/\(status)" }
    static func < (lhs: Self, rhs: Self) -> Bool { (lhs.control, lhs.status) < (rhs.control, rhs.status) }
}

extension Array where Element == StatusCount {
    var tally: [StatusCount: Int] { reduce(into: [:]) { $0[$1, default: 0] += 1 } }
}

/// A small RFC 4180 reader for checking `report.csv` (quoted fields, doubled quotes, CRLF).
enum CSVReader {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append(characters.removeFirst())
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\r" && characters.first == "\n" {
                characters.removeFirst()
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
        return rows
    }
}

/// A hand-written writer against the generic path it replaced: equal bytes, or an issue naming the first line
/// that differs.
enum WriterEquivalence {
    static func expectSame(_ written: Data, _ reference: Data, _ comment: String, reference name: String) {
        guard written != reference else { return }
        let lines = (String(decoding: written, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false),
                     String(decoding: reference, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false))
        let first = zip(lines.0, lines.1).enumerated().first { $1.0 != $1.1 }
            .map { "line \($0 + 1)\nwritten: \($1.0)\n\(name): \($1.1)" } ?? "-"
        Issue.record("\(comment): written \(written.count) bytes, \(name) \(reference.count); first difference: \(first)")
    }

    /// `template` with `text` in every string it has (title, policy, first-seen date, entity, location,
    /// message, mappings, every waiver field, and three evidence items: value only, note only, neither) and its
    /// flags and numbers varied by `offset`: the hostile result each writer test feeds both of its paths.
    /// `template` needs a waiver and evidence.
    static func hostileResult(_ template: ResultDocument.Result, _ text: String, offset: Int) -> ResultDocument.Result {
        var result = template
        result.id = text
        result.control = "CTL-" + text
        result.title = text
        result.policy = text
        result.firstSeen = text
        result.isNew = offset % 2 == 0
        result.inBaseline = offset % 3 == 0 ? nil : offset % 3 == 1
        result.entity.name = text
        result.location.file = text
        result.location.line = offset % 2 == 0 ? Int.min : offset
        result.location.column = -offset
        result.location.field = text
        result.message = text
        result.frameworks = [text: [text, "NHI1"], "owasp-nhi-2025": [text, text]]
        result.evidence = [template.evidence[0], template.evidence[0], template.evidence[0]]
        result.evidence[0].file = text
        result.evidence[0].line = Int.max
        result.evidence[0].field = text
        result.evidence[0].value = text
        result.evidence[0].note = nil
        result.evidence[1].column = -1
        result.evidence[1].value = nil
        result.evidence[1].note = text
        result.evidence[2].field = ""
        result.evidence[2].value = nil
        result.evidence[2].note = nil
        result.waiver?.name = text
        result.waiver?.justification = text
        result.waiver?.owner = text
        result.waiver?.approvedBy = text
        result.waiver?.ticket = text
        result.waiver?.expires = text
        result.waiver?.source = text + ":3:1"
        result.waiver?.expired = offset % 2 == 1
        if offset % 4 == 2 { result.waiver = nil }
        return result
    }

    /// The result without any of its optional parts (waiver, policy, history and baseline marks, evidence,
    /// framework mappings).
    static func withoutOptionalParts(_ result: ResultDocument.Result) -> ResultDocument.Result {
        var plain = result
        plain.waiver = nil
        plain.policy = nil
        plain.isNew = nil
        plain.inBaseline = nil
        plain.firstSeen = nil
        plain.evidence = []
        plain.frameworks = [:]
        return plain
    }
}
