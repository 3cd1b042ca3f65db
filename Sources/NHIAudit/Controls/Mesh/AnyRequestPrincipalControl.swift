/// VER-PRIN-001: an ALLOW authorization rule admits any request principal (`*`): any token from any issuer
/// the workload's RequestAuthentications trust, for any subject.
public struct AnyRequestPrincipalControl: EntityControl {
    public static let id = "VER-PRIN-001"
    public init() {}

    public static func subjects(in estate: Estate) -> [AccessPolicy] { estate.accessPolicies }

    static let anyPrincipal: Set<String> = ["*", "*/*"]

    public func check(_ policy: AccessPolicy, policy _: EffectivePolicy, context: EvaluationContext) -> Outcome {
        let action = policy.action
        guard let verb = action.value else { return .unknown(action) }
        let sources = policy.rules.flatMap(\.sources)
        let principals = sources.map(\.requestPrincipals).filter { !$0.knownItems.isEmpty }
        guard verb == "ALLOW" else {
            return .notApplicable("action \(verb) does not grant access by request principal", at: action)
        }
        for field in principals {
            if let wildcard = (field.value ?? []).first(where: { Self.anyPrincipal.contains($0.value ?? "") }) {
                return .fail(
                    "ALLOW rule accepts any request principal '\(wildcard.value ?? "*")': any valid token from any "
                        + "trusted issuer, for any subject, is authorized", at: wildcard)
            }
        }
        if let unresolved = sources.flatMap({ $0.requestPrincipals.unresolvedItems }).first {
            return .unknown(unresolved, needed: "an unresolved principal may be a wildcard")
        }
        guard let first = principals.first else {
            return .notApplicable("no rule of this ALLOW policy matches on requestPrincipals", at: action)
        }
        return .pass("ALLOW rules name specific request principals \(first.display ?? "")", at: first)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: require-jwt, namespace: shop}
                spec:
                  action: ALLOW
                  rules:
                  - from:
                    - source:
                        requestPrincipals: [↓"*"]
                """),
            ControlExample(
                """
                apiVersion: security.istio.io/v1beta1
                kind: AuthorizationPolicy
                metadata: {name: default-action, namespace: shop}
                spec:
                  rules:
                  - from:
                    - source:
                        requestPrincipals:
                        - ↓"*/*"
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: require-jwt, namespace: shop}
                spec:
                  action: ALLOW
                  rules:
                  - from:
                    - source:
                        requestPrincipals: ["https://issuer.example.com/ci-deployer"]
                """)
        ])
}
