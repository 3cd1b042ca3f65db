/// Writes OSCAL observations and result findings straight into bytes: what FastJSON's pretty writer writes for
/// `OSCALReportRenderer`'s trees of them (a test holds the two equal), without building a tree per result.
/// Pieces the same for every result (timestamp, origins, methods, types, the framing around each prop's and
/// evidence item's values) are encoded once, a control's requirement props and targets once per control.
final class OSCALResultWriter {
    private typealias Pretty = PrettyJSONBytes
    /// The indent of the observations and findings arrays' items.
    let indent: Int
    private let collected: [UInt8]
    private let origins: [UInt8]
    private let methods: [UInt8]
    private let types: [UInt8]
    private var requirements: [String: Requirements] = [:]
    private let findingUUID = ResultUUIDMaker(kind: "finding")
    private let props: PropHeads
    private let evidence: EvidenceBytes

    /// A control's requirement props (each after its separator) and finding targets (failed, waived).
    private struct Requirements {
        var frameworks: [String: [String]]
        var props: [UInt8]
        var failed: [UInt8]
        var waived: [UInt8]
    }

    init(indent: Int, generatedAt: String, origins: JSONValue) throws {
        self.indent = indent
        var collected: [UInt8] = []
        FastJSON.writeString(generatedAt, into: &collected)
        self.collected = collected
        self.origins = try Pretty.tree(origins, indent: indent + 2)
        methods = try Pretty.tree(["TEST"], indent: indent + 2)
        types = try Pretty.tree(["control-objective"], indent: indent + 2)
        props = PropHeads(indent: indent + 2)
        evidence = EvidenceBytes(indent: indent + 2)
    }

    func writeObservation(_ result: ResultDocument.Result, uuid: String, into out: inout [UInt8]) {
        let inner = indent + 2
        Pretty.member("collected", first: true, indent: indent, into: &out)
        out.append(contentsOf: collected)
        Pretty.member("description", indent: indent, into: &out)
        FastJSON.writeString(result.message, into: &out)
        Pretty.member("methods", indent: indent, into: &out)
        out.append(contentsOf: methods)
        Pretty.member("origins", indent: indent, into: &out)
        out.append(contentsOf: origins)
        Pretty.member("props", indent: indent, into: &out)
        writeProp(props.resultID, result.id, into: &out)
        writeProp(props.control, result.control, into: &out)
        writeProp(props.status, result.status.rawValue, into: &out)
        writeProp(props.severity, result.severity.rawValue, into: &out)
        writeEntityProp(result.entity, into: &out)
        if let firstSeen = result.firstSeen { writeProp(props.firstSeen, firstSeen, into: &out) }
        if let isNew = result.isNew { writeProp(props.isNew, String(isNew), into: &out) }
        if let inBaseline = result.inBaseline { writeProp(props.inBaseline, String(inBaseline), into: &out) }
        let waiver = result.waiver
        if let waiver {
            writeProp(props.waiver, waiver.name, into: &out)
            writeProp(props.waiverExpires, waiver.expires, into: &out)
        }
        Pretty.close(0x5D, indent: inner, into: &out)
        Pretty.member("relevant-evidence", indent: indent, into: &out)
        let evidence = result.evidence
        if evidence.isEmpty {
            let location = result.location
            writeEvidence(location.file, location.line, location.column, location.field, value: nil, first: true, into: &out)
        }
        for (position, item) in evidence.enumerated() {
            writeEvidence(item.file, item.line, item.column, item.field, value: item.value, first: position == 0, into: &out)
        }
        Pretty.close(0x5D, indent: inner, into: &out)
        if let waiver {
            Pretty.member("remarks", indent: indent, into: &out)
            FastJSON.writeString(OSCALReportRenderer.waiverRemarks(waiver), into: &out)
        }
        Pretty.member("title", indent: indent, into: &out)
        out.append(0x22)
        FastJSON.writeEscaped(result.control, into: &out)
        out.append(0x20)
        Pretty.escapedEntity(result.entity, into: &out)
        out.append(0x22)
        Pretty.member("types", indent: indent, into: &out)
        out.append(contentsOf: types)
        Pretty.member("uuid", indent: indent, into: &out)
        FastJSON.writeString(uuid, into: &out)
        Pretty.close(0x7D, indent: indent, into: &out)
    }

