/// GRAPH-006: an issuer no verifier of the estate trusts. Its keys and credentials still exist and can mint
/// tokens, but nobody needs them: a candidate for offboarding (OWASP NHI1, improper offboarding).
public struct UntrustedIssuerControl: Control {
    public static let id = "GRAPH-006"
    public init() {}

    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        var trustedBy: [String: Set<String>] = [:]
        var unresolved: Set<String> = []
        for verifier in context.estate.verifiers {
            guard let entries = verifier.trustedIssuers.value else {
                unresolved.insert(verifier.metadata.name)
                continue
            }
            for entry in entries {
                if let url = entry.issuer.value {
                    trustedBy[URLMatching.normalizedIssuer(url), default: []].insert(verifier.metadata.name)
                } else {
                    unresolved.insert(verifier.metadata.name)
                }
            }
        }
        let unresolvedNames = unresolved.isEmpty ? nil : GraphOutcome.list(Array(unresolved))
        return context.estate.issuers.map { issuer in
            GraphOutcome.of(issuer, judge(issuer, trustedBy: trustedBy, unresolved: unresolvedNames), context: context)
        }
    }

    private func judge(_ issuer: Issuer, trustedBy: [String: Set<String>], unresolved: String?) -> Outcome {
        let field = issuer.issuerURL
        guard let url = field.value else { return .unknown(field, needed: "cannot tell which verifiers trust it") }
        if let verifiers = trustedBy[URLMatching.normalizedIssuer(url)] {
            return .pass("issuer \(url) is trusted by verifiers \(GraphOutcome.list(Array(verifiers)))", at: field)
        }
        if let unresolved {
            return .indeterminate(
                "no verifier in the estate names issuer \(url), but the trusted issuers of verifiers \(unresolved) "
                    + "are unknown (absent or placeholders), so one of them may trust it", at: field)
        }
        return .fail(
            "no verifier in the estate trusts issuer \(url): unless a consumer outside the estate needs its tokens, "
                + "offboard it and retire its signing keys", at: field)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: legacy-sts}
                spec:
                  issuer: ↓https://sts.example.com
                ---
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  trustedIssuers:
                    - issuer: https://sso.example.com/realms/services
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: keycloak}
                spec:
                  issuer: https://sso.example.com/realms/services/
                ---
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  trustedIssuers:
                    - issuer: https://sso.example.com/realms/services
                """)
        ])
}
