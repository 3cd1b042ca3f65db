/// The data half of a control (`mappings/controls/ID.yaml`): what it is, why it matters, how to fix it,
/// and the framework requirements it evidences. The code half is a `Control` type with the same id.
public struct ControlDescriptor: Codable, Sendable, Hashable {
    public struct Reference: Codable, Sendable, Hashable {
        public var title: String
        public var url: String?
    }

    public var id: String
    public var title: String
    public var severity: Severity
    /// The entity kind it is evaluated on (issuer, verifier, policy, file, any ...).
    public var appliesTo: String
    public var rationale: String
    public var remediation: String
    public var references: [Reference]
    /// Framework id to requirement ids, e.g. `nist-csf-2.0: [PR.AA-04]`.
    public var frameworks: [String: [String]]

    public func requirements(in framework: String) -> [String] { frameworks[framework] ?? [] }
}
