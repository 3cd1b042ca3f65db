import Foundation

/// Reads typed `Field`s from the attributes of an HCL block or object, like `FieldReader` does for YAML:
/// unresolved values (`var.x`, `"${var.x}"`, `merge(...)`) become placeholders, wrong types become INP-001.
public struct HCLFieldReader {
    public let members: [HCLAttribute]
    /// Field path of the block, e.g. `vault_jwt_auth_backend_role.admin`.
    public let path: String
    /// Where absent fields point: the block or object that should hold them.
    public let anchor: SourceLocation
    public let sink: DiagnosticSink

    public init(_ members: [HCLAttribute], path: String, anchor: SourceLocation, sink: DiagnosticSink) {
        self.members = members
        self.path = path
        self.anchor = anchor
        self.sink = sink
    }

    public init(_ block: HCLBlock, path: String, sink: DiagnosticSink) {
        self.init(block.body.attributes, path: path, anchor: block.location, sink: sink)
    }

    public func value(_ key: String) -> HCLValue? { members.first { $0.name == key }?.value }

    public func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    public func string(_ key: String) -> Field<String> {
        read(key) { value in value.literalText.map { .success($0) } ?? .failure(ReadError("expected a text value")) }
    }

    public func bool(_ key: String) -> Field<Bool> {
        read(key) { value in
            switch value.literalText?.lowercased() {
            case "true": .success(true)
            case "false": .success(false)
            default: .failure(ReadError("expected true or false"))
            }
        }
    }

    public func integer(_ key: String) -> Field<Int> {
        read(key) { value in
            guard let text = value.literalText, let number = Int(text), number >= 0 else {
                return .failure(ReadError("expected a non-negative whole number"))
            }
            return .success(number)
        }
    }

    /// A Go/Vault duration (`1h`, `90m`, `1h30m`, `24h`, `7d`) or a number of seconds.
    public func duration(_ key: String) -> Field<Int> {
        read(key) { value in
            guard let text = value.literalText, let seconds = GoDuration.seconds(text) else {
                return .failure(ReadError("expected a duration such as 60s, 5m, 1h30m or a number of seconds"))
            }
            return .success(seconds)
        }
    }

    /// A list of strings; a single string counts as a one-item list (Vault accepts both, and comma-separated
    /// text when `splitCommas` is set: the Terraform provider documents "a comma-separated string list").
    public func stringList(_ key: String, splitCommas: Bool = false) -> ListField {
        let fieldPath = fieldPath(key)
        guard let value = value(key), !isNull(value) else { return .absent(fieldPath, at: anchor) }
        if let unresolved = value.unresolvedText {
            return Field(.placeholder(unresolved), path: fieldPath, location: value.location, display: unresolved)
        }
        let items: [HCLValue]
        if let list = value.listItems {
            items = list
        } else if value.literalText != nil {
            items = [value]
        } else {
            sink.add(.init(.unreadable, at: value.location, field: fieldPath, "expected a list of text values"))
            return Field(.invalid("expected a list"), path: fieldPath, location: value.location, display: value.source)
        }
        let fields = items.enumerated().flatMap { index, item in
            Self.listItems(item, path: "\(fieldPath)[\(index)]", splitCommas: splitCommas, sink: sink)
        }
        return Field(.known(fields), path: fieldPath, location: value.location, display: value.source)
    }

    static func listItems(_ item: HCLValue, path: String, splitCommas: Bool, sink: DiagnosticSink) -> [Field<String>] {
        if let unresolved = item.unresolvedText {
            return [Field(.placeholder(unresolved), path: path, location: item.location, display: unresolved)]
        }
        guard let text = item.literalText else {
            sink.add(.init(.unreadable, at: item.location, field: path, "expected a text item"))
            return [Field(.invalid("expected a text item"), path: path, location: item.location, display: item.source)]
        }
        let parts = splitCommas ? text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : [text]
        return parts.map { Field.known($0, path: path, at: item.location, display: $0) }
    }

    private func isNull(_ value: HCLValue) -> Bool {
        if case .null = value.kind { return true }
        return false
    }

    private func read<V>(_ key: String, _ convert: (HCLValue) -> Result<V, ReadError>) -> Field<V> {
        let fieldPath = fieldPath(key)
        guard let value = value(key), !isNull(value) else { return .absent(fieldPath, at: anchor) }
        if let unresolved = value.unresolvedText {
            return Field(.placeholder(unresolved), path: fieldPath, location: value.location, display: unresolved)
        }
        switch convert(value) {
        case .success(let converted):
            return Field(.known(converted), path: fieldPath, location: value.location, display: value.literalText)
        case .failure(let error):
            sink.add(.init(.unreadable, at: value.location, field: fieldPath, error.reason))
            return Field(.invalid(error.reason), path: fieldPath, location: value.location, display: value.source)
        }
    }
}

/// Durations as Go's `time.ParseDuration` (SPIRE) and Vault's `parseutil.ParseDurationSecond` write them:
/// a plain number is seconds; otherwise one or more number+unit pairs with units s, m, h (and d for Vault).
public enum GoDuration {
    public static func seconds(_ text: String) -> Int? {
        let trimmed = String(Placeholder.trimmingWhitespace(text[...]))  // no bridging to NSString
        if let plain = Int(trimmed) { return plain >= 0 ? plain : nil }
        var total = 0
        var number = ""
        var sawUnit = false
        for character in trimmed {
            if character.isASCII, character.isNumber {
                number.append(character)
                continue
            }
            let factor: Int
            switch character {
            case "s": factor = 1
            case "m": factor = 60
            case "h": factor = 3600
            case "d": factor = 86_400
            default: return nil
            }
            guard let amount = Int(number) else { return nil }
            let (product, overflow) = amount.multipliedReportingOverflow(by: factor)
            let (sum, overflowSum) = total.addingReportingOverflow(product)
            if overflow || overflowSum { return nil }
            total = sum
            number = ""
            sawUnit = true
        }
        return sawUnit && number.isEmpty ? total : nil
    }
}
