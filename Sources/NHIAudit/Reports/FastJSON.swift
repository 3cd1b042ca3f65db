import Foundation

/// A lean `Encoder` that turns Codable values into a `JSONValue` tree, and a writer for it: pretty-printed,
/// keys sorted, slashes unescaped, like Foundation's `JSONEncoder` with those options but several times
/// faster on large result documents (reports with 100k results).
enum FastJSON {
    /// Pretty-printed with a final newline (report files).
    static func encode(_ value: some Encodable) throws -> Data {
        let output = ReportOutput()
        try writeDocument(try node(for: value, codingPath: []), to: output)
        return try output.data
    }

    /// An array too large to build at once: `count` items, each written when its turn comes (or, by item
    /// writers, in chunks on two threads), so only a few items exist at a time.
    struct StreamedArray {
        /// Writes item `index` at `indent` into its bytes.
        typealias ItemWriter = (_ index: Int, _ indent: Int, _ into: inout [UInt8]) throws -> Void

        enum Items {
            /// Written one after another into the output (item, output, indent).
            case inOrder((Int, ReportOutput, Int) throws -> Void)
            /// Written by independent item writers, made one per thread: `OrderedChunks` on two threads.
            case byWriters(() -> ItemWriter)
        }

        var count: Int
        var items: Items

        init(count: Int, writeItem: @escaping (Int, ReportOutput, Int) throws -> Void) {
            self.count = count
            items = .inOrder(writeItem)
        }

        /// Items written only into bytes, each thread with a writer of its own.
        init(count: Int, writers makeItemWriter: @escaping () -> ItemWriter) {
            self.count = count
            items = .byWriters(makeItemWriter)
        }

        /// Items made as trees, pretty-printed like the rest.
        static func trees(count: Int, _ tree: @escaping (Int) throws -> JSONValue) -> StreamedArray {
            StreamedArray(count: count) { index, output, indent in
                try FastJSON.write(try tree(index).fastJSONNode, to: output, indent: indent, streams: [:])
            }
        }
    }

    /// A whole document, pretty-printed, with a final newline. A string value equal to a key of `streams`
    /// stands for that array, written item by item.
    static func writeDocument(_ node: Node, to output: ReportOutput, streams: [String: StreamedArray] = [:]) throws {
        try write(node, to: output, indent: 0, streams: streams)
        output.pending.append(0x0A)
    }

    /// Pretty-printed, keys sorted, `indent` spaces deep, flushed between members and items.
    static func write(_ node: Node, to output: ReportOutput, indent: Int, streams: [String: StreamedArray]) throws {
        switch node {
        case .string(let text) where streams[text] != nil:
            let stream = streams[text]!
            guard stream.count > 0 else { return output.pending.append(contentsOf: "[]".utf8) }
            output.pending.append(contentsOf: "[\n".utf8)
            let last = stream.count - 1, itemPadding = padding(indent + 2)
            switch stream.items {
            case .byWriters(let makeItemWriter):
                try OrderedChunks.write(count: stream.count, to: output) {
                    let writeItem = makeItemWriter()
                    return { index, out in
                        out.append(contentsOf: itemPadding)
                        try writeItem(index, indent + 2, &out)
                        out.append(contentsOf: (index == last ? "\n" : ",\n").utf8)
                    }
                }
            case .inOrder(let writeItem):
                for index in 0..<stream.count {
                    output.pending.append(contentsOf: itemPadding)
                    try writeItem(index, output, indent + 2)
                    output.pending.append(contentsOf: (index == last ? "\n" : ",\n").utf8)
                    try output.flushIfFull()
                }
            }
            output.pending.append(contentsOf: padding(indent))
            output.pending.append(0x5D)
        case .array(let box) where !box.items.isEmpty:
            output.pending.append(contentsOf: "[\n".utf8)
            for (index, item) in box.items.enumerated() {
                output.pending.append(contentsOf: padding(indent + 2))
                try write(item, to: output, indent: indent + 2, streams: streams)
                output.pending.append(contentsOf: (index == box.items.count - 1 ? "\n" : ",\n").utf8)
            }
            output.pending.append(contentsOf: padding(indent))
            output.pending.append(0x5D)
        case .object(let box) where !box.members.isEmpty:
            output.pending.append(contentsOf: "{\n".utf8)
            let keys = box.members.keys.sorted()
            for (index, key) in keys.enumerated() {
                output.pending.append(contentsOf: padding(indent + 2))
                writeString(key, into: &output.pending)
                output.pending.append(contentsOf: " : ".utf8)
                try write(box.members[key]!, to: output, indent: indent + 2, streams: streams)
                output.pending.append(contentsOf: (index == keys.count - 1 ? "\n" : ",\n").utf8)
            }
            output.pending.append(contentsOf: padding(indent))
            output.pending.append(0x7D)
        default:
            writeCompact(node, into: &output.pending)  // a leaf, `[]` or `{}`
        }
        try output.flushIfFull()
    }

