/// A control judged on every entity of every kind (`Estate.allEntities`), with the policy in force for it,
/// so entities of kinds added by later importers are covered without touching the control.
public protocol AnyEntityControl: Control {
    func check(_ entity: any Entity, policy: EffectivePolicy, context: EvaluationContext) -> Outcome
}

extension AnyEntityControl {
    public func evaluate(_ context: EvaluationContext) -> [EntityOutcome] {
        // The metadata read once (an existential's getter copies it) and the policy lent from the table.
        context.policyTable.withUnsafeBufferPointer { policies in
            context.allEntities.map { entity in
                let metadata = entity.metadata
                let slot = context.policySlot(for: metadata)
                return EntityOutcome(
                    entity: EntityRef(kind: type(of: entity).kind, name: metadata.name), anchor: metadata.location,
                    policy: policies[slot].name, outcome: check(entity, policy: policies[slot], context: context))
            }
        }
    }
}

extension AnyEntityControl {
    /// Like `evaluate`, but entities read from one configuration block (a Vault role is a verifier and a
    /// federation trust, a SPIRE server an issuer and a deployment) that all lack what `lacks` tests are judged
    /// once, on the first of them: the others would repeat the same finding at the same line.
    func evaluateOncePerBlock(_ context: EvaluationContext, lacks: (any Entity) -> Bool) -> [EntityOutcome] {
        var first: [SourceLocation: EntityRef] = [:]
        return context.policyTable.withUnsafeBufferPointer { policies in
            context.allEntities.map { entity in
                let metadata = entity.metadata
                let slot = context.policySlot(for: metadata)
                let ref = EntityRef(kind: type(of: entity).kind, name: metadata.name)
                let location = metadata.location
                var outcome: Outcome
                let judgedOnce = !(entity is KeySet) && lacks(entity)
                if judgedOnce, let earlier = first[location] {
                    outcome = .notApplicable("same configuration block as \(earlier), where it is judged")
                } else {
                    if judgedOnce { first[location] = ref }
                    outcome = check(entity, policy: policies[slot], context: context)
                }
                return EntityOutcome(entity: ref, anchor: location, policy: policies[slot].name, outcome: outcome)
            }
        }
    }
}

/// A control judged on each Policy document itself.
public protocol PolicyControl: EntityControl where Subject == Policy {}
extension PolicyControl {
    public static func subjects(in estate: Estate) -> [Policy] { estate.policies }
}
