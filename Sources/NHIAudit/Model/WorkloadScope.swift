/// Which workloads a mesh resource applies to: its namespace and label selector (Istio `selector.matchLabels`).
public struct WorkloadScope: Sendable {
    public var namespace: Field<String>
    /// `matchLabels`; an empty selector means every workload of the namespace.
    public var matchLabels: [String: String]
    public var selectorLocation: SourceLocation?
    /// Istio's root namespace (`istio-system` by default, meshConfig.rootNamespace): resources there apply
    /// mesh-wide (Istio docs, "Authorization Policy", "Policy Target").
    public static let istioRootNamespace = "istio-system"

    public init(namespace: Field<String>, matchLabels: [String: String], selectorLocation: SourceLocation?) {
        self.namespace = namespace
        self.matchLabels = matchLabels
        self.selectorLocation = selectorLocation
    }

    public var isMeshWide: Bool { namespace.value == Self.istioRootNamespace && matchLabels.isEmpty }

    /// True when a policy with scope `self` applies to (a superset of) the workloads `other` selects.
    /// Only decides on known namespaces; a placeholder namespace never covers anything.
    public func covers(_ other: WorkloadScope) -> Bool {
        guard let mine = namespace.value, let theirs = other.namespace.value else { return false }
        guard mine == theirs || mine == Self.istioRootNamespace else { return false }
        // A selector covers workloads whose labels include all of its labels; `other`'s selector is what
        // those workloads are known to carry.
        return matchLabels.allSatisfy { other.matchLabels[$0.key] == $0.value }
    }
}
