import Crypto
import Foundation

/// Stable result identity: survives edits that only move lines (built from control, entity and field path).
public enum Fingerprint {
    public static func of(control: String, entity: EntityRef, field: String, discriminator: String?) -> String {
        var material = [control, entity.kind.rawValue, entity.name, field, discriminator ?? ""].joined(separator: "\u{1F}")
        return material.withUTF8 { Hex.string(SHA256.hash(data: UnsafeRawBufferPointer($0)).prefix(10)) }
    }

    public static func hex(_ data: some DataProtocol) -> String {
        Hex.string(SHA256.hash(data: data))
    }
}
