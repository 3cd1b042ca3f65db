/// VER-REV-001: the verifier never checks revocation, yet a trusted issuer mints tokens that live longer than
/// the policy tolerates without it. Cross-entity: the lifetimes come from the issuers in the estate.
public struct VerifierRevocationControl: VerifierControl {
    public static let id = "VER-REV-001"
    public init() {}

    public func check(_ verifier: Verifier, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let method = verifier.revocationCheck
        guard let check = method.value else { return .unknown(method) }
        if check != "none" { return .pass("revocation is checked by \(check)", at: method) }
        guard let entries = verifier.trustedIssuers.value else {
            return .unknown(verifier.trustedIssuers, needed: "the trusted issuers' token lifetimes decide")
        }
        if entries.isEmpty { return .notApplicable("no trusted issuer", at: verifier.trustedIssuers) }

        let limit = policy.requireRevocationAbove
        let limitText = "the policy's requireRevocationAbove \(DurationParser.format(limit.value)) (\(limit.source))"
        var long: [(issuer: String, lifetime: Field<Int>, seconds: Int)] = []
        var shortEvidence: [any EvidenceSource & Sendable] = [method]
        var unresolved: [String] = []
        for entry in entries {
            guard let url = entry.issuer.value else {
                unresolved.append(entry.issuer.unknownReason ?? entry.issuer.path)
                continue
            }
            let found = context.issuers(withURL: url)
            if found.isEmpty { unresolved.append("trusted issuer \(url) is not in the estate") }
            // Through indexes: `for issuer in found` would copy every (large) issuer.
            for index in found.indices {
                let lifetime = Self.lifetime(of: found[index])
                guard let seconds = lifetime.value else {
                    unresolved.append("issuer \(found[index].metadata.name): \(lifetime.unknownReason ?? lifetime.path)")
                    continue
                }
                if seconds > limit.value {
                    long.append((found[index].metadata.name, lifetime, seconds))
                } else {
                    shortEvidence.append(lifetime)
                }
            }
        }
        if !long.isEmpty {
            let names = long.map { "\($0.issuer) (\($0.lifetime.path) \(DurationParser.format($0.seconds)))" }
            return .fail(
                "revocationCheck is none while trusted issuer \(names.joined(separator: ", ")) mints tokens that "
                    + "outlive \(limitText): a leaked token stays usable here until it expires",
                sources: [method] + long.map { $0.lifetime as any EvidenceSource & Sendable })
        }
        if !unresolved.isEmpty {
            return .indeterminate(
                "revocationCheck is none and the token lifetime of a trusted issuer is unknown: "
                    + unresolved.joined(separator: "; "), at: method)
        }
        return Outcome(
            status: .pass, message: "revocationCheck is none, but every trusted issuer's tokens live at most \(limitText)",
            sources: shortEvidence)
    }

    /// The longest lifetime an issuer grants: maxTTL, or defaultTTL when no maximum is configured.
    static func lifetime(of issuer: Issuer) -> Field<Int> {
        issuer.tokens.maxTTL.isAbsent ? issuer.tokens.defaultTTL : issuer.tokens.maxTTL
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: ci-sts}
                spec:
                  issuer: https://sts.acme.example
                  tokens: {defaultTTL: 1h, maxTTL: 12h}
                ---
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  trustedIssuers:
                    - {issuer: "https://sts.acme.example/", jwksUri: "https://sts.acme.example/jwks"}
                  revocationCheck: ↓none
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: ci-sts}
                spec:
                  issuer: https://sts.acme.example
                  tokens: {defaultTTL: 5m, maxTTL: 10m}
                ---
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  trustedIssuers:
                    - {issuer: "https://sts.acme.example", jwksUri: "https://sts.acme.example/jwks"}
                  revocationCheck: none
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  revocationCheck: introspection
                """),
        ])
}
