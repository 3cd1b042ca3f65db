/// Where a value was read: the file (as given to the scan), 1-based line and column.
public struct SourceLocation: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    // Every field of the model holds a location: 32-bit line and column make each field 8 bytes smaller. Files are
    // limited to far fewer than 2^31 lines and columns (`LoadLimits`), so nothing is clamped in practice.
    private var line32: Int32
    private var column32: Int32

    public var line: Int {
        get { Int(line32) }
        set { line32 = Int32(clamping: newValue) }
    }
    public var column: Int {
        get { Int(column32) }
        set { column32 = Int32(clamping: newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line32 = Int32(clamping: line)
        self.column32 = Int32(clamping: column)
    }

    private enum CodingKeys: String, CodingKey {
        case file, line, column
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
            column: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
