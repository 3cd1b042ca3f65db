/// WKL-TOK-004: the workload runs as its namespace's `default` ServiceAccount, so it shares an identity
/// (and every permission granted to it) with every other pod that did not pick one.
public struct DefaultServiceAccountControl: EntityControl {
    public static let id = "WKL-TOK-004"
    public init() {}

    public static func subjects(in estate: Estate) -> [Workload] { estate.workloads }

    public func check(_ workload: Workload, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let account = workload.serviceAccountName
        guard let name = account.value else { return .unknown(account) }
        if name == "default" {
            return .fail(
                "the workload runs as the namespace's default ServiceAccount, an identity shared by every pod that "
                    + "names none; give it its own ServiceAccount", at: account)
        }
        return .pass("the workload runs as its own ServiceAccount '\(name)'", at: account)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: data}
                spec:
                  template:
                    spec:
                      serviceAccountName: ↓default
                """),
            ControlExample(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                ↓spec:
                  containers: [{name: web, image: nginx}]
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent, namespace: ops}
                spec:
                  template:
                    spec:
                      serviceAccountName: agent
                """)
        ])
}
