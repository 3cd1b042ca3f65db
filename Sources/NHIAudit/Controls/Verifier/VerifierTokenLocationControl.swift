/// VER-LOC-001: tokens are accepted from the query string (medium) or only from a cookie (low) instead of
/// the Authorization header (RFC 6750 §2.3, §5.3: URLs end up in logs, histories and Referer headers).
public struct VerifierTokenLocationControl: VerifierControl {
    public static let id = "VER-LOC-001"
    public init() {}

    public func check(_ verifier: Verifier, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let sources = verifier.tokenSources
        guard let items = sources.value else { return .unknown(sources) }
        let query = items.filter { $0.value?.lowercased() == "query" }
        if !query.isEmpty {
            return .fail(
                "tokens are accepted from the query string, where URLs carry them into access logs, browser "
                    + "history and Referer headers", sources: query)
        }
        if let unresolved = sources.unresolvedItems.first {
            return .unknown(unresolved, needed: "it could be the query string")
        }
        let cookies = items.filter { $0.value?.lowercased() == "cookie" }
        if !cookies.isEmpty {
            return .fail(
                "tokens are accepted from a cookie, which the browser attaches to cross-site requests",
                sources: cookies, severity: .low)
        }
        if items.isEmpty { return .indeterminate("no token source is listed", at: sources) }
        return .pass("tokens are accepted only from " + sources.knownItems.joined(separator: ", "), at: sources)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: reports-api}
                spec:
                  tokenSources: [header, ↓query]
                """, severity: .medium),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: reports-api}
                spec:
                  tokenSources:
                    - header
                    - ↓cookie
                """, severity: .low),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: reports-api}
                spec:
                  tokenSources: [header]
                """)
        ])
}
