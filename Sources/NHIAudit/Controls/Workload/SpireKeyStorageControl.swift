/// WKL-SVID-002: SPIRE server signing keys on disk or in memory where the policy requires HSM or KMS.
public struct SpireKeyStorageControl: SpireControl {
    public static let id = "WKL-SVID-002"
    public init() {}

    public func check(_ spire: SpireDeployment, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        guard spire.role == "server" else {
            return .notApplicable("an agent's KeyManager holds its own keys, not the trust domain's signing keys",
                                  at: spire.keyStorage)
        }
        guard let storage = spire.keyStorage.value else { return .unknown(spire.keyStorage) }
        let allowed = policy.allowedKeyStorage.value
        if allowed.contains(storage) {
            return .pass("signing keys are kept in \(storage)", at: spire.keyStorage)
        }
        return .fail(
            "signing keys (CA and JWT) are kept in \(storage); the policy allows \(allowed.joined(separator: ", ")) "
                + "(\(policy.allowedKeyStorage.source))", at: spire.keyStorage)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                server {
                  trust_domain = "example.org"
                }
                plugins {
                  ↓KeyManager "disk" {
                    plugin_data {
                      keys_path = "/run/spire/data/keys.json"
                    }
                  }
                }
                """, file: "server.conf")
        ],
        passing: [
            ControlExample(
                """
                server {
                  trust_domain = "example.org"
                }
                plugins {
                  KeyManager "aws_kms" {
                    plugin_data {
                      region = "eu-west-1"
                    }
                  }
                }
                """, file: "server.conf")
        ])
}
