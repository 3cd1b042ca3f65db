/// GRAPH-005: a verifier in one environment trusts an issuer of another, so tokens minted with weaker
/// staging or development controls are accepted where production data lives (SP 800-207 tenet 3).
public struct CrossEnvironmentTrustControl: Control {
    public static let id = "GRAPH-005"
    public init() {}

    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        context.estate.verifiers.map { GraphOutcome.of($0, judge($0, context: context), context: context) }
    }

    private func judge(_ verifier: Verifier, context: EvaluationContext) -> Outcome {
        let environment = verifier.metadata.environment
        guard let own = environment.value else {
            return .unknown(environment, needed: "environments are compared only when both are known")
        }
        guard let entries = verifier.trustedIssuers.value else { return .unknown(verifier.trustedIssuers) }
        if entries.isEmpty {
            return .notApplicable("trusts no issuer", at: verifier.trustedIssuers)
        }
        var crossings: [String] = []
        var sources: [any EvidenceSource & Sendable] = []
        var unknown: [(any EvidenceSource & Sendable, String)] = []
        for link in TrustLink.resolve(entries, in: context) {
            switch link {
            case .unresolved(let entry): unknown.append((entry.issuer, entry.issuer.unknownReason ?? ""))
            case .external(let entry, let url):
                unknown.append((entry.issuer, "issuer \(url) is not declared in the estate (see GRAPH-001)"))
            case .matched(let entry, let url, let issuers):
                for issuer in issuers {
                    let theirs = issuer.metadata.environment
                    guard let other = theirs.value else {
                        unknown.append((theirs, "Issuer '\(issuer.metadata.name)': \(theirs.unknownReason ?? "")"))
                        continue
                    }
                    // Environment names are labels people type; "Prod" and "prod" are the same environment.
                    if other.lowercased() != own.lowercased() {
                        crossings.append("issuer \(url) ('\(issuer.metadata.name)') of environment '\(other)'")
                        sources.append(entry.issuer)
                        sources.append(theirs)
                    }
                }
            }
        }
        if !crossings.isEmpty {
            sources.append(environment)
            return .fail(
                "in environment '\(own)' it trusts \(crossings.joined(separator: ", ")): tokens minted for "
                    + "another environment are accepted here", sources: sources)
        }
        if case let (source, reason)? = unknown.first {
            return .indeterminate("cannot compare environments: \(reason)", at: source)
        }
        return .pass("in environment '\(own)' it trusts only issuers of the same environment", at: environment)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: keycloak-prod, environment: prod}
                spec: {issuer: "https://sso.example.com/realms/prod"}
                ---
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: reports-staging, environment: staging}
                spec:
                  trustedIssuers:
                    - issuer: ↓https://sso.example.com/realms/prod
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: keycloak-prod, environment: prod}
                spec: {issuer: "https://sso.example.com/realms/prod"}
                ---
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: reports-api, environment: prod}
                spec:
                  trustedIssuers:
                    - issuer: https://sso.example.com/realms/prod
                """)
        ])
}
