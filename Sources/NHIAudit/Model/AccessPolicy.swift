/// An authorization policy in front of workloads (Istio `AuthorizationPolicy`).
public struct AccessPolicy: Entity {
    public static let kind = EntityKind("accesspolicy")

    /// One `rules[]` entry: its sources (OR-ed) and whether it also has `to` or `when` conditions.
    public struct Rule: Sendable {
        public var location: SourceLocation
        public var sources: [Source]
        /// Paths, methods or conditions that narrow the rule (e.g. `notPaths` exclusions), as written.
        public var narrowedBy: [String]

        public init(location: SourceLocation, sources: [Source], narrowedBy: [String]) {
            self.location = location
            self.sources = sources
            self.narrowedBy = narrowedBy
        }
    }

    public struct Source: Sendable {
        public var location: SourceLocation
        public var requestPrincipals: ListField
        public var notRequestPrincipals: ListField

        public init(location: SourceLocation, requestPrincipals: ListField, notRequestPrincipals: ListField) {
            self.location = location
            self.requestPrincipals = requestPrincipals
            self.notRequestPrincipals = notRequestPrincipals
        }
    }

    public var metadata: EntityMetadata
    public var scope: WorkloadScope
    /// ALLOW | DENY | AUDIT | CUSTOM (Istio default ALLOW).
    public var action: Field<String>
    public var rules: [Rule]
    public var secrets: [SecretMaterial] { [] }

    public init(metadata: EntityMetadata, scope: WorkloadScope, action: Field<String>, rules: [Rule]) {
        self.metadata = metadata
        self.scope = scope
        self.action = action
        self.rules = rules
    }

    /// The field that makes requests without a verified token fail, if this policy has one:
    /// DENY with `notRequestPrincipals: ["*"]`, or ALLOW whose every rule needs a request principal.
    public var principalRequirement: ListField? {
        switch action.value {
        case "DENY":
            for rule in rules {
                for source in rule.sources where source.notRequestPrincipals.knownItems.contains("*") {
                    return source.notRequestPrincipals
                }
            }
            return nil
        case "ALLOW":
            guard !rules.isEmpty else { return nil }
            var first: ListField?
            for rule in rules {
                guard !rule.sources.isEmpty else { return nil }
                for source in rule.sources {
                    guard !source.requestPrincipals.knownItems.isEmpty else { return nil }
                    first = first ?? source.requestPrincipals
                }
            }
            return first
        default:
            return nil
        }
    }
}
