/// A control judged on every entity of every kind (`Estate.allEntities`), with the policy in force for it,
/// so entities of kinds added by later importers are covered without touching the control.
public protocol AnyEntityControl: Control {
    func check(_ entity: any Entity, policy: EffectivePolicy, context: EvaluationContext) -> Outcome
}

extension AnyEntityControl {
    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        context.estate.allEntities.map { entity in
            let policy = context.policy(for: entity.metadata)
            return EntityOutcome(
                entity: entity.ref, anchor: entity.metadata.location, policy: policy.name,
                outcome: check(entity, policy: policy, context: context))
        }
    }
}

/// A control judged on each Policy document itself.
public protocol PolicyControl: EntityControl where Subject == Policy {}
extension PolicyControl {
    public static func subjects(in estate: Estate) -> [Policy] { estate.policies }
}