    func writeFinding(_ result: ResultDocument.Result, observation: String, into out: inout [UInt8]) throws {
        let inner = indent + 2
        let requirements = try requirements(of: result)
        Pretty.member("description", first: true, indent: indent, into: &out)
        out.append(0x22)
        Pretty.escapedEntity(result.entity, into: &out)
        Pretty.raw(": ", into: &out)
        FastJSON.writeEscaped(result.message, into: &out)
        out.append(0x22)
        Pretty.member("origins", indent: indent, into: &out)
        out.append(contentsOf: origins)
        Pretty.member("props", indent: indent, into: &out)
        writeProp(props.resultID, result.id, into: &out)
        writeProp(props.severity, result.severity.rawValue, into: &out)
        out.append(contentsOf: requirements.props)
        Pretty.close(0x5D, indent: inner, into: &out)
        Pretty.member("related-observations", indent: indent, into: &out)
        Pretty.item(first: true, indent: inner, into: &out)
        Pretty.member("observation-uuid", first: true, indent: inner + 2, into: &out)
        FastJSON.writeString(observation, into: &out)
        Pretty.close(0x7D, indent: inner + 2, into: &out)
        Pretty.close(0x5D, indent: inner, into: &out)
        if let waiver = result.waiver {
            Pretty.member("remarks", indent: indent, into: &out)
            FastJSON.writeString(OSCALReportRenderer.waiverRemarks(waiver), into: &out)
        }
        Pretty.member("target", indent: indent, into: &out)
        out.append(contentsOf: result.status == .waived ? requirements.waived : requirements.failed)
        Pretty.member("title", indent: indent, into: &out)
        out.append(0x22)
        FastJSON.writeEscaped(result.control, into: &out)
        Pretty.raw(": ", into: &out)
        FastJSON.writeEscaped(result.title, into: &out)
        out.append(0x22)
        Pretty.member("uuid", indent: indent, into: &out)
        FastJSON.writeString(findingUUID.make(result.id), into: &out)
        Pretty.close(0x7D, indent: indent, into: &out)
    }

    /// Cached by control; checked against the result's own mappings, which a control's results share.
    private func requirements(of result: ResultDocument.Result) throws -> Requirements {
        if let cached = requirements[result.control], cached.frameworks == result.frameworks { return cached }
        let pairs = OSCALReportRenderer.requirements(of: result)
        var props: [UInt8] = []
        for (framework, id) in pairs {
            Pretty.item(first: false, indent: indent + 2, into: &props)
            props += try Pretty.tree(OSCALReportRenderer.prop("requirement", "\(framework)/\(id)"), indent: indent + 4)
        }
        func target(_ reason: String) throws -> [UInt8] {
            try Pretty.tree(
                OSCALReportRenderer.targetOf(
                    pairs.first?.1 ?? result.control, framework: pairs.first?.0, state: "not-satisfied", reason: reason),
                indent: indent + 2)
        }
        let made = Requirements(frameworks: result.frameworks, props: props, failed: try target("fail"), waived: try target("other"))
        requirements[result.control] = made
        return made
    }

    private func writeProp(_ head: [UInt8], _ value: String, into out: inout [UInt8]) {
        out.append(contentsOf: head)
        FastJSON.writeString(OSCALReportRenderer.propValue(value), into: &out)
        out.append(contentsOf: props.end)
    }

