import Foundation

/// A JSON tree for formats whose shape is set by an outside schema (SARIF, OSCAL). Encoded with sorted keys
/// so equal documents give equal bytes.
enum JSONValue: Encodable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByBooleanLiteral
{
    case string(String)
    case int(Int)
    case number(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// Converted straight into the writer's tree, not through `Encoder` (OSCAL and SARIF documents hold millions
/// of values).
extension JSONValue: FastJSONLeaf {
    var fastJSONNode: FastJSON.Node {
        switch self {
        case .string(let value): return .string(value)
        case .int(let value): return .int(value)
        case .number(let value): return .number(value)
        case .bool(let value): return .bool(value)
        case .array(let items):
            let box = FastJSON.ArrayBox()
            box.items = items.map(\.fastJSONNode)
            return .array(box)
        case .object(let members):
            let box = FastJSON.ObjectBox()
            box.members = members.mapValues(\.fastJSONNode)
            return .object(box)
        }
    }
}
