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
        IssuerMaxTTLControl.self,
        IssuerAlgorithmControl.self,
        IssuerKeyStorageControl.self,
        IssuerKeyRotationControl.self,
        IssuerRevocationControl.self,
        IssuerAudienceControl.self,
        IssuerJTIControl.self,
        IssuerIssuanceLoggingControl.self,
        IssuerHTTPSControl.self,
        IssuerKeySizeControl.self,
        // Governance
        InlineSecretControl.self,
        PolicyBaselineControl.self,
        OwnerControl.self,
        AccessReviewControl.self,
        // Cross-entity
        VerifierTrustsUndeclaredIssuerControl.self,
        VerifierJWKSMismatchControl.self,
        SharedAudienceControl.self,
        VerifierUnusedAlgorithmControl.self,
        CrossEnvironmentTrustControl.self,
        UntrustedIssuerControl.self,
        DiscoveryDocumentControl.self,
        MachineClientGrantControl.self,
        PrivateKeyInKeySetControl.self,
        SymmetricKeyControl.self,
        KeyIdentificationControl.self,
        TokenAlgorithmControl.self,
        TokenExpiryControl.self,
        TokenAudienceControl.self,
        TokenHeaderKeyControl.self,
        AnyRequestPrincipalControl.self,
        ProjectedTokenControl.self,
        AutomountedTokenControl.self,
        LegacyTokenSecretControl.self,
        DefaultServiceAccountControl.self,
        DemoKeyControl.self,
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
