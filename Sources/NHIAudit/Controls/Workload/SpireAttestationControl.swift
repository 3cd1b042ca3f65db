/// WKL-ATT-001: weak SPIRE attestation: the kubelet read-only port, skipped kubelet verification, or join
/// tokens in production.
public struct SpireAttestationControl: SpireControl {
    public static let id = "WKL-ATT-001"
    public init() {}

    public func check(_ spire: SpireDeployment, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        for plugin in spire.plugins {
            if let port = plugin.settings["kubelet_read_only_port"], let value = port.value, value != "0", !value.isEmpty {
                return .fail(
                    "\(plugin.type) \"\(plugin.name)\" reads pods from the kubelet's unauthenticated read-only port "
                        + "\(value): anyone on the node network can feed it pod data", at: port)
            }
            if let skip = plugin.settings["skip_kubelet_verification"], skip.value?.lowercased() == "true" {
                return .fail(
                    "\(plugin.type) \"\(plugin.name)\" skips verifying the kubelet's certificate: a spoofed kubelet "
                        + "decides workload selectors", at: skip)
            }
        }
        guard let joinToken = spire.plugins.first(where: { $0.type == "NodeAttestor" && $0.name == "join_token" }) else {
            let attestors = spire.plugins.filter { $0.type.hasSuffix("Attestor") }.map(\.name).joined(separator: ", ")
            return .pass("attestation uses \(attestors.isEmpty ? "no weak plugin" : attestors)", at: spire.keyStorage)
        }
        let evidence = Field<String>.known("join_token", path: "plugins.NodeAttestor.join_token", at: joinToken.location)
        guard let environment = spire.metadata.environment.value else {
            return .indeterminate(
                "node attestation by join_token (one-time secret, no platform evidence) is acceptable only outside "
                    + "production, and the environment is not known", at: evidence)
        }
        if environment.lowercased().hasPrefix("prod") {
            return .fail("node attestation by join_token in \(environment): no platform evidence of the node", at: evidence)
        }
        return .pass("join_token attestation in \(environment)", at: evidence)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                agent {
                  trust_domain = "example.org"
                }
                plugins {
                  WorkloadAttestor "k8s" {
                    plugin_data {
                      kubelet_read_only_port = ↓"10255"
                    }
                  }
                }
                """, file: "agent.conf"),
            ControlExample(
                """
                agent {
                  trust_domain = "example.org"
                }
                plugins {
                  WorkloadAttestor "k8s" {
                    plugin_data {
                      skip_kubelet_verification = ↓true
                    }
                  }
                }
                """, file: "agent.conf"),
        ],
        passing: [
            ControlExample(
                """
                agent {
                  trust_domain = "example.org"
                }
                plugins {
                  NodeAttestor "k8s_psat" {
                    plugin_data {
                      cluster = "prod"
                    }
                  }
                  WorkloadAttestor "k8s" {
                    plugin_data {
                      node_name_env = "MY_NODE_NAME"
                    }
                  }
                }
                """, file: "agent.conf")
        ])
}
