import Crypto
import Foundation

/// Stable result identity: survives edits that only move lines (built from control, entity and field path).
public enum Fingerprint {
    /// The first 10 bytes of SHA-256 over the parts joined by U+001F, as 20 lowercase hex digits.
    public static func of(control: String, entity: EntityRef, field: String, discriminator: String?) -> String {
        key(control: control, entity: entity, field: field, discriminator: discriminator).string
    }

    /// The same fingerprint as its 10 bytes, the way results and the history hold it.
    static func key(control: String, entity: EntityRef, field: String, discriminator: String?) -> StoredFingerprint {
        // The parts are copied into one stack buffer and hashed from there: no array on the heap per result.
        let kind = entity.kind.rawValue
        let byteCount = control.utf8.count + kind.utf8.count + entity.name.utf8.count + field.utf8.count
            + (discriminator?.utf8.count ?? 0) + 4
        var hasher = SHA256()
        withUnsafeTemporaryAllocation(byteCount: byteCount, alignment: 1) { buffer in
            var offset = 0
            func append(_ part: String, separated: Bool = true) {
                if separated {
                    buffer[offset] = 0x1F
                    offset += 1
                }
                UnsafeMutableRawBufferPointer(rebasing: buffer[offset...]).copyBytes(from: part.utf8)
                offset += part.utf8.count
            }
            append(control, separated: false)
            append(kind)
            append(entity.name)
            append(field)
            append(discriminator ?? "")
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }
        return hasher.finalize().withUnsafeBytes { digest in
            StoredFingerprint(
                high: UInt64(bigEndian: digest.loadUnaligned(as: UInt64.self)),
                low: UInt16(bigEndian: digest.loadUnaligned(fromByteOffset: 8, as: UInt16.self)))
        }
    }

    public static func hex(_ data: some DataProtocol) -> String {
        Hex.string(SHA256.hash(data: data))
    }
}

extension StoredFingerprint {
    /// The 20 lowercase hex digits `string` makes, written without making the string; false when the
    /// fingerprint is stored as text (then the caller escapes `string`).
    func appendHexDigits(into out: inout [UInt8]) -> Bool {
        guard text == nil else { return false }
        var digits: (UInt64, UInt64, UInt32) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            for position in 0..<20 {
                let nibble = position < 16 ? high >> (60 - 4 * position) & 0xF : UInt64(low) >> (76 - 4 * position) & 0xF
                buffer[position] = UInt8(truncatingIfNeeded: nibble < 10 ? 0x30 + nibble : 0x57 + nibble)
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<20]))
        }
        return true
    }
}
