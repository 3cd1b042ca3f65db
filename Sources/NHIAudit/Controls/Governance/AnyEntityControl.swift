/// A control judged on every entity of every kind (`Estate.allEntities`), with the policy in force for it,
/// so entities of kinds added by later importers are covered without touching the control.
public protocol AnyEntityControl: Control {
    func check(_ entity: any Entity, policy: EffectivePolicy, context: EvaluationContext) -> Outcome
}

extension AnyEntityControl {
    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        context.allEntities.map { entity in
            let policy = context.policy(for: entity.metadata)
            return EntityOutcome(
                entity: entity.ref, anchor: entity.metadata.location, policy: policy.name,
                outcome: check(entity, policy: policy, context: context))
        }
    }
}

extension AnyEntityControl {
    /// Like `evaluate`, but entities read from one configuration block (a Vault role is a verifier and a
    /// federation trust, a SPIRE server an issuer and a deployment) that all lack what `lacks` tests are judged
    /// once, on the first of them: the others would repeat the same finding at the same line.
    func evaluateOncePerBlock(_ context: EvaluationContext, lacks: (any Entity) -> Bool) -> [EntityOutcome] {
        var first: [SourceLocation: EntityRef] = [:]
        return context.allEntities.map { entity in
            let policy = context.policy(for: entity.metadata)
            let location = entity.metadata.location
            var outcome: Outcome
            if !(entity is KeySet), lacks(entity), let earlier = first[location] {
                outcome = .notApplicable("same configuration block as \(earlier), where it is judged")
            } else {
                if !(entity is KeySet), lacks(entity) { first[location] = entity.ref }
                outcome = check(entity, policy: policy, context: context)
            }
            return EntityOutcome(entity: entity.ref, anchor: location, policy: policy.name, outcome: outcome)
        }
    }
}

/// A control judged on each Policy document itself.
public protocol PolicyControl: EntityControl where Subject == Policy {}
extension PolicyControl {
    public static func subjects(in estate: Estate) -> [Policy] { estate.policies }
}
