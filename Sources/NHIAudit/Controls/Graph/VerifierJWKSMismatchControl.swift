/// GRAPH-002: a verifier fetches an issuer's keys from a URL other than the one the issuer publishes, so it
/// verifies tokens against keys the issuer does not control (a stale copy, a mirror, or an attacker's set).
public struct VerifierJWKSMismatchControl: Control {
    public static let id = "GRAPH-002"
    public init() {}

    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        context.estate.verifiers.map { GraphOutcome.of($0, judge($0, context: context), context: context) }
    }

    private struct Mismatch {
        var pinned: Field<String>
        var issuerName: String
        var published: Field<String>
        var url: String

        var message: String {
            "pins \(pinned.value ?? "?") for issuer \(url), but Issuer '\(issuerName)' publishes its keys at "
                + "\(published.value ?? "?")"
        }
    }

    private func judge(_ verifier: Verifier, context: EvaluationContext) -> Outcome {
        guard let entries = verifier.trustedIssuers.value else { return .unknown(verifier.trustedIssuers) }
        if entries.isEmpty {
            return .notApplicable("trusts no issuer, so it pins no key set", at: verifier.trustedIssuers)
        }
        var mismatches: [Mismatch] = []
        var unknown: [(any EvidenceSource & Sendable, String)] = []
        var matches: [String] = []
        for case .matched(let entry, let url, let issuers) in TrustLink.resolve(entries, in: context) {
            guard let pinned = entry.jwksURI.value else {
                unknown.append((entry.jwksURI, entry.jwksURI.unknownReason ?? ""))
                continue
            }
            // Issuers are read through indexes: `filter` or `first` would copy whole entities.
            let published = issuers.indices.filter { issuers[$0].jwksURI.value != nil }
            if published.contains(where: { URLMatching.sameResource(issuers[$0].jwksURI.value ?? "", pinned) }) {
                matches.append("\(url) → \(pinned)")
            } else if let index = published.first {
                mismatches.append(
                    Mismatch(
                        pinned: entry.jwksURI, issuerName: issuers[index].metadata.name,
                        published: issuers[index].jwksURI, url: url))
            } else {
                let jwksURI = issuers[0].jwksURI
                unknown.append((jwksURI, "Issuer '\(issuers[0].metadata.name)': \(jwksURI.unknownReason ?? "")"))
            }
        }
        if !mismatches.isEmpty {
            return .fail(
                mismatches.map(\.message).joined(separator: "; ")
                    + ": tokens are checked against keys the issuer does not publish",
                sources: mismatches.flatMap { [$0.pinned, $0.published] })
        }
        if case let (source, reason)? = unknown.first {
            return .indeterminate("cannot compare key set URLs: \(reason)", at: source)
        }
        if matches.isEmpty {
            return .indeterminate(
                "none of its trusted issuers is declared in the estate, so no published jwksUri to compare with "
                    + "(see GRAPH-001)", at: verifier.trustedIssuers)
        }
        return .pass("pins the key set each declared issuer publishes: \(matches.joined(separator: ", "))",
            at: verifier.trustedIssuers)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: keycloak}
                spec:
                  issuer: https://sso.example.com/realms/services
                  jwksUri: https://sso.example.com/realms/services/protocol/openid-connect/certs
                ---
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  trustedIssuers:
                    - issuer: https://sso.example.com/realms/services
                      jwksUri: ↓https://keys-mirror.example.net/services.json
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: keycloak}
                spec:
                  issuer: https://sso.example.com/realms/services
                  jwksUri: https://sso.example.com/realms/services/protocol/openid-connect/certs
                ---
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  trustedIssuers:
                    - issuer: https://sso.example.com/realms/services
                      jwksUri: https://SSO.example.com/realms/services/protocol/openid-connect/certs
                """)
        ])
}
