/// WKL-TOK-002: the API server mounts a service-account token into a workload that did not ask for one.
/// Every compromised container then holds a credential for the Kubernetes API (Kubernetes docs,
/// "Opt out of API credential automounting").
public struct AutomountedTokenControl: EntityControl {
    public static let id = "WKL-TOK-002"
    public init() {}

    public static func subjects(in estate: Estate) -> [Workload] { estate.workloads }

    public func check(_ workload: Workload, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let effective = workload.effectiveAutomount
        guard let mounted = effective.value else { return .unknown(effective) }
        guard mounted else { return .pass("no service-account token is automounted", at: effective) }
        if workload.podAutomount.value == true {
            return .pass("the workload opts in to the automounted token explicitly", at: workload.podAutomount)
        }
        return .fail(
            "a service-account token for '\(workload.serviceAccountName.value ?? "?")' is automounted although the "
                + "workload does not opt in; set automountServiceAccountToken: false unless it calls the API",
            at: effective)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: apps}
                ↓spec:
                  serviceAccountName: default
                  containers: [{name: web, image: nginx}]
                """),
            ControlExample(
                """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: report, namespace: apps}
                spec:
                  schedule: "0 * * * *"
                  jobTemplate:
                    spec:
                      template:
                        ↓spec:
                          containers: [{name: report, image: report}]
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, namespace: apps}
                spec:
                  serviceAccountName: web
                  automountServiceAccountToken: false
                  containers: [{name: web, image: nginx}]
                """)
        ])
}
