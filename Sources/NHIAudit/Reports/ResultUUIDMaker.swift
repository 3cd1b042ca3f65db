import Crypto

/// `DeterministicUUID.make(kind, name)` for one kind and many names (one per result): the same UUIDs, hashed
/// from the name's bytes in place, without the joined string and `Data` made on the way.
struct ResultUUIDMaker {
    private let prefix: [UInt8]

    init(kind: String) {
        prefix = Array("nhi-audit\u{1F}\(kind)\u{1F}".utf8)
    }

    func make(_ name: String) -> String {
        var hasher = SHA256()
        prefix.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        var name = name
        name.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return DeterministicUUID.text(of: hasher.finalize())
    }
}
