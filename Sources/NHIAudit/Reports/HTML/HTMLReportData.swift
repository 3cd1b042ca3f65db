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
        for index in results.indices { perClass[priority(results[index].status)] += 1 }  // indexes: no copies
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
        for index in results.indices {
            let status = results[index].status
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
        var scratch: [UInt8] = []
        scratch.reserveCapacity(1 << 12)
        func emit(_ bytes: [UInt8]) throws {
            ScriptSafeContentTypes.escapeJSONForScript(bytes, into: &output.pending)
            try output.flushIfFull()
        }
        var shellBytes = Array(try FastJSON.compactString(shell).utf8)
        shellBytes.removeLast()  // the closing brace: results follow
        try emit(shellBytes + Array(#","results":["#.utf8))
        for (position, index) in rows.enumerated() {
            scratch.removeAll(keepingCapacity: true)
            if position > 0 { scratch.append(0x2C) }
            try HTMLRowWriter.write(results[index], into: &scratch)
            try emit(scratch)
        }
        try emit(Array("]}".utf8))
    }
}

/// One findings-table row as compact JSON, the shape `report.js` reads.
enum HTMLRowWriter {
    static func write(_ result: ResultDocument.Result, into out: inout [UInt8]) throws {
        out.append(contentsOf: #"{"column":"#.utf8)
        out.append(contentsOf: String(result.location.column).utf8)
        out.append(contentsOf: #","control":"#.utf8)
        FastJSON.writeString(result.control, into: &out)
        out.append(contentsOf: #","entity":"#.utf8)
        FastJSON.writeString(result.entity.description, into: &out)
        out.append(contentsOf: #","evidence":"#.utf8)
        ResultJSONWriter.write(result.evidence, into: &out)
        out.append(contentsOf: #","field":"#.utf8)
        FastJSON.writeString(result.location.field, into: &out)
        out.append(contentsOf: #","file":"#.utf8)
        FastJSON.writeString(result.location.file, into: &out)
        if let firstSeen = result.firstSeen {
            out.append(contentsOf: #","firstSeen":"#.utf8)
            FastJSON.writeString(firstSeen, into: &out)
        }
        out.append(contentsOf: #","id":"#.utf8)
        FastJSON.writeString(result.id, into: &out)
        if let inBaseline = result.inBaseline { out.append(contentsOf: (inBaseline ? #","inBaseline":true"# : #","inBaseline":false"#).utf8) }
        if let isNew = result.isNew { out.append(contentsOf: (isNew ? #","isNew":true"# : #","isNew":false"#).utf8) }
        out.append(contentsOf: #","line":"#.utf8)
        out.append(contentsOf: String(result.location.line).utf8)
        out.append(contentsOf: #","message":"#.utf8)
        FastJSON.writeString(result.message, into: &out)
        out.append(contentsOf: #","severity":"#.utf8)
        FastJSON.writeString(result.severity.rawValue, into: &out)
        out.append(contentsOf: #","status":"#.utf8)
        FastJSON.writeString(result.status.rawValue, into: &out)
        if let waiver = result.waiver {
            out.append(contentsOf: #","waiver":"#.utf8)
            FastJSON.writeCompact(try FastJSON.node(for: waiver, codingPath: []), into: &out)
        }
        out.append(0x7D)
    }
}
