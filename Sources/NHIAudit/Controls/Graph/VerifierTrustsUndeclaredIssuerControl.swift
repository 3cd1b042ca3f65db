/// GRAPH-001: a verifier trusts an issuer that no Issuer in the estate declares, so nobody audits
/// how the tokens it accepts are minted (or the issuer was decommissioned and its URL could be re-registered).
public struct VerifierTrustsUndeclaredIssuerControl: Control {
    public static let id = "GRAPH-001"
    public init() {}

    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        context.estate.verifiers.map { GraphOutcome.of($0, judge($0, context: context), context: context) }
    }

    private func judge(_ verifier: Verifier, context: EvaluationContext) -> Outcome {
        guard let entries = verifier.trustedIssuers.value else { return .unknown(verifier.trustedIssuers) }
        if entries.isEmpty {
            return .notApplicable("trusts no issuer (VER-ISS-001 judges a verifier without pinned issuers)",
                at: verifier.trustedIssuers)
        }
        var undeclared: [(Field<String>, String)] = []
        var unresolved: [Field<String>] = []
        var declared: [String] = []
        for link in TrustLink.resolve(entries, in: context) {
            switch link {
            case .unresolved(let entry): unresolved.append(entry.issuer)
            case .external(let entry, let url): undeclared.append((entry.issuer, url))
            case .matched(_, let url, let issuers):
                declared.append("\(url) (\(GraphOutcome.list(issuers.map(\.metadata.name))))")
            }
        }
        if !undeclared.isEmpty {
            let urls = undeclared.map(\.1).joined(separator: ", ")
            let subject = undeclared.count == 1 ? "issuer \(urls), which" : "\(undeclared.count) issuers (\(urls)) that"
            return .fail(
                "trusts \(subject) no Issuer in the estate declares: nobody audits how the tokens it accepts from "
                    + "there are minted; declare the issuer or remove the entry", sources: undeclared.map(\.0))
        }
        if let first = unresolved.first { return .unknown(first, needed: "cannot tell which issuer it trusts") }
        return .pass("every trusted issuer is declared in the estate: \(declared.joined(separator: ", "))",
            at: verifier.trustedIssuers)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: keycloak}
                spec: {issuer: "https://sso.example.com/realms/services"}
                ---
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  trustedIssuers:
                    - issuer: https://sso.example.com/realms/services/
                    - issuer: ↓https://old-sts.example.com
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: keycloak}
                spec: {issuer: "https://sso.example.com/realms/services"}
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
