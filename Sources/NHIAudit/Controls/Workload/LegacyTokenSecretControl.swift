/// WKL-TOK-003: a `kubernetes.io/service-account-token` Secret makes the token controller mint a token that
/// never expires and survives pod deletion (Kubernetes docs, "Manually create a long-lived API token for a
/// ServiceAccount"). Judged on each such Secret, and on each ServiceAccount (passes when none refers to it).
public struct LegacyTokenSecretControl: Control {
    public static let id = "WKL-TOK-003"
    public init() {}

    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        let secrets = context.estate.serviceAccountTokenSecrets
        var outcomes = secrets.map { secret in
            let account = secret.serviceAccountName.value.map { "ServiceAccount '\($0)'" }
                ?? "a ServiceAccount (annotation kubernetes.io/service-account.name unreadable)"
            return EntityOutcome(
                entity: secret.ref, anchor: secret.metadata.location, policy: context.policyName(for: secret.metadata),
                outcome: .fail(
                    "legacy service-account token Secret: Kubernetes fills it with a non-expiring token for "
                        + "\(account); use a projected token or the TokenRequest API instead", at: secret.type))
        }
        for account in context.estate.serviceAccounts {
            let holders = secrets.filter {
                $0.serviceAccountName.value == account.accountName && $0.namespace.value == account.namespace.value
            }
            let outcome: Outcome = holders.isEmpty
                ? .pass("no legacy token Secret among the inputs refers to this ServiceAccount", at: account.namespace)
                : .fail("a legacy non-expiring token Secret (\(holders[0].metadata.name)) belongs to this ServiceAccount",
                    at: holders[0].type)
            outcomes.append(EntityOutcome(
                entity: account.ref, anchor: account.metadata.location,
                policy: context.policyName(for: account.metadata), outcome: outcome))
        }
        return outcomes
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: ci-token
                  annotations:
                    kubernetes.io/service-account.name: ci
                type: ↓kubernetes.io/service-account-token
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: ci, namespace: build}
                automountServiceAccountToken: false
                """)
        ])
}
