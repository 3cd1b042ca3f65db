import Crypto
import Foundation

/// Name-based UUIDs in the RFC 4122 version 5 layout, hashed with SHA-256 instead of SHA-1 (first 16 bytes,
/// version and variant bits set as section 4.3 describes), so the same name gives the same UUID every run.
/// OSCAL's UUID datatype accepts versions 4 and 5 only.
enum DeterministicUUID {
    static func make(_ parts: String...) -> String {
        text(of: SHA256.hash(data: Data(("nhi-audit\u{1F}" + parts.joined(separator: "\u{1F}")).utf8)))
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// The UUID text of a SHA-256 digest: its first 16 bytes with the version 5 and variant bits set.
    static func text(of hash: SHA256.Digest) -> String {
        hash.withUnsafeBytes { hash in
            String(unsafeUninitializedCapacity: 36) { text in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
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
