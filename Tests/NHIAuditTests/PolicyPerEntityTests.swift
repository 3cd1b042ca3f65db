@testable import NHIAudit
import Testing

/// Entity controls lend one copy of a policy to consecutive entities that share it: each entity must still be
/// judged under its own environment's policy when the policies alternate from one entity to the next.
@Suite struct PolicyPerEntityTests {
    static func issuer(_ name: String, environment: String?, ttl: String) -> String {
        let metadata = environment.map { "{name: \(name), environment: \($0)}" } ?? "{name: \(name)}"
        return """
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: \(metadata)
            spec:
              tokens: {defaultTTL: \(ttl)}
            """
    }

    @Test func alternatingEnvironmentsAreJudgedUnderTheirOwnPolicies() {
        let policies = """
            apiVersion: nhi-audit/v1
            kind: Policy
            metadata: {name: everywhere}
            spec: {maxTokenTTL: 2h}
            ---
            apiVersion: nhi-audit/v1
            kind: Policy
            metadata: {name: production}
            spec:
              appliesTo: {environments: [prod]}
              maxTokenTTL: 10m
            """
        // The first entity is not in slot 0, and the policy changes at every step.
        let issuers: [(name: String, environment: String?, policy: String, status: ResultStatus)] = [
            ("a-prod", "prod", "production", .fail),
            ("b-any", nil, "everywhere", .pass),
            ("c-prod", "prod", "production", .fail),
            ("d-dev", "dev", "everywhere", .pass),
            ("e-dev", "dev", "everywhere", .pass),
            ("f-prod", "prod", "production", .fail),
        ]
        let estate = ([policies] + issuers.map { Self.issuer($0.name, environment: $0.environment, ttl: "1h") })
            .joined(separator: "\n---\n")
        let results = Harness.evaluate(estate).results.filter { $0.control == "ISS-TTL-001" }
        #expect(results.count == issuers.count)
        for expected in issuers {
            let result = results.first { $0.entity.name == expected.name }
            #expect(result?.policy == expected.policy, "\(expected.name)")
            #expect(result?.status == expected.status, "\(expected.name)")
        }
    }
}
