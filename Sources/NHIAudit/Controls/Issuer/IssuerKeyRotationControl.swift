/// ISS-ROT-001: the signing key has no rotation period, a period above the policy's maximum, or is overdue.
public struct IssuerKeyRotationControl: IssuerControl {
    public static let id = "ISS-ROT-001"
    public init() {}

    public func check(_ issuer: Issuer, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let period = issuer.signing.rotationPeriod
        let created = issuer.signing.keyCreated
        let maximum = policy.maxKeyRotationPeriod
        let maximumText = "maxKeyRotationPeriod \(DurationParser.format(maximum.value)) (\(maximum.source))"
        if period.isAbsent {
            return .fail("no rotation period (spec.signing.rotationPeriod) is configured; \(maximumText)", at: period)
        }
        guard let seconds = period.value else { return .unknown(period) }
        var problems: [String] = []
        var sources: [any EvidenceSource & Sendable] = []
        if seconds > maximum.value {
            problems.append("rotation period \(DurationParser.format(seconds)) exceeds \(maximumText)")
            sources.append(period)
        }
        if let day = created.value {
            if day > context.today {
                return .indeterminate(
                    "cannot decide: keyCreated \(day) is after today (\(context.todayText))", at: created, period)
            }
            // Overdue once today is past the day the key was due: keyCreated + rotationPeriod.
            let ageDays = day.days(until: context.today)
            if ageDays * 86_400 > seconds {
                problems.append(
                    "the key created \(day) is \(ageDays)d old on \(context.todayText), past its rotation period "
                        + DurationParser.format(seconds))
                sources.append(created)
            }
        }
        if !problems.isEmpty { return .fail(problems.joined(separator: "; "), sources: sources) }
        // A product that rotates its own keys (importer's note on the absent date) cannot be overdue.
        if created.isAbsent, let automatic = created.note {
            return .pass(
                "rotation period \(DurationParser.format(seconds)) is within \(maximumText); \(automatic)",
                at: period, created)
        }
        guard let day = created.value else {
            return .unknown(
                created,
                needed: "rotation period \(DurationParser.format(seconds)) is within \(maximumText), "
                    + "but the key's age cannot be checked")
        }
        return .pass(
            "rotation period \(DurationParser.format(seconds)) is within \(maximumText) and the key created \(day) "
                + "is \(day.days(until: context.today))d old", at: period, created)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  ↓signing:
                    algorithm: RS256
                    keyCreated: 2026-10-01
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  signing:
                    rotationPeriod: ↓365d
                    keyCreated: 2026-10-01
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  signing:
                    rotationPeriod: 30d
                    keyCreated: ↓2026-01-15
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts}
                spec:
                  signing:
                    rotationPeriod: 30d
                    keyCreated: 2026-11-01
                """)
        ])
}
