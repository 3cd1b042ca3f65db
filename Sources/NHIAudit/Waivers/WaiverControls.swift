/// WAIVER-001: a waiver whose `expires` date is past. The failures it covered count again (exit code 3).
public struct WaiverExpiredControl: EntityControl {
    public static let id = "WAIVER-001"
    public init() {}
    public static func subjects(in estate: Estate) -> [Waiver] { estate.waivers }

    public func check(_ waiver: Waiver, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        guard let expires = waiver.expires.value else { return .unknown(waiver.expires, needed: "the waiver is not applied") }
        if expires < context.today {
            return .fail(
                "waiver '\(waiver.metadata.name)' for \(waiver.control.value ?? "?") expired on \(expires) "
                    + "(owner \(waiver.owner.value ?? "unknown"), ticket \(waiver.ticket.value ?? "none")); the results it covered are failures again",
                at: waiver.expires)
        }
        return .pass("waiver '\(waiver.metadata.name)' holds until \(expires)", at: waiver.expires)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Waiver
                metadata: {name: old-ttl}
                spec:
                  control: ISS-TTL-001
                  selector: {entity: legacy-*}
                  justification: vendor SDK cannot refresh tokens
                  owner: team-billing
                  approvedBy: ciso
                  ticket: SEC-12
                  expires: ↓2026-01-31
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Waiver
                metadata: {name: current-ttl}
                spec:
                  control: ISS-TTL-001
                  selector: {entity: legacy-*}
                  justification: vendor SDK cannot refresh tokens
                  owner: team-billing
                  approvedBy: ciso
                  ticket: SEC-12
                  expires: 2026-12-31
                """)
        ])
}

/// WAIVER-003: a waiver that runs further ahead than the Policy's `maxWaiverDuration` (baseline 180d), counted
/// from the scan's date. Such a waiver is not applied: risk acceptance must come back for review.
public struct WaiverDurationControl: EntityControl {
    public static let id = "WAIVER-003"
    public init() {}
    public static func subjects(in estate: Estate) -> [Waiver] { estate.waivers }

    public func check(_ waiver: Waiver, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        guard let expires = waiver.expires.value else { return .unknown(waiver.expires, needed: "the waiver is not applied") }
        let limit = policy.maxWaiverDuration.value
        let days = context.today.days(until: expires)
        if days * 86_400 > limit {
            return .fail(
                "waiver '\(waiver.metadata.name)' expires \(expires), \(days) days ahead, beyond maxWaiverDuration "
                    + "\(DurationParser.format(limit)) (\(policy.maxWaiverDuration.source)); it is not applied",
                at: waiver.expires)
        }
        return .pass("waiver '\(waiver.metadata.name)' expires within maxWaiverDuration \(DurationParser.format(limit))", at: waiver.expires)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Waiver
                metadata: {name: forever}
                spec:
                  control: ISS-TTL-001
                  selector: {entity: legacy-sts}
                  justification: we will fix it later
                  owner: team-billing
                  approvedBy: ciso
                  ticket: SEC-13
                  expires: ↓2030-01-01
                """)
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Waiver
                metadata: {name: quarter}
                spec:
                  control: ISS-TTL-001
                  selector: {entity: legacy-sts}
                  justification: vendor SDK cannot refresh tokens
                  owner: team-billing
                  approvedBy: ciso
                  ticket: SEC-13
                  expires: 2027-02-01
                """)
        ])
}
