import Crypto
import Foundation

/// Key material or a secret found inline in an input. Holds only a fingerprint and a redacted hint:
/// the plaintext never enters the model, so no report, log or database can leak it.
public struct SecretMaterial: Sendable, Hashable {
    /// What was found, e.g. "HMAC signing secret" or "RSA private key (JWK member d)".
    public var kind: String
    public var path: String
    public var location: SourceLocation
    /// `sha256:` and the first 16 hex digits of SHA-256 over the value.
    public var fingerprint: String
    /// Length and shape only, e.g. `44 characters, starts "ab…"` is too much; we say `44 characters`.
    public var hint: String

    public init(kind: String, value: String, path: String, location: SourceLocation) {
        self.kind = kind
        self.path = path
        self.location = location
        fingerprint = SecretMaterial.fingerprint(of: value)
        hint = "[redacted: \(value.count) characters]"
    }

    public static func fingerprint(of value: String) -> String {
        let digest = SHA256.hash(data: Data(value.utf8))
        return "sha256:" + Hex.string(digest.prefix(8))
    }

    /// Evidence text for reports.
    public var redactedDisplay: String { "\(hint) \(fingerprint)" }
}
