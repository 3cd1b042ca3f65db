/// One node of a JSON-like tree read either from YAML/JSON (`DocumentNode`) or from an HCL value (Terraform
/// `jsonencode({...})`, `bound_claims = {...}`), so one reader serves a policy however it is written.
public struct PolicyTree {
    public enum Content {
        case scalar(String)
        /// An unresolved template or Terraform expression, with its text. `inString` for a string holding a
        /// template (`"repo:${org}/x:*"`): one unknown item, not an unknown list.
        case unresolved(String, inString: Bool)
        case mapping([(key: String, keyUnresolved: Bool, keyLocation: SourceLocation, value: PolicyTree)])
        case sequence([PolicyTree])
        case null
    }

    public var content: Content
    public var location: SourceLocation
    public var path: String

    public init(_ document: DocumentNode) {
        location = document.location
        path = document.path
        if document.isNull {
            content = .null
        } else if let text = document.scalar {
            content = Placeholder.detect(text).map { .unresolved($0, inString: true) } ?? .scalar(text)
        } else if document.isSequence {
            content = .sequence(document.items.map(PolicyTree.init))
        } else {
            content = .mapping(
                document.entries.map { entry in
                    (entry.key, Placeholder.detect(entry.key) != nil, entry.keyLocation, PolicyTree(entry.value))
                })
        }
    }

    public init(_ value: HCLValue, path: String) {
        location = value.location
        self.path = path
        if case .call(let name, let arguments) = value.kind, HCLValue.transparentFunctions.contains(name),
            arguments.count == 1
        {
            self = PolicyTree(arguments[0], path: path)
            return
        }
        if let unresolved = value.unresolvedText {
            var isString = false
            if case .string = value.kind { isString = true }
            content = .unresolved(unresolved, inString: isString)
        } else if let text = value.literalText {
            content = .scalar(text)
        } else if let items = value.listItems {
            content = .sequence(items.enumerated().map { PolicyTree($1, path: "\(path)[\($0)]") })
        } else if let members = value.objectMembers {
            content = .mapping(
                members.map { member in
                    (member.name, member.nameIsExpression, member.nameLocation,
                     PolicyTree(member.value, path: path.isEmpty ? member.name : "\(path).\(member.name)"))
                })
        } else {
            content = .null
        }
    }

    public func child(_ key: String) -> PolicyTree? {
        if case .mapping(let entries) = content { return entries.first { $0.key == key }?.value }
        return nil
    }

    public var entries: [(key: String, keyUnresolved: Bool, keyLocation: SourceLocation, value: PolicyTree)] {
        if case .mapping(let entries) = content { return entries }
        return []
    }

    public var scalar: String? {
        if case .scalar(let text) = content { return text }
        return nil
    }

    /// A scalar or a list of scalars as one list (IAM accepts both for Action, Principal and condition values).
    public var itemsOrSelf: [PolicyTree] {
        if case .sequence(let items) = content { return items }
        return [self]
    }

    /// A string field: known, placeholder, or invalid for other shapes.
    public func stringField() -> Field<String> {
        switch content {
        case .scalar(let text): .known(text, path: path, at: location)
        case .unresolved(let text, _): Field(.placeholder(text), path: path, location: location, display: text)
        case .null: .absent(path, at: location)
        default: Field(.invalid("expected a text value"), path: path, location: location)
        }
    }

    /// A list field from a scalar or a list of scalars.
    public func listField() -> ListField {
        if case .unresolved(let text, false) = content {
            return Field(.placeholder(text), path: path, location: location, display: text)
        }
        let items = itemsOrSelf.map { $0.stringField() }
        let display = items.count == 1 ? items[0].display : "[" + items.map { $0.display ?? "?" }.joined(separator: ", ") + "]"
        return Field(.known(items), path: path, location: location, display: display)
    }
}
