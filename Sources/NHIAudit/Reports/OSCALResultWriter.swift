/// Writes OSCAL observations and result findings straight into bytes: what FastJSON's pretty writer writes for
/// `OSCALReportRenderer`'s trees of them (a test holds the two equal), without building a tree per result.
/// Pieces the same for every result (timestamp, origins, methods, types) are encoded once, a control's
/// requirement props and targets once per control.
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
        Self.writeProp("result-id", result.id, first: true, indent: inner, into: &out)
        Self.writeProp("control", result.control, indent: inner, into: &out)
        Self.writeProp("status", result.status.rawValue, indent: inner, into: &out)
        Self.writeProp("severity", result.severity.rawValue, indent: inner, into: &out)
        Self.writeEntityProp(result.entity, indent: inner, into: &out)
        if let firstSeen = result.firstSeen { Self.writeProp("first-seen", firstSeen, indent: inner, into: &out) }
        if let isNew = result.isNew { Self.writeProp("new-since-previous-run", String(isNew), indent: inner, into: &out) }
        if let inBaseline = result.inBaseline { Self.writeProp("in-baseline", String(inBaseline), indent: inner, into: &out) }
        let waiver = result.waiver
        if let waiver {
            Self.writeProp("waiver", waiver.name, indent: inner, into: &out)
            Self.writeProp("waiver-expires", waiver.expires, indent: inner, into: &out)
        }
        Pretty.close(0x5D, indent: inner, into: &out)
        Pretty.member("relevant-evidence", indent: indent, into: &out)
        let evidence = result.evidence
        if evidence.isEmpty {
            let location = result.location
            Self.writeEvidence(
                location.file, location.line, location.column, location.field, value: nil, first: true, indent: inner,
                into: &out)
        }
        for (position, item) in evidence.enumerated() {
            Self.writeEvidence(
                item.file, item.line, item.column, item.field, value: item.value, first: position == 0, indent: inner,
                into: &out)
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
        Self.writeProp("result-id", result.id, first: true, indent: inner, into: &out)
        Self.writeProp("severity", result.severity.rawValue, indent: inner, into: &out)
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

    /// A prop item of a props array at `indent`.
    private static func writeProp(
        _ name: StaticString, _ value: String, first: Bool = false, indent: Int, into out: inout [UInt8]
    ) {
        writeProp(name, first: first, indent: indent, into: &out) { FastJSON.writeString(OSCALReportRenderer.propValue(value), into: &$0) }
    }

    /// The entity prop, without making the `kind/name` string when `propValue` would keep it as it is.
    private static func writeEntityProp(_ entity: EntityRef, indent: Int, into out: inout [UInt8]) {
        let kind = entity.kind.rawValue.utf8
        let name = entity.name.utf8
        guard kind.first != 0x20, name.last != 0x20, kind.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }),
            name.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
        else { return writeProp("entity", entity.description, indent: indent, into: &out) }
        writeProp("entity", first: false, indent: indent, into: &out) { out in
            out.append(0x22)
            Pretty.escapedEntity(entity, into: &out)
            out.append(0x22)
        }
    }

    private static func writeProp(
        _ name: StaticString, first: Bool, indent: Int, into out: inout [UInt8], value: (inout [UInt8]) -> Void
    ) {
        Pretty.item(first: first, indent: indent, into: &out)
        Pretty.member("name", first: true, indent: indent + 2, into: &out)
        out.append(0x22)
        Pretty.raw(name, into: &out)
        out.append(0x22)
        Pretty.member("ns", indent: indent + 2, into: &out)
        Pretty.raw("\"urn:nhi-audit:oscal\"", into: &out)
        Pretty.member("value", indent: indent + 2, into: &out)
        value(&out)
        Pretty.close(0x7D, indent: indent + 2, into: &out)
    }

    /// An item of a relevant-evidence array at `indent`.
    private static func writeEvidence(
        _ file: String, _ line: Int, _ column: Int, _ field: String, value: String?, first: Bool, indent: Int,
        into out: inout [UInt8]
    ) {
        Pretty.item(first: first, indent: indent, into: &out)
        Pretty.member("description", first: true, indent: indent + 2, into: &out)
        out.append(0x22)
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
        out.append(0x22)
        Pretty.member("href", indent: indent + 2, into: &out)
        out.append(0x22)
        FastJSON.writeEscaped(SARIFReportRenderer.uri(file), into: &out)
        Pretty.raw("#L", into: &out)
        out.append(contentsOf: String(line).utf8)
        out.append(0x22)
        Pretty.close(0x7D, indent: indent + 2, into: &out)
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
