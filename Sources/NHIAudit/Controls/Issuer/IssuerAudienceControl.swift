/// ISS-AUD-001: tokens are minted without an audience, or for any audience (`*`).
public struct IssuerAudienceControl: IssuerControl {
    public static let id = "ISS-AUD-001"
    public init() {}

    public func check(_ issuer: Issuer, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let audiences = issuer.tokens.audiences
        // An absent value with an importer's note is decided outside the file (e.g. per SPIRE registration
        // entry): unknown, not missing.
        if audiences.isAbsent, audiences.note == nil {
            return .fail(
                "no audiences (spec.tokens.audiences) are configured: tokens name no recipient, so any service "
                    + "that trusts this issuer accepts them", at: audiences)
        }
        guard let items = audiences.value else { return .unknown(audiences) }
        if items.isEmpty {
            return .fail("the audience list is empty: tokens name no recipient", at: audiences)
        }
        if let wildcard = items.first(where: { $0.value == "*" }) {
            return .fail("audience `*` lets every service that trusts this issuer accept its tokens", at: wildcard)
        }
        // An unresolved item could still turn out to be `*`.
        if let unresolved = audiences.unresolvedItems.first { return .unknown(unresolved) }
        return .pass("tokens are minted for specific audiences \(audiences.display ?? "")", at: audiences)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  tokens:
                    audiences: [billing-api, ↓"*"]
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  ↓tokens:
                    maxTTL: 1h
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  tokens:
                    audiences: [billing-api, ledger-api]
                """)
        ])
}
