/// Writes one result as compact JSON with sorted keys: the bytes the generic encoder writes for it (a test
/// holds the two equal), several times faster. Reports carry hundreds of thousands of results, and what depends
/// only on a result's shared `ControlFacts`, status and severity (most of its bytes) is encoded once and reused.
struct ResultJSONWriter {
    private typealias Pretty = PrettyJSONBytes
    private var facts = FactsCache<FactsBytes>()
    /// The result's location without its closing brace: three results in four repeat it as their only evidence.
    private var location: [UInt8] = []

    /// A result's members that depend only on its `ControlFacts` (and its status and severity).
    private struct FactsBytes {
        /// `{"control":".."`.
        var head: [UInt8]
        /// `,"frameworks":{..}`.
        var frameworks: [UInt8]
        /// `,"policy":"..","severity":"..","status":"..","title":".."` by `StatusAndSeverity.index`, made when
        /// first needed (empty until then).
        var tails: [[UInt8]]
    }

    mutating func write(_ result: ResultDocument.Result, into out: inout [UInt8]) throws {
        let slot = facts.slot(of: result, Self.factsBytes)
        let file = result.locationFile, line = result.locationLine, column = result.locationColumn
        let field = result.locationField
        location.removeAll(keepingCapacity: true)
        Self.writeLocation(file, line, column, field, PlainJSONEscaper.self, into: &location)
        out.append(contentsOf: facts[slot].head)
        Pretty.raw(#","entity":{"kind":"#, into: &out)
        let entity = result.entity
        FastJSON.writeString(entity.kind.rawValue, into: &out)
        Pretty.raw(#","name":"#, into: &out)
        FastJSON.writeString(entity.name, into: &out)
        Pretty.raw(#"},"evidence":"#, into: &out)
        if let sole = result.soleEvidenceAtLocation {
            out.append(0x5B)
            out.append(contentsOf: location)
            Self.writeNoteAndValue(sole.note, sole.value, PlainJSONEscaper.self, into: &out)
            out.append(0x5D)
        } else {
            let place = ResultDocument.Location(file: file, line: line, column: column, field: field)
            Self.write(result.evidence, PlainJSONEscaper.self, at: place, written: location, into: &out)
        }
        if let firstSeen = result.firstSeen {
            Pretty.raw(#","firstSeen":"#, into: &out)
            FastJSON.writeString(firstSeen, into: &out)
        }
        out.append(contentsOf: facts[slot].frameworks)
        Pretty.raw(#","id":"#, into: &out)
        JSONScalarBytes.fingerprint(result.storedID, PlainJSONEscaper.self, into: &out)
        if let inBaseline = result.inBaseline { Pretty.raw(inBaseline ? #","inBaseline":true"# : #","inBaseline":false"#, into: &out) }
        if let isNew = result.isNew { Pretty.raw(isNew ? #","isNew":true"# : #","isNew":false"#, into: &out) }
        Pretty.raw(#","location":"#, into: &out)
        out.append(contentsOf: location)
        out.append(0x7D)
        Pretty.raw(#","message":"#, into: &out)
        FastJSON.writeString(result.message, into: &out)
        let tail = StatusAndSeverity.index(result.status, result.severity)
        if facts[slot].tails[tail].isEmpty {
            facts[slot].tails[tail] = Self.tail(result.facts, result.status, result.severity)
        }
        out.append(contentsOf: facts[slot].tails[tail])
        if let waiver = result.waiver {
            Pretty.raw(#","waiver":"#, into: &out)
            FastJSON.writeCompact(try FastJSON.node(for: waiver, codingPath: []), into: &out)
        }
        out.append(0x7D)
    }

    private static func factsBytes(_ facts: ResultDocument.ControlFacts) -> FactsBytes {
        var head = Array(#"{"control":"#.utf8)
        FastJSON.writeString(facts.control, into: &head)
        var bytes = Array(#","frameworks":{"#.utf8)
        for (index, framework) in facts.frameworks.keys.sorted().enumerated() {
            if index > 0 { bytes.append(0x2C) }
            FastJSON.writeString(framework, into: &bytes)
            bytes.append(contentsOf: ":[".utf8)
            for (position, requirement) in facts.frameworks[framework]!.enumerated() {
                if position > 0 { bytes.append(0x2C) }
                FastJSON.writeString(requirement, into: &bytes)
            }
            bytes.append(0x5D)
        }
        bytes.append(0x7D)
        return FactsBytes(head: head, frameworks: bytes, tails: Array(repeating: [], count: StatusAndSeverity.count))
    }

    private static func tail(_ facts: ResultDocument.ControlFacts, _ status: ResultStatus, _ severity: Severity)
        -> [UInt8]
    {
        var out: [UInt8] = []
        if let policy = facts.policy {
            Pretty.raw(#","policy":"#, into: &out)
            FastJSON.writeString(policy, into: &out)
        }
        Pretty.raw(#","severity":"#, into: &out)
        FastJSON.writeString(severity.rawValue, into: &out)
        Pretty.raw(#","status":"#, into: &out)
        FastJSON.writeString(status.rawValue, into: &out)
        Pretty.raw(#","title":"#, into: &out)
        FastJSON.writeString(facts.title, into: &out)
        return out
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
            writeNoteAndValue(item.note, item.value, escaper, into: &out)
        }
        out.append(0x5D)
    }

    /// The rest of a piece of evidence after its location, with the closing brace.
    static func writeNoteAndValue<Escaper: JSONStringEscaper>(
        _ note: String?, _ value: String?, _ escaper: Escaper.Type, into out: inout [UInt8]
    ) {
        if let note {
            Pretty.raw(#","note":"#, into: &out)
            Escaper.writeString(note, into: &out)
        }
        if let value {
            Pretty.raw(#","value":"#, into: &out)
            Escaper.writeString(value, into: &out)
        }
        out.append(0x7D)
    }

    /// A location's members, without the closing brace (evidence adds its value and note before it).
    static func writeLocation<Escaper: JSONStringEscaper>(
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
