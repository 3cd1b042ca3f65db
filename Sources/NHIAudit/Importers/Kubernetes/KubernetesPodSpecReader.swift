/// Reads the token-related parts of a pod spec (Kubernetes docs, "Configure Service Accounts for Pods").
enum KubernetesPodSpecReader {
    /// Kubernetes default for a projected serviceAccountToken's expirationSeconds (1h); the API server
    /// rejects values under 600 (10 minutes).
    static let defaultExpiration = 3600
    static let minimumExpiration = 600

    static func podSpec(of document: DocumentNode, kind: String, sink: DiagnosticSink) -> DocumentNode? {
        let keys: [String]
        switch kind {
        case "Pod": keys = ["spec"]
        case "CronJob": keys = ["spec", "jobTemplate", "spec", "template", "spec"]
        default: keys = ["spec", "template", "spec"]
        }
        var current: DocumentNode? = document
        for key in keys { current = current?[key] }
        guard let current, current.isMapping else {
            sink.add(.init(.unreadable, at: document.location, field: keys.joined(separator: "."),
                "\(kind) without a pod spec at \(keys.joined(separator: ".")); it is not assessed"))
            return nil
        }
        return current
    }

    static func read(_ podSpec: DocumentNode, metadata: EntityMetadata, kind: String, namespace: Field<String>,
        sink: DiagnosticSink) -> Workload
    {
        let spec = FieldReader(podSpec, path: podSpec.path, anchor: podSpec.anchor, sink: sink)
        var account = spec.string("serviceAccountName")
        if account.isAbsent {
            let legacy = spec.string("serviceAccount")
            account = legacy.isAbsent
                ? .productDefault("default", path: "\(podSpec.path).serviceAccountName", at: podSpec.anchor,
                    note: "Kubernetes: a pod without serviceAccountName runs as its namespace's 'default' ServiceAccount")
                : legacy
        }
        let podAutomount = spec.bool("automountServiceAccountToken")
        return Workload(
            metadata: metadata, resourceKind: kind, namespace: namespace, serviceAccountName: account,
            podAutomount: podAutomount, effectiveAutomount: effectiveAutomount(podAutomount, account: account, at: podSpec),
            projectedTokens: projectedTokens(spec.raw("volumes"), sink: sink))
    }

    /// The pod's own setting wins; otherwise the ServiceAccount's (filled in by `KubernetesLinker` when the
    /// account is among the inputs). The `default` account is created by Kubernetes without the field.
    static func effectiveAutomount(_ pod: Field<Bool>, account: Field<String>, at podSpec: DocumentNode) -> Field<Bool> {
        guard pod.isAbsent else { return pod }
        let path = "\(podSpec.path).automountServiceAccountToken"
        guard let name = account.value else { return Field<Bool>.absent(path, at: podSpec.anchor).withState(account) }
        if name == "default" {
            return .productDefault(true, path: path, at: podSpec.anchor,
                note: "Kubernetes default: automountServiceAccountToken true (neither the pod nor the 'default' "
                    + "ServiceAccount, which Kubernetes creates without the field, turns it off)")
        }
        return .absent(path, at: podSpec.anchor,
            note: "the pod does not set it and ServiceAccount '\(name)' is not among the inputs")
    }

    private static func projectedTokens(_ volumes: DocumentNode?, sink: DiagnosticSink) -> [Workload.ProjectedToken] {
        var tokens: [Workload.ProjectedToken] = []
        for volume in volumes?.items ?? [] {
            for source in volume["projected"]?["sources"]?.items ?? [] {
                guard let token = source["serviceAccountToken"] else { continue }
                let reader = FieldReader(token, path: token.path, anchor: token.anchor, sink: sink)
                let audience = reader.string("audience")
                var expiration = reader.integer("expirationSeconds")
                _ = reader.raw("path")
                reader.reportUnknownKeys()
                if expiration.isAbsent {
                    expiration = .productDefault(defaultExpiration, path: "\(token.path).expirationSeconds",
                        at: token.anchor, note: "Kubernetes default: expirationSeconds 3600 (1h)")
                } else if let seconds = expiration.value, seconds < minimumExpiration {
                    sink.add(.init(.unreadable, at: expiration.location ?? token.anchor, field: expiration.path,
                        "expirationSeconds \(seconds) is below the API server's minimum of 600; the pod is rejected"))
                }
                tokens.append(
                    Workload.ProjectedToken(location: token.anchor, path: token.path,
                        audience: audience.isAbsent
                            ? .absent(audience.path, at: token.anchor,
                                note: "Kubernetes: without audience the token carries the API server's audiences")
                            : audience,
                        expirationSeconds: expiration))
            }
        }
        return tokens
    }
}
