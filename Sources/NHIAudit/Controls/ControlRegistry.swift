/// Every control type. A new control is one file plus one line here plus `mappings/controls/<id>.yaml`.
public struct ControlRegistry: Sendable {
    public var controls: [any Control.Type]

    public var controlIDs: [String] { controls.map { $0.id } }

    public func type(for id: String) -> (any Control.Type)? { controls.first { $0.id == id } }

    public static let standard = ControlRegistry(controls: [
        // Inputs
        UnreadableInputControl.self,
        UnrecognizedInputControl.self,
        DuplicateKeyControl.self,
        // Issuers
        IssuerDefaultTTLControl.self,
        FederationSubjectControl.self,
        FederationSubjectWildcardControl.self,
        FederationAudienceControl.self,
        FederationClaimControl.self,
        FederationTTLControl.self,
        FederationLoggingControl.self,
        SpireSVIDTTLControl.self,
        SpireKeyStorageControl.self,
        SpireAttestationControl.self,
    ])
}
