/// Lends a value to another thread without a second reference to it, when the compiler cannot prove it
/// sendable: the lender does not touch it until the other thread is done.
final class Handoff<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
