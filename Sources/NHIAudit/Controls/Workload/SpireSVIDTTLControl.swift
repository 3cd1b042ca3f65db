/// WKL-SVID-001: SPIRE server SVID or CA lifetimes longer than SPIRE's own defaults recommend.
public struct SpireSVIDTTLControl: SpireControl {
    public static let id = "WKL-SVID-001"
    public init() {}

    static let jwtLimit = 300
    static let legacyLimit = 3600
    static let caLimit = 7 * 86_400

    public func check(_ spire: SpireDeployment, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        guard spire.role == "server" else {
            return .notApplicable("SVID lifetimes are set on the server", at: spire.keyStorage)
        }
        let checks: [(Field<Int>, Int, String)] = [
            (spire.jwtSVIDTTL, Self.jwtLimit, "JWT-SVIDs are bearer tokens; SPIRE's default is 5m"),
            (spire.legacySVIDTTL, Self.legacyLimit, "SPIRE's default SVID lifetime is 1h"),
            (spire.caTTL, Self.caLimit, "a long-lived CA widens the window of a stolen signing key"),
        ]
        for (field, limit, why) in checks {
            if let seconds = field.value, seconds > limit {
                return .fail(
                    "\(field.path) \(DurationParser.format(seconds)) is over \(DurationParser.format(limit)): \(why)", at: field)
            }
        }
        for (field, _, _) in checks where !field.isAbsent && field.value == nil {
            return .unknown(field)
        }
        let legacy = spire.legacySVIDTTL.isAbsent
            ? "" : "; \(spire.legacySVIDTTL.path) is deprecated (SPIRE 1.x: use default_x509_svid_ttl)"
        return .pass(
            "JWT-SVID \(DurationParser.format(spire.jwtSVIDTTL.value ?? 0)), CA \(DurationParser.format(spire.caTTL.value ?? 0))"
                + legacy,
            at: spire.jwtSVIDTTL, spire.caTTL)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                server {
                  trust_domain = "example.org"
                  default_jwt_svid_ttl = ↓"1h"
                }
                plugins {
                  KeyManager "aws_kms" {
                    plugin_data {}
                  }
                }
                """, file: "server.conf"),
            ControlExample(
                """
                server {
                  trust_domain = "example.org"
                  ca_ttl = ↓"720h"
                }
                plugins {
                  KeyManager "aws_kms" {
                    plugin_data {}
                  }
                }
                """, file: "server.conf"),
        ],
        passing: [
            ControlExample(
                """
                server {
                  trust_domain = "example.org"
                  default_x509_svid_ttl = "1h"
                }
                plugins {
                  KeyManager "aws_kms" {
                    plugin_data {}
                  }
                }
                """, file: "server.conf")
        ])
}
