/// ISS-TTL-002: an issuer has no cap on the lifetime callers may request, or the cap is above a day.
public struct IssuerMaxTTLControl: IssuerControl {
    public static let id = "ISS-TTL-002"
    /// Fixed by the control (issue 2), not a policy threshold: no machine token should be able to live a day.
    static let ceiling = 24 * 3600
    static let ceilingText = "24h"

    public init() {}

    public func check(_ issuer: Issuer, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let maxTTL = issuer.tokens.maxTTL
        // An absent value with an importer's note is decided outside the file (e.g. per SPIRE registration
        // entry): unknown, not missing.
        if maxTTL.isAbsent, maxTTL.note == nil {
            return .fail(
                "no maximum token lifetime (spec.tokens.maxTTL) is configured, so callers may request tokens of "
                    + "any lifetime; the control's ceiling is \(Self.ceilingText)", at: maxTTL)
        }
        guard let seconds = maxTTL.value else { return .unknown(maxTTL) }
        if seconds > Self.ceiling {
            return .fail(
                "maximum token lifetime \(DurationParser.format(seconds)) exceeds the control's fixed ceiling "
                    + "\(Self.ceilingText)", at: maxTTL)
        }
        return .pass(
            "maximum token lifetime \(DurationParser.format(seconds)) is within the control's fixed ceiling "
                + "\(Self.ceilingText)", at: maxTTL)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: ci-sts}
                spec:
                  tokens:
                    maxTTL: ↓30d
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: ci-sts}
                spec:
                  ↓tokens:
                    defaultTTL: 15m
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: ci-sts}
                spec:
                  tokens: {defaultTTL: 15m, maxTTL: 24h}
                """)
        ])
}
