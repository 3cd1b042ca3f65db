/// ISS-CLI-001: a machine client that may use the password grant, is public (no client authentication), or
/// receives every realm role (full scope). RFC 9700 section 2.4 forbids the password grant; section 2.3
/// asks for least-privilege scopes.
public struct MachineClientGrantControl: EntityControl {
    public static let id = "ISS-CLI-001"
    public init() {}

    public static func subjects(in estate: Estate) -> [MachineClient] { estate.machineClients }

    public func check(_ client: MachineClient, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        if client.bearerOnly.value == true {
            return .notApplicable("bearer-only client: it never obtains tokens", at: client.bearerOnly)
        }
        let checks: [(Field<Bool>, String)] = [
            (client.directAccessGrantsEnabled, "allows the resource owner password grant (directAccessGrantsEnabled)"),
            (client.publicClient, "is public: it obtains tokens without authenticating (publicClient)"),
            (client.fullScopeAllowed, "has full scope: its tokens carry every realm role (fullScopeAllowed)"),
        ]
        let failing = checks.filter { $0.0.value == true }
        if !failing.isEmpty {
            return .fail("client \(client.clientID.value ?? client.metadata.name) " + failing.map(\.1).joined(separator: "; "),
                sources: failing.map(\.0))
        }
        if let unknown = checks.first(where: { $0.0.value == nil }) { return .unknown(unknown.0) }
        return .pass("confidential client, no password grant, scope limited to its own roles", at: client.fullScopeAllowed)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                {
                  "clientId": "batch-exporter",
                  "publicClient": false,
                  "serviceAccountsEnabled": true,
                  "directAccessGrantsEnabled": ↓true,
                  "fullScopeAllowed": false
                }
                """, file: "client.json"),
            ControlExample(
                """
                {
                  "realm": "ops",
                  "clients": [
                    ↓{"clientId": "metrics-agent", "serviceAccountsEnabled": true, "publicClient": false}
                  ]
                }
                """, file: "realm-export.json"),
        ],
        passing: [
            ControlExample(
                """
                {
                  "clientId": "batch-exporter",
                  "publicClient": false,
                  "serviceAccountsEnabled": true,
                  "directAccessGrantsEnabled": false,
                  "fullScopeAllowed": false
                }
                """, file: "client.json")
        ])
}
