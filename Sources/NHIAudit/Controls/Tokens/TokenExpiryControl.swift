/// TOK-EXP-001: a sample token never expires, or lives longer than the policy's maxTokenTTL.
public struct TokenExpiryControl: TokenSampleControl {
    public static let id = "TOK-EXP-001"
    public init() {}

    public func check(_ sample: TokenSample, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let exp = sample.claims.exp
        if exp.isAbsent { return .fail("the token has no exp claim: it never expires (RFC 7519 section 4.1.4)", at: exp) }
        guard let expiry = exp.value else { return .unknown(exp) }
        // Lifetime from iat, else from nbf: the two claims that say when validity starts.
        let start = sample.claims.iat.value != nil ? sample.claims.iat : sample.claims.nbf
        guard let issued = start.value else { return .unknown(sample.claims.iat, needed: "the lifetime is exp - iat") }
        let lifetime = expiry - issued
        let limit = policy.maxTokenTTL.value
        if lifetime > limit {
            return .fail(
                "the token lives \(DurationParser.format(max(lifetime, 0))) (exp - \(start.path.split(separator: ".").last ?? "iat")), "
                    + "more than maxTokenTTL \(DurationParser.format(limit)) (\(policy.maxTokenTTL.source))", at: exp)
        }
        return .pass("the token lives \(DurationParser.format(max(lifetime, 0))), within maxTokenTTL \(DurationParser.format(limit))", at: exp)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                "↓eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL2lzc3Vlci5leGFtcGxlIiwic3ViIjoic3ZjLWEiLCJhdWQiOiJhcGkiLCJpYXQiOjE3OTUwMDAwMDB9.\(SampleTokens.fakeSignature)\n",
                file: "tokens.txt"),
            ControlExample(
                "\(SampleTokens.good)\nBearer ↓eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL2lzc3Vlci5leGFtcGxlIiwic3ViIjoic3ZjLWEiLCJhdWQiOiJhcGkiLCJleHAiOjE3OTUwODY0MDAsImlhdCI6MTc5NTAwMDAwMH0.\(SampleTokens.fakeSignature)\n",
                file: "tokens.txt"),
        ],
        passing: [ControlExample("\(SampleTokens.good)\n", file: "tokens.txt")])
}
