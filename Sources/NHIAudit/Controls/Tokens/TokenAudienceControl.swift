/// TOK-AUD-001: a sample token names no audience, so every verifier that trusts its issuer accepts it.
public struct TokenAudienceControl: TokenSampleControl {
    public static let id = "TOK-AUD-001"
    public init() {}

    public func check(_ sample: TokenSample, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let aud = sample.claims.aud
        if aud.isAbsent || aud.value?.isEmpty == true {
            return .fail("the token has no aud claim: any service trusting its issuer accepts it (RFC 8725 section 3.9)", at: aud)
        }
        guard aud.value != nil else { return .unknown(aud) }
        return .pass("the token is addressed to \(aud.display ?? "an audience")", at: aud)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                "↓eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL2lzc3Vlci5leGFtcGxlIiwic3ViIjoic3ZjLWEiLCJleHAiOjE3OTUwMDA5MDAsImlhdCI6MTc5NTAwMDAwMH0.\(SampleTokens.fakeSignature)\n",
                file: "tokens.txt")
        ],
        passing: [ControlExample("\(SampleTokens.good)\n", file: "tokens.txt")])
}