    /// One line, keys sorted (data embedded in the HTML report, database columns).
    static func compactString(_ value: some Encodable) throws -> String {
        var output: [UInt8] = []
        writeCompact(try node(for: value, codingPath: []), into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    static func writeCompact(_ node: Node, into output: inout [UInt8]) {
        switch node {
        case .string(let text): writeString(text, into: &output)
        case .int(let number): output.append(contentsOf: String(number).utf8)
        case .number(let number): output.append(contentsOf: formatted(number).utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .array(let box):
            output.append(0x5B)
            for (index, item) in box.items.enumerated() {
                if index > 0 { output.append(0x2C) }
                writeCompact(item, into: &output)
            }
            output.append(0x5D)
        case .object(let box):
            output.append(0x7B)
            for (index, key) in box.members.keys.sorted().enumerated() {
                if index > 0 { output.append(0x2C) }
                writeString(key, into: &output)
                output.append(0x3A)
                writeCompact(box.members[key]!, into: &output)
            }
            output.append(0x7D)
        }
    }

    /// The tree being built. Objects and arrays are boxes, so containers fill them in place without copies.
    enum Node {
        case string(String)
        case int(Int)
        case number(Double)
        case bool(Bool)
        case null
        case object(ObjectBox)
        case array(ArrayBox)
    }

    final class ObjectBox {
        var members: [String: Node] = [:]
    }

    final class ArrayBox {
        var items: [Node] = []
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    static func padding(_ count: Int) -> ArraySlice<UInt8> {
        count <= spaces.count ? spaces[..<count] : ArraySlice(repeating: 0x20, count: count)
    }

    private static func formatted(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
    }

    /// RFC 8259 escaping: quote, backslash and control characters; everything else as UTF-8.
    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(0x22)
        writeEscaped(text, into: &output)
        output.append(0x22)
    }

    /// The inside of `writeString`'s quotes, for strings written in parts (escaping goes byte by byte).
    static func writeEscaped(_ text: String, into output: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { bytes in
            guard !EscapeScan.needsJSONEscaping(bytes) else { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if plain { return }
        for byte in text.utf8 {
            switch byte {
            case 0x22: output.append(contentsOf: [0x5C, 0x22])
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: output.append(contentsOf: [0x5C, 0x72])
            case 0x09: output.append(contentsOf: [0x5C, 0x74])
            case 0x08: output.append(contentsOf: [0x5C, 0x62])
            case 0x0C: output.append(contentsOf: [0x5C, 0x66])
            case 0..<0x20:
                output.append(contentsOf: "\\u00".utf8)
                output.append(contentsOf: Hex.string([byte]).utf8)
            default: output.append(byte)
            }
        }
    }

    /// Where an encoding container writes its value.
    final class Slot {
        var node: Node = .null
    }

    final class TreeEncoder: Encoder {
        let storage: Slot
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(storage: Slot = Slot(), codingPath: [any CodingKey] = []) {
            self.storage = storage
            self.codingPath = codingPath
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let box: ObjectBox
            if case .object(let existing) = storage.node {
                box = existing
            } else {
                box = ObjectBox()
                storage.node = .object(box)
            }
            return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            let box = ArrayBox()
            storage.node = .array(box)
            return UnkeyedContainer(box: box, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleContainer(slot: storage, codingPath: codingPath)
        }
    }

    /// Encodes a nested value; common leaf types skip the encoder round trip.
    static func node(for value: some Encodable, codingPath: [any CodingKey]) throws -> Node {
        // One cast for every leaf type; records (the common case) go straight to their own encode(to:).
        if let leaf = value as? any FastJSONLeaf { return leaf.fastJSONNode }
        let encoder = TreeEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.storage.node
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: ObjectBox
        var codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { box.members[key.stringValue] = .null }
        mutating func encode(_ value: Bool, forKey key: Key) throws { box.members[key.stringValue] = .bool(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { box.members[key.stringValue] = .string(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { box.members[key.stringValue] = .number(value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { box.members[key.stringValue] = .int(value) }
        mutating func encode(_ value: some Encodable, forKey key: Key) throws {
            box.members[key.stringValue] = try FastJSON.node(for: value, codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            let nested = ObjectBox()
            box.members[key.stringValue] = .object(nested)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = ArrayBox()
            box.members[key.stringValue] = .array(nested)
            return UnkeyedContainer(box: nested, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let nested = ObjectBox()
            box.members[key.stringValue] = .object(nested)
            let slot = Slot()
            slot.node = .object(nested)
            return TreeEncoder(storage: slot, codingPath: codingPath + [key])
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let box: ArrayBox
        var codingPath: [any CodingKey]
        var count: Int { box.items.count }

        mutating func encodeNil() throws { box.items.append(.null) }
        mutating func encode(_ value: Bool) throws { box.items.append(.bool(value)) }
        mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
        mutating func encode(_ value: Double) throws { box.items.append(.number(value)) }
        mutating func encode(_ value: Int) throws { box.items.append(.int(value)) }
        mutating func encode(_ value: some Encodable) throws {
            box.items.append(try FastJSON.node(for: value, codingPath: codingPath))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            let nested = ObjectBox()
            box.items.append(.object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = ArrayBox()
            box.items.append(.array(nested))
            return UnkeyedContainer(box: nested, codingPath: codingPath)
        }

        mutating func superEncoder() -> any Encoder { TreeEncoder(codingPath: codingPath) }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { slot.node = .null }
        mutating func encode(_ value: Bool) throws { slot.node = .bool(value) }
        mutating func encode(_ value: String) throws { slot.node = .string(value) }
        mutating func encode(_ value: Double) throws { slot.node = .number(value) }
        mutating func encode(_ value: Int) throws { slot.node = .int(value) }
        mutating func encode(_ value: some Encodable) throws {
            slot.node = try FastJSON.node(for: value, codingPath: codingPath)
        }
    }
}

/// Values the tree encoder writes directly. The generic `encode` also witnesses the fixed-width integer
/// requirements, so these must never reach `encode(to:)`, which would call straight back into it.
protocol FastJSONLeaf {
    var fastJSONNode: FastJSON.Node { get }
}

extension String: FastJSONLeaf { var fastJSONNode: FastJSON.Node { .string(self) } }
extension Bool: FastJSONLeaf { var fastJSONNode: FastJSON.Node { .bool(self) } }
extension Int: FastJSONLeaf { var fastJSONNode: FastJSON.Node { .int(self) } }
extension Int8: FastJSONLeaf { var fastJSONNode: FastJSON.Node { .int(Int(self)) } }
extension Int16: FastJSONLeaf { var fastJSONNode: FastJSON.Node { .int(Int(self)) } }
extension Int32: FastJSONLeaf { var fastJSONNode: FastJSON.Node { .int(Int(self)) } }
extension Int64: FastJSONLeaf { var fastJSONNode: FastJSON.Node { .int(Int(self)) } }
extension UInt8: FastJSONLeaf { var fastJSONNode: FastJSON.Node { .int(Int(self)) } }
extension UInt16: FastJSONLeaf { var fastJSONNode: FastJSON.Node { .int(Int(self)) } }
extension UInt32: FastJSONLeaf { var fastJSONNode: FastJSON.Node { .int(Int(self)) } }
extension UInt64: FastJSONLeaf {
    var fastJSONNode: FastJSON.Node { self <= UInt64(Int.max) ? .int(Int(self)) : .number(Double(self)) }
}
extension UInt: FastJSONLeaf {
    var fastJSONNode: FastJSON.Node { self <= UInt(Int.max) ? .int(Int(self)) : .number(Double(self)) }
}
extension Double: FastJSONLeaf { var fastJSONNode: FastJSON.Node { .number(self) } }
extension Float: FastJSONLeaf { var fastJSONNode: FastJSON.Node { .number(Double(self)) } }