    /// The entity prop, without making the `kind/name` string when `propValue` would keep it as it is.
    private func writeEntityProp(_ entity: EntityRef, into out: inout [UInt8]) {
        let kind = entity.kind.rawValue.utf8
        let name = entity.name.utf8
        guard kind.first != 0x20, name.last != 0x20, kind.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }),
            name.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
        else { return writeProp(props.entity, entity.description, into: &out) }
        out.append(contentsOf: props.entity)
        out.append(0x22)
        Pretty.escapedEntity(entity, into: &out)
        out.append(0x22)
        out.append(contentsOf: props.end)
    }

    /// Each prop item's bytes up to its value (the props arrays are at `indent`), and the bytes after it.
    private struct PropHeads {
        var resultID, control, status, severity, entity, firstSeen, isNew, inBaseline, waiver, waiverExpires: [UInt8]
        var end: [UInt8] = []

        init(indent: Int) {
            func head(_ name: StaticString, first: Bool = false) -> [UInt8] {
                var out: [UInt8] = []
                Pretty.item(first: first, indent: indent, into: &out)
                Pretty.member("name", first: true, indent: indent + 2, into: &out)
                out.append(0x22)
                Pretty.raw(name, into: &out)
                out.append(0x22)
                Pretty.member("ns", indent: indent + 2, into: &out)
                Pretty.raw("\"urn:nhi-audit:oscal\"", into: &out)
                Pretty.member("value", indent: indent + 2, into: &out)
                return out
            }
            (resultID, control, status, severity) = (head("result-id", first: true), head("control"), head("status"), head("severity"))
            (entity, firstSeen, isNew) = (head("entity"), head("first-seen"), head("new-since-previous-run"))
            (inBaseline, waiver, waiverExpires) = (head("in-baseline"), head("waiver"), head("waiver-expires"))
            Pretty.close(0x7D, indent: indent + 2, into: &end)
        }
    }

    /// An item of a relevant-evidence array.
    private func writeEvidence(
        _ file: String, _ line: Int, _ column: Int, _ field: String, value: String?, first: Bool, into out: inout [UInt8]
    ) {
        out.append(contentsOf: first ? evidence.first : evidence.next)
        FastJSON.writeEscaped(file, into: &out)
        out.append(0x3A)
        out.append(contentsOf: String(line).utf8)
        out.append(0x3A)
        out.append(contentsOf: String(column).utf8)
        if !field.isEmpty {
            out.append(0x20)
            FastJSON.writeEscaped(field, into: &out)
        }
        if let value {
            Pretty.raw(" = ", into: &out)
            FastJSON.writeEscaped(value, into: &out)
        }
        out.append(contentsOf: evidence.href)
        FastJSON.writeEscaped(SARIFReportRenderer.uri(file), into: &out)
        Pretty.raw("#L", into: &out)
        out.append(contentsOf: String(line).utf8)
        out.append(contentsOf: evidence.end)
    }

    /// An evidence item's bytes around its description and href (the arrays are at `indent`).
    private struct EvidenceBytes {
        var first: [UInt8], next: [UInt8], href: [UInt8] = [0x22], end: [UInt8] = [0x22]

        init(indent: Int) {
            func start(first: Bool) -> [UInt8] {
                var out: [UInt8] = []
                Pretty.item(first: first, indent: indent, into: &out)
                Pretty.member("description", first: true, indent: indent + 2, into: &out)
                out.append(0x22)
                return out
            }
            (first, next) = (start(first: true), start(first: false))
            Pretty.member("href", indent: indent + 2, into: &href)
            href.append(0x22)
            Pretty.close(0x7D, indent: indent + 2, into: &end)
        }
    }
}

extension OSCALResultWriter {
    /// An item `{"observation-uuid" : …}` of a related-observations array, at the item's `indent`.
    static func writeRelatedObservation(_ uuid: String, indent: Int, into out: inout [UInt8]) {
        PrettyJSONBytes.member("observation-uuid", first: true, indent: indent, into: &out)
        FastJSON.writeString(uuid, into: &out)
        PrettyJSONBytes.close(0x7D, indent: indent, into: &out)
    }
}
