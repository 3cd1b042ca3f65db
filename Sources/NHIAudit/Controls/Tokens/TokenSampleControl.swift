/// A control judged on each decoded JWT sample.
public protocol TokenSampleControl: EntityControl where Subject == TokenSample {}
extension TokenSampleControl {
    public static func subjects(in estate: Estate) -> [TokenSample] { estate.tokenSamples }
}

/// Crafted sample tokens for examples: unsigned or with a made-up signature, never real.
enum SampleTokens {
    static let fakeSignature = "ZmFrZS1zaWduYXR1cmUtbm90LXJlYWw"
    static let rs256Header = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0"
    /// iss, sub, aud "api", iat, exp 15 minutes later, jti.
    static let goodClaims =
        "eyJpc3MiOiJodHRwczovL2lzc3Vlci5leGFtcGxlIiwic3ViIjoic3ZjLWEiLCJhdWQiOiJhcGkiLCJleHAiOjE3OTUwMDA5MDAsImlhdCI6MTc5NTAwMDAwMCwianRpIjoiaWQtMSJ9"
    static let good = "\(rs256Header).\(goodClaims).\(fakeSignature)"
}
