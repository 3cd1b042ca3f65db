/// Decides whether a RequestAuthentication's workloads really require a token: Istio lets requests without
/// a token through unless an AuthorizationPolicy covering the same workloads requires a request principal
/// (istio.io, "RequestAuthentication": "a request without any token is accepted ... use an authorization
/// policy to require a valid token").
///
/// A DENY policy with `notRequestPrincipals: ["*"]` is decisive. An ALLOW policy whose every rule needs a
/// request principal is decisive only when no other ALLOW policy covering the workloads admits principal-less
/// requests (Istio allows a request when any ALLOW policy matches).
public struct IstioPrincipalLinker: EstateLinker {
    public init() {}

    public func link(_ estate: inout Estate, diagnostics: DiagnosticSink) {
        let policies = estate.accessPolicies
        // A policy only covers or partly covers workloads of its own namespace (or, from the root namespace,
        // all), so each verifier looks at two buckets instead of every policy.
        let byNamespace = Dictionary(grouping: policies.indices, by: { policies[$0].scope.namespace.value })
        let principalRequiring = policies.indices.filter { policies[$0].principalRequirement != nil }
        for index in estate.verifiers.indices {
            guard let scope = estate.verifiers[index].scope, estate.verifiers[index].requiresToken.note != nil else {
                continue
            }
            let sameNamespace = byNamespace[scope.namespace.value] ?? []
            var candidates = sameNamespace
            if scope.namespace.value != nil, scope.namespace.value != WorkloadScope.istioRootNamespace {
                candidates = (candidates + (byNamespace[WorkloadScope.istioRootNamespace] ?? [])).sorted()
            }
            let covering = candidates.map { policies[$0] }.filter { $0.scope.covers(scope) }
            if let decision = decisive(covering) {
                estate.verifiers[index].requiresToken = requirement(decision.policy, decision.field)
                continue
            }
            let partial = (scope.isMeshWide ? principalRequiring : sameNamespace).map { policies[$0] }
                .filter { !$0.scope.covers(scope) && $0.principalRequirement != nil }
            if !partial.isEmpty {
                let names = partial.map { "\($0.metadata.name) (\($0.metadata.location))" }.sorted()
                estate.verifiers[index].requiresToken.note! += "; only some of its workloads are covered by "
                    + "principal-requiring AuthorizationPolicies: " + names.joined(separator: ", ")
            }
        }
    }

    private func decisive(_ covering: [AccessPolicy]) -> (policy: AccessPolicy, field: ListField)? {
        let sorted = covering.sorted { $0.metadata.location < $1.metadata.location }
        for policy in sorted where policy.action.value == "DENY" {
            if let field = policy.principalRequirement { return (policy, field) }
        }
        let allows = sorted.filter { $0.action.value == "ALLOW" }
        guard let first = allows.first, allows.allSatisfy({ $0.principalRequirement != nil }),
            let field = first.principalRequirement
        else { return nil }
        return (first, field)
    }

    private func requirement(_ policy: AccessPolicy, _ field: ListField) -> Field<Bool> {
        let exceptions = policy.rules.flatMap(\.narrowedBy)
        let except = exceptions.isEmpty ? "" : " except where the rule is narrowed: " + exceptions.joined(separator: "; ")
        return Field(
            .known(true), path: field.path, location: field.location, display: field.display,
            note: "AuthorizationPolicy \(policy.metadata.name) (\(policy.action.value ?? "?")) rejects requests "
                + "without a verified token\(except)")
    }
}
