/// Numbers the shared `ControlFacts` of results by identity, in order of first appearance: no string hashing per
/// result, and a run of results sharing one `ControlFacts` (the usual case) reuses its number without hashing.
struct ControlFactsSlots {
    private var slots: [ObjectIdentifier: Int] = [:]
    private var previous: (identity: ObjectIdentifier, slot: Int)? = nil
    private(set) var count = 0

    /// The number of `facts`, and whether this is its first appearance.
    mutating func slot(of facts: ResultDocument.ControlFacts) -> (slot: Int, isNew: Bool) {
        let identity = ObjectIdentifier(facts)
        if let previous, previous.identity == identity { return (previous.slot, false) }
        let known = slots[identity]
        let slot = known ?? count
        if known == nil {
            slots[identity] = slot
            count += 1
        }
        previous = (identity, slot)
        return (slot, known == nil)
    }
}
