import Crypto
import Foundation

/// Name-based UUIDs in the RFC 4122 version 5 layout, hashed with SHA-256 instead of SHA-1 (first 16 bytes,
/// version and variant bits set as section 4.3 describes), so the same name gives the same UUID every run.
/// OSCAL's UUID datatype accepts versions 4 and 5 only.
enum DeterministicUUID {
    static func make(_ parts: String...) -> String {
        var bytes = Array(SHA256.hash(data: Data(("nhi-audit\u{1F}" + parts.joined(separator: "\u{1F}")).utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Array(Hex.string(bytes).utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, character) in hex.enumerated() {
            if index == 8 || index == 12 || index == 16 || index == 20 { text.append(UInt8(ascii: "-")) }
            text.append(character)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
