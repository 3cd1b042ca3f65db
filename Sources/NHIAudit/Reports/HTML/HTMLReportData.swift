import Foundation

/// The JSON block the report's script renders findings from, so 20,000 results cost one parse and a page of
/// rows, not 20,000 DOM nodes. Control texts appear once, not once per result.
///
/// The page lists at most `rowLimit` results, so it stays usable however large the estate: findings first
/// (failures and waived, then indeterminate), then passes and not-applicable results, each in document order.
/// What does not fit is counted in `omitted` and said on the page; report.json and report.xml list everything.
public struct HTMLReportData {
    public static let rowLimit = 100_000

    struct Control: Encodable {
        var title: String
        var severity: String
        var rationale: String
        var remediation: String
        var references: [ControlDescriptor.Reference]
        /// `framework:requirement` keys, e.g. `owasp-nhi-2025:NHI7`.
        var requirements: [String]
    }

    struct Requirement: Encodable {
        var key: String
        var label: String
    }

    /// Everything but the rows, encoded generically.
    struct Shell: Encodable {
        var controls: [String: Control]
        var requirements: [Requirement]
        /// Results not listed on the page, by status.
        var omitted: [String: Int]
    }

    var shell: Shell
    /// Indexes into the document's results, in document order.
    var rows: [Int]

    init(_ document: ResultDocument, rowLimit: Int = Self.rowLimit) {
        var controls: [String: Control] = [:]
        for control in document.controls {
            let keys = FrameworkCatalog.order.flatMap { framework in
                control.requirements(in: framework).map { "\(framework):\($0)" }
            }
            controls[control.id] = Control(
                title: control.title, severity: control.severity.rawValue, rationale: control.rationale,
                remediation: control.remediation, references: control.references, requirements: keys)
        }
        let frameworkTitles = Dictionary(document.catalog.frameworks.map { ($0.id, $0.title) }) { first, _ in first }
        let requirements = FrameworkCatalog.order.flatMap { framework in
            (document.coverage[framework] ?? []).filter { !$0.controls.isEmpty }.map {
                Requirement(
                    key: "\(framework):\($0.id)",
                    label: "\(frameworkTitles[framework] ?? framework) \($0.id) \($0.title)")
            }
        }
        let (rows, omitted) = Self.select(document.results, limit: rowLimit)
        shell = Shell(controls: controls, requirements: requirements, omitted: omitted)
        self.rows = rows
    }

    /// Which results the page lists: whole priority classes while they fit, then the first of the next class.
    static func select(_ results: [ResultDocument.Result], limit: Int) -> (rows: [Int], omitted: [String: Int]) {
        guard results.count > limit else { return (Array(results.indices), [:]) }
        func priority(_ status: ResultStatus) -> Int {
            switch status {
            case .fail, .waived: 0
            case .indeterminate: 1
            case .pass, .notApplicable: 2
            }
        }
        var perClass = [0, 0, 0]
        // Each record is read once (through indexes: no copies); the second pass reads this instead.
        let statuses = results.indices.map { results[$0].status }
        for status in statuses { perClass[priority(status)] += 1 }
        var allowance = [0, 0, 0]
        var budget = limit
        for rank in allowance.indices {
            allowance[rank] = min(perClass[rank], budget)
            budget -= allowance[rank]
        }
        var used = [0, 0, 0]
        var rows: [Int] = []
        rows.reserveCapacity(limit)
        var omitted: [String: Int] = [:]
        for (index, status) in statuses.enumerated() {
            let rank = priority(status)
            if used[rank] < allowance[rank] {
                used[rank] += 1
                rows.append(index)
            } else {
                omitted[status.rawValue, default: 0] += 1
            }
        }
        return (rows, omitted)
    }

    var omittedCount: Int { shell.omitted.values.reduce(0, +) }

