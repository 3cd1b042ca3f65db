/// Writes one result as compact JSON with sorted keys: the bytes the generic encoder writes for it (a test
/// holds the two equal), several times faster. Reports carry hundreds of thousands of results, and a
/// control's framework mappings, the same for all its results, are encoded once and reused.
struct ResultJSONWriter {
    private typealias Pretty = PrettyJSONBytes
    /// By control, searched in order: a few dozen short IDs compare faster than they hash.
    private var mappings: [(control: String, frameworks: [String: [String]], bytes: [UInt8])] = []
    /// The result's location without its closing brace: three results in four repeat it as their only evidence.
    private var location: [UInt8] = []

    mutating func write(_ result: ResultDocument.Result, into out: inout [UInt8]) throws {
        let place = result.location
        location.removeAll(keepingCapacity: true)
        Self.writeLocation(place.file, place.line, place.column, place.field, PlainJSONEscaper.self, into: &location)
        Pretty.raw(#"{"control":"#, into: &out)
        FastJSON.writeString(result.control, into: &out)
        Pretty.raw(#","entity":{"kind":"#, into: &out)
        FastJSON.writeString(result.entity.kind.rawValue, into: &out)
        Pretty.raw(#","name":"#, into: &out)
        FastJSON.writeString(result.entity.name, into: &out)
        Pretty.raw(#"},"evidence":"#, into: &out)
        Self.write(result.evidence, PlainJSONEscaper.self, at: place, written: location, into: &out)
        if let firstSeen = result.firstSeen {
            Pretty.raw(#","firstSeen":"#, into: &out)
            FastJSON.writeString(firstSeen, into: &out)
        }
        Pretty.raw(#","frameworks":"#, into: &out)
        out.append(contentsOf: frameworks(of: result))
        Pretty.raw(#","id":"#, into: &out)
        JSONScalarBytes.fingerprint(result.storedID, PlainJSONEscaper.self, into: &out)
        if let inBaseline = result.inBaseline { Pretty.raw(inBaseline ? #","inBaseline":true"# : #","inBaseline":false"#, into: &out) }
        if let isNew = result.isNew { Pretty.raw(isNew ? #","isNew":true"# : #","isNew":false"#, into: &out) }
        Pretty.raw(#","location":"#, into: &out)
        out.append(contentsOf: location)
        out.append(0x7D)
        Pretty.raw(#","message":"#, into: &out)
        FastJSON.writeString(result.message, into: &out)
        if let policy = result.policy {
            Pretty.raw(#","policy":"#, into: &out)
            FastJSON.writeString(policy, into: &out)
        }
        Pretty.raw(#","severity":"#, into: &out)
        FastJSON.writeString(result.severity.rawValue, into: &out)
        Pretty.raw(#","status":"#, into: &out)
        FastJSON.writeString(result.status.rawValue, into: &out)
        Pretty.raw(#","title":"#, into: &out)
        FastJSON.writeString(result.title, into: &out)
        if let waiver = result.waiver {
            Pretty.raw(#","waiver":"#, into: &out)
            FastJSON.writeCompact(try FastJSON.node(for: waiver, codingPath: []), into: &out)
        }
        out.append(0x7D)
    }

    private mutating func frameworks(of result: ResultDocument.Result) -> [UInt8] {
        let control = result.control
        let known = mappings.firstIndex { $0.control == control }
        if let known, mappings[known].frameworks == result.frameworks { return mappings[known].bytes }
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
        if let known { mappings[known] = (control, result.frameworks, bytes) } else { mappings.append((control, result.frameworks, bytes)) }
        return bytes
    }

    /// A result's evidence list, as the generic encoder writes `[Evidence]`. Evidence at `place` starts with
    /// `written`, the place already written by `writeLocation`, instead of escaping it again.
    static func write<Escaper: JSONStringEscaper>(
        _ evidence: [Evidence], _ escaper: Escaper.Type, at place: ResultDocument.Location? = nil,
        written: [UInt8] = [], into out: inout [UInt8]
    ) {
        out.append(0x5B)
        for index in evidence.indices {
            if index > 0 { out.append(0x2C) }
            let item = evidence[index]
            if let place, item.line == place.line, item.column == place.column, item.file == place.file,
                item.field == place.field
            {
                out.append(contentsOf: written)
            } else {
                writeLocation(item.file, item.line, item.column, item.field, escaper, into: &out)
            }
            if let note = item.note {
                Pretty.raw(#","note":"#, into: &out)
                Escaper.writeString(note, into: &out)
            }
            if let value = item.value {
                Pretty.raw(#","value":"#, into: &out)
                Escaper.writeString(value, into: &out)
            }
            out.append(0x7D)
        }
        out.append(0x5D)
    }

    /// A location's members, without the closing brace (evidence adds its value and note before it).
    private static func writeLocation<Escaper: JSONStringEscaper>(
        _ file: String, _ line: Int, _ column: Int, _ field: String, _ escaper: Escaper.Type, into out: inout [UInt8]
    ) {
        Pretty.raw(#"{"column":"#, into: &out)
        ByteWords.appendDecimal(column, into: &out)
        Pretty.raw(#","field":"#, into: &out)
        Escaper.writeString(field, into: &out)
        Pretty.raw(#","file":"#, into: &out)
        Escaper.writeString(file, into: &out)
        Pretty.raw(#","line":"#, into: &out)
        ByteWords.appendDecimal(line, into: &out)
    }
}
