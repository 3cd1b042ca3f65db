/// The escaped bytes of the last string written through it. Results come sorted by file, so a file path or an
/// entity name repeats over consecutive results: it is escaped once per run of equal strings, then copied.
struct EscapedRun {
    private var last: String?
    private var bytes: [UInt8] = []
    private let escape: (String, inout [UInt8]) -> Void

    init(_ escape: @escaping (String, inout [UInt8]) -> Void) { self.escape = escape }

    mutating func append(_ value: String, into out: inout [UInt8]) {
        if value != last {  // equal storage compares without reading the bytes
            bytes.removeAll(keepingCapacity: true)
            escape(value, &bytes)
            last = value
        }
        out.append(contentsOf: bytes)
    }
}
