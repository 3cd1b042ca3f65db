/// The syntax tree of an HCL file, as far as `HCLParser` reads it. Every value keeps its location and its
/// source text, so importers can turn it into `Field`s and unresolved expressions keep what was written.
public struct HCLBody: Sendable {
    public var attributes: [HCLAttribute] = []
    public var blocks: [HCLBlock] = []

    public init() {}

    public func attribute(_ name: String) -> HCLAttribute? { attributes.first { $0.name == name } }
    public func blocks(_ type: String) -> [HCLBlock] { blocks.filter { $0.type == type } }
    public func block(_ type: String) -> HCLBlock? { blocks.first { $0.type == type } }
}

/// `name = value`, or one `key = value` member of an object.
public struct HCLAttribute: Sendable {
    public var name: String
    /// Set when an object key is not a plain name or string (e.g. `(var.key)` or `"${var.x}:sub"`).
    public var nameIsExpression: Bool
    public var nameLocation: SourceLocation
    public var value: HCLValue
}

/// `type "label" ... { body }`.
public struct HCLBlock: Sendable {
    public var type: String
    public var labels: [String]
    public var location: SourceLocation
    public var body: HCLBody
}

public struct HCLValue: Sendable {
    public indirect enum Kind: Sendable {
        /// A quoted string or heredoc. `interpolated` when it contains `${...}` or `%{...}` (kept as text).
        case string(String, interpolated: Bool)
        case number(String)
        case bool(Bool)
        case null
        case list([HCLValue])
        case object([HCLAttribute])
        /// `name(args)`: `jsonencode({...})` keeps its argument so importers can read it.
        case call(String, [HCLValue])
        /// Anything not evaluated: references (`var.x`, `module.y.z`), operators, conditionals, `for`.
        case expression(String)
    }

    public var kind: Kind
    public var location: SourceLocation
    /// The value as written (a heredoc's body lines; an expression's text).
    public var source: String

    /// The text of a string without interpolation, a number or a bool.
    public var literalText: String? {
        switch kind {
        case .string(let text, false): text
        case .number(let text): text
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    /// What cannot be resolved without evaluating Terraform: an interpolated string or an expression.
    public var unresolvedText: String? {
        switch kind {
        case .string(_, true), .expression: compactSource
        case .call(let name, _) where !HCLValue.transparentFunctions.contains(name): compactSource
        default: nil
        }
    }

    /// The source on one line, for messages.
    private var compactSource: String {
        source.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Functions whose result is their argument's content for the purposes of reading a policy.
    static let transparentFunctions: Set<String> = ["jsonencode", "tolist", "toset", "tomap"]

    public var objectMembers: [HCLAttribute]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    public var listItems: [HCLValue]? {
        if case .list(let items) = kind { return items }
        return nil
    }

    public func member(_ name: String) -> HCLAttribute? { objectMembers?.first { $0.name == name } }
}

/// A syntax error: the line and column where the parser stopped, and why.
public struct HCLSyntaxError: Error, Sendable {
    public var location: SourceLocation
    public var reason: String
}
