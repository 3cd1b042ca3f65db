/// The parts every Kubernetes-style object shares: name, namespace and the labels/annotations that name
/// an owner, environment and review date.
struct KubernetesObject {
    let document: DocumentNode
    let kind: String
    let name: Field<String>
    /// `metadata.namespace`, or `default` (what kubectl applies when none is written) with a note.
    let namespace: Field<String>
    let metadataNode: DocumentNode?

    static let ownerKeys = ["nhi-audit.io/owner", "owner", "team"]
    static let environmentKeys = ["nhi-audit.io/environment", "environment"]
    static let reviewKeys = ["nhi-audit.io/last-reviewed"]

    init(_ document: DocumentNode, sink: DiagnosticSink) {
        self.document = document
        kind = document["kind"]?.scalar ?? ""
        metadataNode = document["metadata"]
        let reader = FieldReader(metadataNode, path: "metadata", anchor: document.location, sink: sink)
        name = reader.string("name")
        for member in ["annotations", "labels"] {
            if let map = metadataNode?[member], !map.isMapping, !map.isNull {
                sink.add(.init(.unreadable, at: map.location, field: "metadata.\(member)",
                    "expected a mapping of key: value (Kubernetes ObjectMeta); the API server rejects the object"))
            }
            _ = reader.raw(member)
        }
        let written = reader.string("namespace")
        if written.isAbsent {
            namespace = .productDefault(
                "default", path: "metadata.namespace", at: written.location,
                note: "Kubernetes: an object without metadata.namespace is created in the namespace of the "
                    + "kubectl context, usually 'default'")
        } else {
            namespace = written
        }
    }

    /// `<namespace>/<name>`, or nil (with INP-001) when the name is missing or unresolved.
    func qualifiedName(sink: DiagnosticSink) -> String? {
        guard let value = name.value, !value.isEmpty else {
            let reason = name.unknownReason ?? "metadata.name is empty"
            sink.add(.init(.unreadable, at: name.location ?? document.location, field: "metadata.name",
                "\(reason); the \(kind) is not assessed"))
            return nil
        }
        return "\(namespace.value ?? namespace.display ?? "?")/\(value)"
    }

    func metadata(name: String, format: String, sink: DiagnosticSink) -> EntityMetadata {
        EntityMetadata(
            name: name, owner: labelOrAnnotation(Self.ownerKeys, sink: sink),
            environment: labelOrAnnotation(Self.environmentKeys, sink: sink),
            lastReviewed: labelOrAnnotation(Self.reviewKeys, sink: sink).map { CalendarDate(iso: $0) }
                .flatten(path: "metadata.annotations.nhi-audit.io/last-reviewed"),
            format: format, location: document.location)
    }

    /// The first of `keys` found in annotations, then labels. `app.kubernetes.io/part-of` names a
    /// product, not an accountable owner, so it is deliberately not read.
    private func labelOrAnnotation(_ keys: [String], sink: DiagnosticSink) -> Field<String> {
        for member in ["annotations", "labels"] {
            guard let map = metadataNode?[member] else { continue }
            guard map.isMapping else { continue }
            let reader = FieldReader(map, path: "metadata.\(member)", anchor: map.location, sink: sink)
            for key in keys {
                let field = reader.string(key)
                if !field.isAbsent { return field }
            }
        }
        return .absent("metadata.annotations.\(keys[0])", at: metadataNode?.anchor ?? document.location)
    }
}

extension Field {
    /// Turns a field of optional values into a field that is invalid when the conversion failed.
    func flatten<T>(path newPath: String) -> Field<T> where Value == T? {
        switch state {
        case .known(let value?): return Field<T>(.known(value), path: path, location: location, display: display)
        case .known(nil):
            return Field<T>(.invalid("expected a date YYYY-MM-DD"), path: path, location: location, display: display)
        case .absent: return Field<T>(.absent, path: newPath, location: location)
        case .placeholder(let text): return Field<T>(.placeholder(text), path: path, location: location, display: display)
        case .invalid(let reason): return Field<T>(.invalid(reason), path: path, location: location, display: display)
        }
    }
}
