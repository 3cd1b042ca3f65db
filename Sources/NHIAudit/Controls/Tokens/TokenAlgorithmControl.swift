/// TOK-ALG-001: a sample token is unsigned (`alg: none`) or uses an algorithm the policy does not allow.
public struct TokenAlgorithmControl: TokenSampleControl {
    public static let id = "TOK-ALG-001"
    public init() {}

    public func check(_ sample: TokenSample, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let alg = sample.header.alg
        guard let value = alg.value else { return .unknown(alg) }
        // RFC 8725 section 3.1: "none" must not be accepted; a token carrying it was minted or accepted unsigned.
        if value.lowercased() == "none" {
            return .fail("the token is unsigned (alg none): anyone can mint one that a lax verifier accepts", at: alg)
        }
        let allowed = policy.allowedAlgorithms.value
        if !allowed.contains(value) {
            return .fail(
                "the token is signed with \(value), which is not in allowedAlgorithms [\(allowed.joined(separator: ", "))] "
                    + "(\(policy.allowedAlgorithms.source))", at: alg, severity: .high)
        }
        return .pass("the token is signed with \(value), an allowed algorithm", at: alg)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                "↓eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwczovL2lzc3Vlci5leGFtcGxlIiwic3ViIjoic3ZjLWEiLCJhdWQiOiJhcGkiLCJleHAiOjE3OTUwMDM2MDAsImlhdCI6MTc5NTAwMDAwMH0.\n",
                file: "tokens.txt"),
            ControlExample(
                "# a sample captured from the gateway\n↓eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2lzc3Vlci5leGFtcGxlIiwic3ViIjoic3ZjLWEiLCJhdWQiOiJhcGkiLCJleHAiOjE3OTUwMDM2MDAsImlhdCI6MTc5NTAwMDAwMH0.\(SampleTokens.fakeSignature)\n",
                file: "sample.jwt", severity: .high),
        ],
        passing: [ControlExample("\(SampleTokens.good)\n", file: "tokens.txt")])
}
