/// Completes a workload's `effectiveAutomount` from its ServiceAccount when that account is among the inputs
/// (Kubernetes: the pod's automountServiceAccountToken wins, else the ServiceAccount's).
public struct KubernetesLinker: EstateLinker {
    public init() {}

    public func link(_ estate: inout Estate, diagnostics: DiagnosticSink) {
        var accounts: [String: ServiceAccount] = [:]
        for account in estate.serviceAccounts {
            guard let namespace = account.namespace.value else { continue }
            let key = "\(namespace)/\(account.accountName)"
            if accounts[key] == nil { accounts[key] = account }
        }
        for index in estate.workloads.indices where estate.workloads[index].podAutomount.isAbsent {
            let workload = estate.workloads[index]
            guard let namespace = workload.namespace.value, let name = workload.serviceAccountName.value,
                let account = accounts["\(namespace)/\(name)"]
            else { continue }
            var automount = account.automount
            let origin = "from ServiceAccount \(account.metadata.name) (\(account.metadata.location))"
            automount.note = automount.note.map { "\($0); \(origin)" } ?? origin
            estate.workloads[index].effectiveAutomount = automount
        }
    }
}