    /// The block's JSON, escaped for a `<script>` element as it is written.
    func write(_ results: [ResultDocument.Result], to output: ReportOutput) throws {
        var shellBytes = Array(try FastJSON.compactString(shell).utf8)
        shellBytes.removeLast()  // the closing brace: results follow
        ScriptSafeContentTypes.escapeJSONForScript(shellBytes, into: &output.pending)
        PrettyJSONBytes.raw(#","results":["#, into: &output.pending)
        let rows = rows
        try OrderedChunks.write(count: rows.count, to: output) {
            var writer = HTMLRowWriter<ScriptJSONEscaper>()
            return { position, out in
                if position > 0 { out.append(0x2C) }
                try writer.write(results[rows[position]], into: &out)
            }
        }
        PrettyJSONBytes.raw("]}", into: &output.pending)
    }
}

/// One findings-table row as compact JSON, the shape `report.js` reads, its strings escaped by `Escaper`.
struct HTMLRowWriter<Escaper: JSONStringEscaper> {
    private typealias Pretty = PrettyJSONBytes
    /// `,"control":".."` by the result's shared `ControlFacts`.
    private var controls = FactsCache<[UInt8]>()
    /// The last file and its quoted bytes: results come sorted by file.
    private var lastFile: String?
    private var fileBytes: [UInt8] = []
    /// The quoted field: most results repeat it in their only evidence.
    private var field: [UInt8] = []

    mutating func write(_ result: ResultDocument.Result, into out: inout [UInt8]) throws {
        let file = result.locationFile, line = result.locationLine, column = result.locationColumn
        if file != lastFile {  // equal storage compares without reading the bytes
            fileBytes.removeAll(keepingCapacity: true)
            Escaper.writeString(file, into: &fileBytes)
            lastFile = file
        }
        field.removeAll(keepingCapacity: true)
        Escaper.writeString(result.locationField, into: &field)
        Pretty.raw(#"{"column":"#, into: &out)
        ByteWords.appendDecimal(column, into: &out)
        let control = controls.slot(of: result) { facts in
            var bytes = Array(#","control":"#.utf8)
            Escaper.writeString(facts.control, into: &bytes)
            return bytes
        }
        out.append(contentsOf: controls[control])
        Pretty.raw(#","entity":""#, into: &out)
        let entity = result.entity
        Escaper.writeEscaped(entity.kind.rawValue, into: &out)
        out.append(0x2F)
        Escaper.writeEscaped(entity.name, into: &out)
        Pretty.raw(#"","evidence":"#, into: &out)
        if let sole = result.soleEvidenceAtLocation {
            Pretty.raw(#"[{"column":"#, into: &out)
            ByteWords.appendDecimal(column, into: &out)
            Pretty.raw(#","field":"#, into: &out)
            out.append(contentsOf: field)
            Pretty.raw(#","file":"#, into: &out)
            out.append(contentsOf: fileBytes)
            Pretty.raw(#","line":"#, into: &out)
            ByteWords.appendDecimal(line, into: &out)
            ResultJSONWriter.writeNoteAndValue(sole.note, sole.value, Escaper.self, into: &out)
            out.append(0x5D)
        } else {
            ResultJSONWriter.write(result.evidence, Escaper.self, into: &out)
        }
        Pretty.raw(#","field":"#, into: &out)
        out.append(contentsOf: field)
        Pretty.raw(#","file":"#, into: &out)
        out.append(contentsOf: fileBytes)
        if let firstSeen = result.firstSeen {
            Pretty.raw(#","firstSeen":"#, into: &out)
            Escaper.writeString(firstSeen, into: &out)
        }
        Pretty.raw(#","id":"#, into: &out)
        JSONScalarBytes.fingerprint(result.storedID, Escaper.self, into: &out)
        if let inBaseline = result.inBaseline { Pretty.raw(inBaseline ? #","inBaseline":true"# : #","inBaseline":false"#, into: &out) }
        if let isNew = result.isNew { Pretty.raw(isNew ? #","isNew":true"# : #","isNew":false"#, into: &out) }
        Pretty.raw(#","line":"#, into: &out)
        ByteWords.appendDecimal(line, into: &out)
        Pretty.raw(#","message":"#, into: &out)
        Escaper.writeString(result.message, into: &out)
        Pretty.raw(#","severity":"#, into: &out)
        Escaper.writeString(result.severity.rawValue, into: &out)
        Pretty.raw(#","status":"#, into: &out)
        Escaper.writeString(result.status.rawValue, into: &out)
        if let waiver = result.waiver {
            Pretty.raw(#","waiver":"#, into: &out)
            var json: [UInt8] = []
            FastJSON.writeCompact(try FastJSON.node(for: waiver, codingPath: []), into: &json)
            Escaper.writeEncoded(json, into: &out)
        }
        out.append(0x7D)
    }
}
