/// A value behind one reference, copied only when it is changed while shared: a copy of the holder
/// retains one object instead of every string inside the value.
struct CopyOnWrite<Value: Sendable>: Sendable {
    /// Written only through `value`'s `_modify`, after making sure no other holder shares it.
    private final class Reference: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var reference: Reference

    init(_ value: Value) { reference = Reference(value) }

    var value: Value {
        get { reference.value }
        _modify {
            if !isKnownUniquelyReferenced(&reference) { reference = Reference(reference.value) }
            yield &reference.value
        }
    }
}
