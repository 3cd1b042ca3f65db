/// POL-002: an entity has no accountable owner while its policy requires one.
public struct OwnerControl: AnyEntityControl {
    public static let id = "POL-002"
    public init() {}

    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        evaluateOncePerBlock(context) { $0.metadata.owner.isAbsent }
    }

    public func check(_ entity: any Entity, policy: EffectivePolicy, context: EvaluationContext) -> Outcome {
        if entity is KeySet {
            return .notApplicable("a key set is owned by the issuer or verifier that publishes or trusts it")
        }
        let requirement = policy.requireOwner
        guard requirement.value else {
            return .notApplicable(
                "policy \(policy.name) does not require an owner (requireOwner false, \(requirement.source))")
        }
        let owner = entity.metadata.owner
        let rule = "requireOwner true (\(requirement.source))"
        if owner.isAbsent { return .fail("no owner (metadata.owner) while \(rule)", at: owner) }
        guard let name = owner.value else { return .unknown(owner) }
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            return .fail("metadata.owner is empty while \(rule)", at: owner)
        }
        return .pass("owned by \(name)", at: owner)
    }

    public static let examples = ControlExamples(
        failing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                ↓metadata:
                  name: orphan-sts
                  environment: prod
                spec:
                  tokens: {maxTTL: 1h}
                """),
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Verifier
                metadata: {name: gateway, owner: ↓""}
                spec: {requiresToken: true}
                """),
        ],
        passing: [
            ControlExample(
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: sts, owner: platform-identity}
                spec:
                  tokens: {maxTTL: 1h}
                """)
        ])
}
