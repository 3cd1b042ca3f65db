/// Writes report.json's large record arrays (entities, inputs, trust-graph edges and nodes) straight into
/// bytes: what FastJSON's pretty writer writes for their Codable trees (a test holds the two equal), without a
/// tree of tens of thousands of records. Each writes one array item at `indent`; keys in sorted order.
enum JSONRecordWriter {
    private typealias Pretty = PrettyJSONBytes

    static func write(_ entity: ResultDocument.EntityRecord, indent: Int, into out: inout [UInt8]) {
        if let environment = entity.environment {
            Pretty.member("environment", first: true, indent: indent, into: &out)
            FastJSON.writeString(environment, into: &out)
        }
        Pretty.member("file", first: entity.environment == nil, indent: indent, into: &out)
        FastJSON.writeString(entity.file, into: &out)
        Pretty.member("format", indent: indent, into: &out)
        FastJSON.writeString(entity.format, into: &out)
        Pretty.member("kind", indent: indent, into: &out)
        FastJSON.writeString(entity.kind.rawValue, into: &out)
        Pretty.member("line", indent: indent, into: &out)
        ByteWords.appendDecimal(entity.line, into: &out)
        Pretty.member("name", indent: indent, into: &out)
        FastJSON.writeString(entity.name, into: &out)
        if let owner = entity.owner {
            Pretty.member("owner", indent: indent, into: &out)
            FastJSON.writeString(owner, into: &out)
        }
        Pretty.member("policy", indent: indent, into: &out)
        FastJSON.writeString(entity.policy, into: &out)
        Pretty.close(0x7D, indent: indent, into: &out)
    }

    static func write(_ input: InputRecord, indent: Int, into out: inout [UInt8]) {
        Pretty.member("bytes", first: true, indent: indent, into: &out)
        ByteWords.appendDecimal(input.bytes, into: &out)
        Pretty.member("entities", indent: indent, into: &out)
        ByteWords.appendDecimal(input.entities, into: &out)
        Pretty.member("format", indent: indent, into: &out)
        FastJSON.writeString(input.format, into: &out)
        Pretty.member("notes", indent: indent, into: &out)
        writeStrings(input.notes, indent: indent + 2, into: &out)
        Pretty.member("path", indent: indent, into: &out)
        FastJSON.writeString(input.path, into: &out)
        Pretty.member("sha256", indent: indent, into: &out)
        FastJSON.writeString(input.sha256, into: &out)
        Pretty.member("status", indent: indent, into: &out)
        FastJSON.writeString(input.status.rawValue, into: &out)
        Pretty.close(0x7D, indent: indent, into: &out)
    }

    static func write(_ edge: TrustGraph.Edge, indent: Int, into out: inout [UInt8]) {
        Pretty.member("issuer", first: true, indent: indent, into: &out)
        FastJSON.writeString(edge.issuer, into: &out)
        Pretty.member("issuerURL", indent: indent, into: &out)
        FastJSON.writeString(edge.issuerURL, into: &out)
        if let jwksUri = edge.jwksUri {
            Pretty.member("jwksUri", indent: indent, into: &out)
            FastJSON.writeString(jwksUri, into: &out)
        }
        Pretty.member("location", indent: indent, into: &out)
        let location = edge.location
        let inner = indent + 2
        Pretty.member("column", first: true, indent: inner, into: &out)
        ByteWords.appendDecimal(location.column, into: &out)
        Pretty.member("field", indent: inner, into: &out)
        FastJSON.writeString(location.field, into: &out)
        Pretty.member("file", indent: inner, into: &out)
        FastJSON.writeString(location.file, into: &out)
        Pretty.member("line", indent: inner, into: &out)
        ByteWords.appendDecimal(location.line, into: &out)
        Pretty.close(0x7D, indent: inner, into: &out)
        Pretty.member("verifier", indent: indent, into: &out)
        FastJSON.writeString(edge.verifier, into: &out)
        Pretty.member("verifierFails", indent: indent, into: &out)
        Pretty.raw(edge.verifierFails ? "true" : "false", into: &out)
        Pretty.close(0x7D, indent: indent, into: &out)
    }

    static func write(_ node: TrustGraph.Node, indent: Int, into out: inout [UInt8]) {
        if let environment = node.environment {
            Pretty.member("environment", first: true, indent: indent, into: &out)
            FastJSON.writeString(environment, into: &out)
        }
        Pretty.member("failingControls", first: node.environment == nil, indent: indent, into: &out)
        writeStrings(node.failingControls, indent: indent + 2, into: &out)
        Pretty.member("id", indent: indent, into: &out)
        FastJSON.writeString(node.id, into: &out)
        Pretty.member("kind", indent: indent, into: &out)
        FastJSON.writeString(node.kind.rawValue, into: &out)
        Pretty.member("name", indent: indent, into: &out)
        FastJSON.writeString(node.name, into: &out)
        Pretty.close(0x7D, indent: indent, into: &out)
    }

    /// An array of strings opened at `indent` (a member's value: its object's indent + 2), `[]` when empty.
    private static func writeStrings(_ strings: [String], indent: Int, into out: inout [UInt8]) {
        guard !strings.isEmpty else { return Pretty.raw("[]", into: &out) }
        for index in strings.indices {
            Pretty.item(first: index == 0, indent: indent, into: &out)
            FastJSON.writeString(strings[index], into: &out)
        }
        Pretty.close(0x5D, indent: indent, into: &out)
    }
}
