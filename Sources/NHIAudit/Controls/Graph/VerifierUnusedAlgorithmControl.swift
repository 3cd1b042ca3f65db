/// GRAPH-004: a verifier accepts algorithms none of its trusted issuers signs with. Every extra algorithm is
/// attack surface only (algorithm confusion, RFC 8725 sections 2.1 and 3.1) and buys no compatibility.
public struct VerifierUnusedAlgorithmControl: Control {
    public static let id = "GRAPH-004"
    public init() {}

    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        context.estate.verifiers.map { GraphOutcome.of($0, judge($0, context: context), context: context) }
    }

    private func judge(_ verifier: Verifier, context: EvaluationContext) -> Outcome {
        guard let accepted = verifier.algorithms.value else { return .unknown(verifier.algorithms) }
        guard let entries = verifier.trustedIssuers.value else { return .unknown(verifier.trustedIssuers) }
        if accepted.isEmpty {
            return .notApplicable("lists no accepted algorithm (VER-ALG-001 judges that)", at: verifier.algorithms)
        }
        if entries.isEmpty {
            return .notApplicable("trusts no issuer to compare its algorithms with", at: verifier.trustedIssuers)
        }
        var signed: [String: [String]] = [:]
        var unknown: [(any EvidenceSource & Sendable, String)] = []
        for link in TrustLink.resolve(entries, in: context) {
            switch link {
            case .unresolved(let entry): unknown.append((entry.issuer, entry.issuer.unknownReason ?? ""))
            case .external(let entry, let url):
                unknown.append((entry.issuer, "issuer \(url) is not declared in the estate (see GRAPH-001)"))
            case .matched(_, let url, let issuers):
                // Through indexes: `for issuer in issuers` would copy every (large) issuer.
                for index in issuers.indices {
                    let algorithm = issuers[index].signing.algorithm
                    let name = issuers[index].metadata.name
                    if let value = algorithm.value {
                        signed[value, default: []].append("\(url) ('\(name)')")
                    } else {
                        unknown.append((algorithm, "Issuer '\(name)': \(algorithm.unknownReason ?? "")"))
                    }
                }
            }
        }
        var seen: Set<String> = []
        // JWA "alg" values are case-sensitive (RFC 7518 section 3.1).
        let extras = accepted.filter { item in
            guard let algorithm = item.value, seen.insert(algorithm).inserted else { return false }
            return signed[algorithm] == nil
        }
        let extraNames = extras.compactMap(\.value).joined(separator: ", ")
        let signers = signed.keys.sorted().map { "\($0) by \(signed[$0, default: []].joined(separator: ", "))" }
        if !extras.isEmpty, case let (source, reason)? = unknown.first {
            return .indeterminate(
                "accepts \(extraNames), which no declared trusted issuer signs with, but cannot tell what every "
                    + "trusted issuer signs with: \(reason)", at: source)
        }
        if !extras.isEmpty {
            return .fail(
                "accepts \(extraNames), which none of its trusted issuers signs with (signed: "
                    + "\(signers.joined(separator: "; "))): the extra algorithms only widen the room for forged "
                    + "or algorithm-confused tokens", sources: extras)
        }
        if let unresolved = verifier.algorithms.unresolvedItems.first {
            return .unknown(unresolved, needed: "cannot tell whether it accepts an algorithm no issuer uses")
        }
        return .pass(
            "accepts only algorithms its trusted issuers sign with (\(signers.joined(separator: "; ")))",
            at: verifier.algorithms)
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
                  signing: {algorithm: RS256}
                ---
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  trustedIssuers:
                    - issuer: https://sso.example.com/realms/services
                  algorithms: [RS256, ↓HS256]
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
                  signing: {algorithm: ES256}
                ---
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  trustedIssuers:
                    - issuer: https://sso.example.com/realms/services
                  algorithms: [ES256]
                """)
        ])
}
