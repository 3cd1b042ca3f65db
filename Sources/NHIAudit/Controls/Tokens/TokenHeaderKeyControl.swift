/// TOK-HDR-001: a sample token tells the verifier where to find its key (jku, x5u) or carries the key (jwk).
public struct TokenHeaderKeyControl: TokenSampleControl {
    public static let id = "TOK-HDR-001"
    public init() {}

    public func check(_ sample: TokenSample, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let headers = [sample.header.jku, sample.header.x5u, sample.header.jwk]
        let present = headers.filter { !$0.isAbsent }
        if !present.isEmpty {
            let names = present.map { String($0.path.dropFirst("header.".count)) }.joined(separator: ", ")
            return .fail(
                "the token carries the \(names) header: a verifier that honours it lets the token choose its own key "
                    + "(RFC 8725 section 3.10)", sources: present)
        }
        return .pass("the token carries no jku, x5u or jwk header", at: sample.header.alg)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                "↓eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImprdSI6Imh0dHBzOi8vYXR0YWNrZXIuZXhhbXBsZS9qd2tzLmpzb24ifQ.eyJpc3MiOiJodHRwczovL2lzc3Vlci5leGFtcGxlIiwic3ViIjoic3ZjLWEiLCJhdWQiOiJhcGkiLCJleHAiOjE3OTUwMDA5MDAsImlhdCI6MTc5NTAwMDAwMH0.\(SampleTokens.fakeSignature)\n",
                file: "tokens.txt"),
            ControlExample(
                "  ↓eyJhbGciOiJSUzI1NiIsImp3ayI6eyJrdHkiOiJSU0EiLCJlIjoiQVFBQiIsIm4iOiJibTkwTFdFdGNtVmhiQzF0YjJSMWJIVnoifX0.eyJpc3MiOiJodHRwczovL2lzc3Vlci5leGFtcGxlIiwic3ViIjoic3ZjLWEiLCJhdWQiOiJhcGkiLCJleHAiOjE3OTUwMDA5MDAsImlhdCI6MTc5NTAwMDAwMH0.\(SampleTokens.fakeSignature)\n",
                file: "captured.jwt"),
        ],
        passing: [ControlExample("\(SampleTokens.good)\n", file: "tokens.txt")])
}
