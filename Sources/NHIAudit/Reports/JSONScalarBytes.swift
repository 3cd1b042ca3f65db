/// Fingerprints as JSON bytes, without the `String` that `Result.id` makes for each of hundreds of thousands
/// of results.
enum JSONScalarBytes {
    /// A result's `id` as a JSON string: its 20 hex digits straight from the stored bytes.
    static func fingerprint<Escaper: JSONStringEscaper>(
        _ id: StoredFingerprint, _ escaper: Escaper.Type, into out: inout [UInt8]
    ) {
        if let text = id.text { return Escaper.writeString(text, into: &out) }
        out.append(0x22)
        _ = id.appendHexDigits(into: &out)
        out.append(0x22)
    }
}
