import Crypto

/// `DeterministicUUID.make(kind, name)` for one kind and many names (one per result): the same UUIDs, hashed
/// from the name's bytes in place, without the joined string, `Data` and hex string made on the way.
struct ResultUUIDMaker {
    private let prefix: [UInt8]
    private static let digits = Array("0123456789abcdef".utf8)

    init(kind: String) {
        prefix = Array("nhi-audit\u{1F}\(kind)\u{1F}".utf8)
    }

    func make(_ name: String) -> String {
        var hasher = SHA256()
        prefix.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        var name = name
        name.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        let digits = Self.digits
        return hasher.finalize().withUnsafeBytes { hash in
            String(unsafeUninitializedCapacity: 36) { text in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    // Version 5 and the RFC 4122 variant (section 4.3), as DeterministicUUID sets them.
                    let byte = index == 6 ? (hash[6] & 0x0F) | 0x50 : index == 8 ? (hash[8] & 0x3F) | 0x80 : hash[index]
                    text[position] = digits[Int(byte >> 4)]
                    text[position + 1] = digits[Int(byte & 0x0F)]
                    position += 2
                }
                return position
            }
        }
    }
}
