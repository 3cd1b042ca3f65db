/// A complete framework catalog from `mappings/frameworks/`: every requirement with its official ID and title.
public struct FrameworkCatalog: Codable, Sendable {
    public struct Requirement: Codable, Sendable, Hashable {
        public var id: String
        public var title: String
        /// The requirement's group, e.g. the CSF category `PR.AA`.
        public var group: String?
    }

    public struct Group: Codable, Sendable, Hashable {
        public var id: String
        public var title: String
        /// The CSF function the category belongs to, e.g. `PROTECT`.
        public var function: String?
    }

    public var id: String
    public var title: String
    public var version: String
    public var source: String
    public var groups: [Group]?
    public var requirements: [Requirement]

    public func requirement(_ id: String) -> Requirement? { requirements.first { $0.id == id } }

    /// Framework ids in the order reports list them.
    public static let order = ["owasp-nhi-2025", "nist-csf-2.0", "nist-sp-800-207"]
}
