/// One input file as the report lists it: what it is, its hash, and whether it was assessed.
public struct InputRecord: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable {
        /// Every document in it was imported.
        case assessed
        /// Some documents were imported; others were not (see `notes`).
        case partial
        /// Nothing in it could be assessed (see `notes` and its INP results).
        case notAssessed = "not-assessed"
    }

    public var path: String
    public var sha256: String
    public var bytes: Int
    /// The formats recognized in it, comma-separated, or `unrecognized`.
    public var format: String
    public var status: Status
    public var entities: Int
    public var notes: [String]

    public init(
        path: String, sha256: String, bytes: Int, format: String, status: Status, entities: Int, notes: [String]
    ) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.format = format
        self.status = status
        self.entities = entities
        self.notes = notes
    }
}
