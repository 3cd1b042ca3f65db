/// Kubernetes objects that hold or mount service-account tokens: Pods and pod templates (Deployment,
/// StatefulSet, DaemonSet, ReplicaSet, Job, CronJob), ServiceAccounts, legacy
/// `kubernetes.io/service-account-token` Secrets, and `List` objects wrapping them.
public struct KubernetesImporter: DocumentImporter {
    public let format = "kubernetes/workloads"
    static let workloadKinds = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob"]
    static let tokenSecretType = "kubernetes.io/service-account-token"

    public init() {}

    public func recognizes(_ document: DocumentNode) -> Bool {
        guard let apiVersion = document["apiVersion"]?.scalar, let kind = document["kind"]?.scalar else { return false }
        let core = ["v1", "apps/v1", "apps/v1beta1", "apps/v1beta2", "extensions/v1beta1", "batch/v1", "batch/v1beta1"]
        guard core.contains(apiVersion) else { return false }
        switch kind {
        case "ServiceAccount": return true
        case "Secret": return document["type"]?.scalar == Self.tokenSecretType
        case "List": return document["items"]?.items.contains { recognizes($0) || IstioImporter().recognizes($0) } == true
        default: return Self.workloadKinds.contains(kind)
        }
    }

    public func importDocument(_ document: DocumentNode, into sink: ImportSink) {
        let diagnostics = sink.diagnostics
        let object = KubernetesObject(document, sink: diagnostics)
        if object.kind == "List" {
            importList(document, into: sink)
            return
        }
        guard let name = object.qualifiedName(sink: diagnostics) else { return }
        let format = "kubernetes/\(object.kind)"
        let metadata = object.metadata(name: name, format: format, sink: diagnostics)
        switch object.kind {
        case "ServiceAccount":
            let root = FieldReader(document, path: "", anchor: document.location, sink: diagnostics)
            var automount = root.bool("automountServiceAccountToken")
            if automount.isAbsent {
                automount = .productDefault(true, path: "automountServiceAccountToken", at: document.location,
                    note: "Kubernetes default: automountServiceAccountToken true (pods of this account get a token)")
            }
            sink.estate.serviceAccounts.append(
                ServiceAccount(metadata: metadata, namespace: object.namespace, accountName: object.name.value ?? "",
                    automount: automount))
        case "Secret":
            sink.estate.serviceAccountTokenSecrets.append(tokenSecret(document, object: object, metadata: metadata, sink: diagnostics))
        default:
            guard let podSpec = KubernetesPodSpecReader.podSpec(of: document, kind: object.kind, sink: diagnostics) else {
                return
            }
            sink.estate.workloads.append(
                KubernetesPodSpecReader.read(podSpec, metadata: metadata, kind: object.kind, namespace: object.namespace,
                    sink: diagnostics))
        }
    }

    private func tokenSecret(_ document: DocumentNode, object: KubernetesObject, metadata: EntityMetadata,
        sink: DiagnosticSink) -> ServiceAccountTokenSecret
    {
        let annotationsNode = object.metadataNode?["annotations"]
        let annotations = FieldReader(annotationsNode?.isMapping == true ? annotationsNode : nil,
            path: "metadata.annotations", anchor: object.metadataNode?.anchor ?? document.location, sink: sink)
        let account = annotations.string("kubernetes.io/service-account.name")
        var secrets: [SecretMaterial] = []
        for member in ["data", "stringData"] {
            if let value = document[member]?["token"], let text = value.scalar, !text.isEmpty {
                secrets.append(SecretMaterial(kind: "service-account token (\(member).token)", value: text,
                    path: value.path, location: value.location))
            }
        }
        let type = Field<String>.known(Self.tokenSecretType, path: "type", at: document["type"]?.location)
        return ServiceAccountTokenSecret(metadata: metadata, namespace: object.namespace, serviceAccountName: account,
            type: type, secrets: secrets)
    }

    private func importList(_ document: DocumentNode, into sink: ImportSink) {
        let istio = IstioImporter()
        for item in document["items"]?.items ?? [] {
            if recognizes(item) {
                importDocument(item, into: sink)
            } else if istio.recognizes(item) {
                istio.importDocument(item, into: sink)
            } else {
                let kind = item["kind"]?.scalar ?? "?"
                sink.report(.init(.unreadable, at: item.location, field: item.path,
                    "List item of kind \(kind) is not a format nhi-audit reads; it is not assessed", severity: .info))
            }
        }
    }
}
