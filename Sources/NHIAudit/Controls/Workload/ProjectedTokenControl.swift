/// WKL-TOK-001: a projected service-account token lives longer than the policy allows, or has no audience
/// (it then carries the API server's audience, so any other consumer accepts a token that also opens the API).
public struct ProjectedTokenControl: EntityControl {
    public static let id = "WKL-TOK-001"
    public init() {}

    public static func subjects(in estate: Estate) -> [Workload] { estate.workloads }

    public func check(_ workload: Workload, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        guard !workload.projectedTokens.isEmpty else {
            return .notApplicable("no projected serviceAccountToken volume", at: workload.serviceAccountName)
        }
        let limit = policy.maxTokenTTL.value
        var unknown: Outcome?
        for token in workload.projectedTokens {
            let expiration = token.expirationSeconds
            if let seconds = expiration.value, seconds > limit {
                return .fail(
                    "projected token expirationSeconds \(seconds) (\(DurationParser.format(seconds))) exceeds the "
                        + "policy's maxTokenTTL \(DurationParser.format(limit)) (\(policy.maxTokenTTL.source))",
                    at: expiration)
            }
            if token.audience.isAbsent {
                return .fail(
                    "projected token at \(token.path) has no audience: it carries the API server's audience, so a "
                        + "consumer that accepts it also holds a token valid against the Kubernetes API",
                    at: token.audience)
            }
            if expiration.value == nil { unknown = unknown ?? .unknown(expiration) }
            if token.audience.value == nil { unknown = unknown ?? .unknown(token.audience) }
        }
        if let unknown { return unknown }
        let first = workload.projectedTokens[0]
        return .pass(
            "projected tokens have an audience and live at most \(DurationParser.format(limit))",
            at: first.expirationSeconds, first.audience)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: vault-client, namespace: apps}
                spec:
                  serviceAccountName: vault-client
                  containers: [{name: app, image: app}]
                  volumes:
                  - name: vault-token
                    projected:
                      sources:
                      - serviceAccountToken:
                          audience: vault
                          expirationSeconds: ↓7200
                """),
            ControlExample(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: apps}
                spec:
                  template:
                    spec:
                      serviceAccountName: api
                      volumes:
                      - name: token
                        projected:
                          sources:
                          - ↓serviceAccountToken:
                              path: token
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: vault-client, namespace: apps}
                spec:
                  serviceAccountName: vault-client
                  volumes:
                  - name: vault-token
                    projected:
                      sources:
                      - serviceAccountToken: {audience: vault, expirationSeconds: 600}
                """)
        ])
}
