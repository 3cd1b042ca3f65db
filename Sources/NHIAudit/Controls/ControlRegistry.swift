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
        // Waivers
        WaiverExpiredControl.self,
        WaiverStaleControl.self,
        WaiverDurationControl.self,
        // Issuers
        IssuerDefaultTTLControl.self,
        // Verifiers
        VerifierSignatureControl.self,
        VerifierIssuerControl.self,
        VerifierAudienceControl.self,
        VerifierGenericAudienceControl.self,
        VerifierAlgorithmAllowlistControl.self,
        VerifierMixedAlgorithmControl.self,
        VerifierExpirationControl.self,
        VerifierClockSkewControl.self,
        VerifierJWKSTransportControl.self,
        VerifierJWKSRefreshControl.self,
        VerifierTokenHeadersControl.self,
        VerifierRequiresTokenControl.self,
        VerifierForwardsTokenControl.self,
        VerifierTokenLocationControl.self,
        VerifierRevocationControl.self,
        TokenValueLoggingControl.self,
    ])
}
