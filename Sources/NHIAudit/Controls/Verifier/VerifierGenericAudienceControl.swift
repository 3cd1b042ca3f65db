import Foundation

/// VER-AUD-002: an accepted audience is `*` or a name so generic that many services could share it.
public struct VerifierGenericAudienceControl: VerifierControl {
    public static let id = "VER-AUD-002"
    public init() {}

    /// Names that identify no single service (the rationale in mappings/controls/VER-AUD-002.yaml explains why).
    static let genericAudiences: Set<String> = [
        "*", "api", "default", "all", "any", "service", "services", "backend", "internal",
        "prod", "production", "staging", "dev", "development", "test", "qa",
    ]

    public func check(_ verifier: Verifier, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let audiences = verifier.audiences
        guard let items = audiences.value else { return .unknown(audiences) }
        var generic = Self.genericAudiences
        if let environment = verifier.metadata.environment.value { generic.insert(normalized(environment)) }
        let offending = items.filter { item in item.value.map { generic.contains(normalized($0)) } ?? false }
        if !offending.isEmpty {
            let names = offending.compactMap(\.value).map { "'\($0)'" }.joined(separator: ", ")
            let subject = offending.count == 1 ? "accepted audience \(names) names" : "accepted audiences \(names) name"
            return .fail(
                "\(subject) no single service: a token minted for any service sharing it is accepted here",
                sources: offending)
        }
        if let unresolved = audiences.unresolvedItems.first {
            return .unknown(unresolved, needed: "it could be a generic audience")
        }
        if items.isEmpty {
            return .indeterminate("no audience is configured (VER-AUD-001 reports this)", at: audiences)
        }
        return .pass("every accepted audience names a specific service: " + audiences.knownItems.joined(separator: ", "),
            at: audiences)
    }

    private func normalized(_ audience: String) -> String {
        audience.trimmingCharacters(in: .whitespaces).lowercased()
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  audiences: [orders-api, ↓"*"]
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api, environment: eu-prod}
                spec:
                  audiences:
                    - ↓EU-Prod
                    - orders-api
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api}
                spec:
                  audiences: [↓API]
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: orders-api, environment: prod}
                spec:
                  audiences: ["https://orders.acme.example", orders-api]
                """)
        ])
}
