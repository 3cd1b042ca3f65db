/// Writes one result as compact JSON with sorted keys: the bytes the generic encoder writes for it (a test
/// holds the two equal), several times faster. Reports carry hundreds of thousands of results, and a
/// control's framework mappings, the same for all its results, are encoded once and reused.
struct ResultJSONWriter {
    private var mappings: [String: (frameworks: [String: [String]], bytes: [UInt8])] = [:]

    mutating func write(_ result: ResultDocument.Result, into out: inout [UInt8]) throws {
        out.append(contentsOf: #"{"control":"#.utf8)
        FastJSON.writeString(result.control, into: &out)
        out.append(contentsOf: #","entity":{"kind":"#.utf8)
        FastJSON.writeString(result.entity.kind.rawValue, into: &out)
        out.append(contentsOf: #","name":"#.utf8)
        FastJSON.writeString(result.entity.name, into: &out)
        out.append(contentsOf: #"},"evidence":"#.utf8)
        Self.write(result.evidence, into: &out)
        if let firstSeen = result.firstSeen {
            out.append(contentsOf: #","firstSeen":"#.utf8)
            FastJSON.writeString(firstSeen, into: &out)
        }
        out.append(contentsOf: #","frameworks":"#.utf8)
        out.append(contentsOf: frameworks(of: result))
        out.append(contentsOf: #","id":"#.utf8)
        FastJSON.writeString(result.id, into: &out)
        if let inBaseline = result.inBaseline { out.append(contentsOf: (inBaseline ? #","inBaseline":true"# : #","inBaseline":false"#).utf8) }
        if let isNew = result.isNew { out.append(contentsOf: (isNew ? #","isNew":true"# : #","isNew":false"#).utf8) }
        out.append(contentsOf: #","location":"#.utf8)
        let location = result.location
        Self.writeLocation(location.file, location.line, location.column, location.field, into: &out, closed: true)
        out.append(contentsOf: #","message":"#.utf8)
        FastJSON.writeString(result.message, into: &out)
        if let policy = result.policy {
            out.append(contentsOf: #","policy":"#.utf8)
            FastJSON.writeString(policy, into: &out)
        }
        out.append(contentsOf: #","severity":"#.utf8)
        FastJSON.writeString(result.severity.rawValue, into: &out)
        out.append(contentsOf: #","status":"#.utf8)
        FastJSON.writeString(result.status.rawValue, into: &out)
        out.append(contentsOf: #","title":"#.utf8)
        FastJSON.writeString(result.title, into: &out)
        if let waiver = result.waiver {
            out.append(contentsOf: #","waiver":"#.utf8)
            FastJSON.writeCompact(try FastJSON.node(for: waiver, codingPath: []), into: &out)
        }
        out.append(0x7D)
    }

    private mutating func frameworks(of result: ResultDocument.Result) -> [UInt8] {
        if let cached = mappings[result.control], cached.frameworks == result.frameworks { return cached.bytes }
        var bytes: [UInt8] = [0x7B]
        for (index, framework) in result.frameworks.keys.sorted().enumerated() {
            if index > 0 { bytes.append(0x2C) }
            FastJSON.writeString(framework, into: &bytes)
            bytes.append(contentsOf: ":[".utf8)
            for (position, requirement) in result.frameworks[framework]!.enumerated() {
                if position > 0 { bytes.append(0x2C) }
                FastJSON.writeString(requirement, into: &bytes)
            }
            bytes.append(0x5D)
        }
        bytes.append(0x7D)
        mappings[result.control] = (result.frameworks, bytes)
        return bytes
    }

    /// A result's evidence list, as the generic encoder writes `[Evidence]`.
    static func write(_ evidence: [Evidence], into out: inout [UInt8]) {
        out.append(0x5B)
        for (index, item) in evidence.enumerated() {
            if index > 0 { out.append(0x2C) }
            writeLocation(item.file, item.line, item.column, item.field, into: &out, closed: false)
            if let note = item.note {
                out.append(contentsOf: #","note":"#.utf8)
                FastJSON.writeString(note, into: &out)
            }
            if let value = item.value {
                out.append(contentsOf: #","value":"#.utf8)
                FastJSON.writeString(value, into: &out)
            }
            out.append(0x7D)
        }
        out.append(0x5D)
    }

    private static func writeLocation(
        _ file: String, _ line: Int, _ column: Int, _ field: String, into out: inout [UInt8], closed: Bool
    ) {
        out.append(contentsOf: #"{"column":"#.utf8)
        out.append(contentsOf: String(column).utf8)
        out.append(contentsOf: #","field":"#.utf8)
        FastJSON.writeString(field, into: &out)
        out.append(contentsOf: #","file":"#.utf8)
        FastJSON.writeString(file, into: &out)
        out.append(contentsOf: #","line":"#.utf8)
        out.append(contentsOf: String(line).utf8)
        if closed { out.append(0x7D) }
    }
}
