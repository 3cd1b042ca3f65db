/// FastJSON's pretty layout (`"key" : value`, two spaces a level, a comma and a newline between members and
/// items, keys sorted) for writers that write records straight into bytes instead of building a tree. The
/// writer calls members in sorted key order itself.
enum PrettyJSONBytes {
    /// Opens the object (first member) or separates, then starts the member `key` of an object at `indent`.
    @inline(__always)
    static func member(_ key: StaticString, first: Bool = false, indent: Int, into out: inout [UInt8]) {
        out.append(first ? 0x7B : 0x2C)
        out.append(0x0A)
        out.append(contentsOf: FastJSON.padding(indent + 2))
        out.append(0x22)
        raw(key, into: &out)
        out.append(0x22)
        out.append(0x20)
        out.append(0x3A)
        out.append(0x20)
    }

    /// Opens the array (first item) or separates, then indents the next item of an array at `indent`.
    @inline(__always)
    static func item(first: Bool, indent: Int, into out: inout [UInt8]) {
        out.append(first ? 0x5B : 0x2C)
        out.append(0x0A)
        out.append(contentsOf: FastJSON.padding(indent + 2))
    }

    /// Closes a non-empty object (`}`) or array (`]`) opened at `indent`.
    @inline(__always)
    static func close(_ bracket: UInt8, indent: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: FastJSON.padding(indent))
        out.append(bracket)
    }

    /// Fixed ASCII text, such as a separator inside a string written in parts (with `FastJSON.writeEscaped`).
    @inline(__always)
    static func raw(_ text: StaticString, into out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `EntityRef.description` (`kind/name`), escaped: for strings written in parts.
    static func escapedEntity(_ entity: EntityRef, into out: inout [UInt8]) {
        FastJSON.writeEscaped(entity.kind.rawValue, into: &out)
        out.append(0x2F)
        FastJSON.writeEscaped(entity.name, into: &out)
    }

    /// A small tree as the generic writer writes it at `indent`: for pieces encoded once and reused, and rare ones.
    static func tree(_ value: JSONValue, indent: Int) throws -> [UInt8] {
        let output = ReportOutput()
        try FastJSON.write(value.fastJSONNode, to: output, indent: indent, streams: [:])
        return [UInt8](try output.data)
    }
}
