/// Reads `Waiver.spec`. A missing required field is INP-001 on its line: a waiver must never silently do nothing.
enum WaiverReader {
    static func read(_ spec: FieldReader, metadata: EntityMetadata, sink: DiagnosticSink) -> Waiver {
        let selector = spec.nested("selector")
        let waiver = Waiver(
            metadata: metadata, control: spec.string("control"), entity: selector.string("entity"),
            file: selector.string("file"), environment: selector.string("environment"),
            justification: spec.string("justification"), owner: spec.string("owner"),
            approvedBy: spec.string("approvedBy"), ticket: spec.string("ticket"), expires: spec.date("expires"))
        let fields: [(String, Bool, SourceLocation?)] = [
            ("control", waiver.control.isAbsent, waiver.control.location),
            ("justification", waiver.justification.isAbsent, waiver.justification.location),
            ("owner", waiver.owner.isAbsent, waiver.owner.location),
            ("approvedBy", waiver.approvedBy.isAbsent, waiver.approvedBy.location),
            ("ticket", waiver.ticket.isAbsent, waiver.ticket.location),
            ("expires", waiver.expires.isAbsent, waiver.expires.location),
        ]
        for (key, absent, location) in fields where absent {
            sink.add(
                .init(
                    .unreadable, at: location ?? metadata.location, field: "spec.\(key)",
                    "waiver '\(metadata.name)' has no \(key); it waives nothing until it does"))
        }
        if [waiver.entity, waiver.file, waiver.environment].allSatisfy(\.isAbsent) {
            sink.add(
                .init(
                    .unreadable, at: waiver.entity.location ?? metadata.location, field: "spec.selector",
                    "waiver '\(metadata.name)' has no selector (entity, file or environment); it waives nothing until it does"))
        }
        selector.reportUnknownKeys()
        return waiver
    }
}
