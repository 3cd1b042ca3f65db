/// What controls see: the estate, the input diagnostics, the policy resolution, today's date and
/// indexes for cross-entity controls (built once, so no control needs nested scans).
public final class EvaluationContext: Sendable {
    public let estate: Estate
    public let diagnostics: [InputDiagnostic]
    /// "Today" for age checks; pinned by `SOURCE_DATE_EPOCH` for reproducible runs.
    public let today: CalendarDate
    /// `today` as text, formatted once: messages quote it for every entity, and formatting a date costs a
    /// `String(format:)` call.
    let todayText: String
    public let issuersByURL: [String: [Issuer]]
    /// `estate.allEntities`, boxed once: every control over all kinds reads it, and boxing copies each entity.
    public let allEntities: [any Entity]
    /// Thresholds merged once per policy, not once per entity and control: the global policy (or the
    /// baseline) first, then each environment's. Controls judging every entity read `policyTable[slot]` in
    /// place, so the dozen thresholds (two dozen strings) are not copied per entity and control.
    let policyTable: [EffectivePolicy]
    private let slotsByEnvironment: [String: Int]

    public init(estate: Estate, diagnostics: [InputDiagnostic], today: CalendarDate) {
        self.estate = estate
        self.diagnostics = diagnostics
        self.today = today
        todayText = today.description
        allEntities = estate.allEntities
        var byURL: [String: [Issuer]] = [:]
        for issuer in estate.issuers {
            if let url = issuer.issuerURL.value { byURL[URLMatching.normalizedIssuer(url), default: []].append(issuer) }
        }
        issuersByURL = byURL
        // Deterministic choice when two policies claim one environment: `--policy` files first, then the
        // first by file and line.
        let ordered = estate.policies.sorted {
            let lhsPreferred = estate.preferredPolicyFiles.contains($0.metadata.location.file)
            let rhsPreferred = estate.preferredPolicyFiles.contains($1.metadata.location.file)
            if lhsPreferred != rhsPreferred { return lhsPreferred }
            return $0.metadata.location < $1.metadata.location
        }
        var table: [EffectivePolicy] = [.baseline]
        var slots: [String: Int] = [:]
        var hasGlobal = false
        for policy in ordered {
            let environments = policy.environments.knownItems
            if environments.isEmpty {
                if !hasGlobal { table[0] = EffectivePolicy(policy: policy) }
                hasGlobal = true
            } else if environments.contains(where: { slots[$0] == nil }) {
                table.append(EffectivePolicy(policy: policy))
                for environment in environments where slots[environment] == nil { slots[environment] = table.count - 1 }
            }
        }
        policyTable = table
        slotsByEnvironment = slots
    }

    /// Where `policy(for:)`'s policy sits in `policyTable`.
    func policySlot(for metadata: EntityMetadata) -> Int {
        metadata.environment.value.flatMap { slotsByEnvironment[$0] } ?? 0
    }

    /// The Policy whose `appliesTo.environments` names the entity's environment, else a Policy without
    /// `appliesTo`, else the built-in baseline.
    public func policy(for metadata: EntityMetadata) -> EffectivePolicy { policyTable[policySlot(for: metadata)] }

    /// `policy(for:).name` without copying the policy's thresholds (two dozen strings).
    func policyName(for metadata: EntityMetadata) -> String { policyTable[policySlot(for: metadata)].name }

    /// Issuers in the estate whose `iss` matches (trailing slash ignored).
    public func issuers(withURL url: String) -> [Issuer] { issuersByURL[URLMatching.normalizedIssuer(url)] ?? [] }
}

public enum URLMatching {
    /// RFC 8414 compares issuers as strings; a trailing slash is the one difference configurations commonly
    /// disagree on without meaning a different issuer.
    public static func normalizedIssuer(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    public static func isHTTPS(_ url: String) -> Bool { url.lowercased().hasPrefix("https://") }

    /// The same resource (a JWKS document): scheme and host are case-insensitive (RFC 3986 section 6.2.2.1),
    /// and a trailing slash is ignored as for issuers.
    public static func sameResource(_ lhs: String, _ rhs: String) -> Bool {
        func normalized(_ url: String) -> String {
            let trimmed = normalizedIssuer(url)
            guard let schemeEnd = trimmed.range(of: "://") else { return trimmed }
            let rest = trimmed[schemeEnd.upperBound...]
            let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            return trimmed[..<hostEnd].lowercased() + rest[hostEnd...]
        }
        return normalized(lhs) == normalized(rhs)
    }
}
