import Foundation

/// Reads JSON Web Keys from a document node, or from JSON embedded as a string (Istio `jwks`, Envoy
/// `local_jwks.inline_string`), keeping locations. Private members become fingerprints, never values.
public enum JWKReader {
    static let privateMemberNames = ["d", "p", "q", "dp", "dq", "qi"]

    /// Parses JSON text embedded in a scalar. Locations inside it are mapped to the file: line offsets are
    /// exact for block scalars (`|`), and point at the scalar itself for quoted one-line strings.
    public static func parseEmbedded(_ text: String, scalar: DocumentNode) -> DocumentNode? {
        let base = scalar.location
        let isBlock = scalar.isBlockScalar
        // A block scalar's text starts on the line after its indicator, indented (YAML strips the indentation
        // from the text); a quoted string starts at the quote. The indentation is not kept by the parser: take
        // the usual two spaces more than the key (`key: |`), or the column of `|` itself after `- `.
        let indent = scalar.keyLocation.map { $0.column - 1 + 2 } ?? max(base.column - 1, 0)
        let shift = isBlock
            ? DocumentNode.Shift(lines: base.line, firstLineColumns: 0, allColumns: indent)
            : DocumentNode.Shift(lines: base.line - 1, firstLineColumns: base.column)
        return YAMLTree.single(text, file: scalar.file, rootPath: scalar.path, shift: shift).map { DocumentNode(tree: $0) }
    }

    /// Reads the keys of a JWKS (`{"keys": [...]}`), a bare JWK, or keys under another member.
    public static func readKeySet(_ node: DocumentNode) -> (keys: [JSONWebKey], problems: [String]) {
        if let keys = node["keys"], keys.isSequence {
            return (keys.items.map(readKey), [])
        }
        if node["kty"] != nil {
            return ([readKey(node)], ["a bare JWK, not a JWK Set: RFC 7517 section 5 consumers expect {\"keys\": [...]}"])
        }
        for entry in node.entries where entry.value.isSequence && entry.value.items.contains(where: { $0["kty"] != nil }) {
            return (
                entry.value.items.map(readKey),
                ["keys are under '\(entry.key)' instead of 'keys': RFC 7517 consumers see an empty key set"]
            )
        }
        return ([], ["no keys found"])
    }

    public static func readKey(_ node: DocumentNode) -> JSONWebKey {
        let sink = DiagnosticSink()
        let reader = FieldReader(node, path: node.path, anchor: node.location, sink: sink)
        let kty = reader.string("kty")
        var privateMembers: [String] = []
        var secrets: [SecretMaterial] = []
        let candidates = kty.value == "oct" ? privateMemberNames + ["k"] : privateMemberNames
        for member in candidates {
            guard let value = node[member], let text = value.scalar, !text.isEmpty else { continue }
            privateMembers.append(member)
            let what = member == "k" ? "symmetric key (JWK member k)" : "private key (JWK member \(member))"
            secrets.append(SecretMaterial(kind: what, value: text, path: value.path, location: value.location))
        }
        let publicPart = [node["n"]?.scalar, node["x"]?.scalar, node["y"]?.scalar].compactMap { $0 }.joined(separator: ".")
        return JSONWebKey(
            location: node.location, path: node.path, kid: reader.string("kid"), kty: kty, alg: reader.string("alg"),
            use: reader.string("use"), curve: reader.string("crv"),
            keyBits: keyBits(node, kty: kty.value), privateMembers: privateMembers,
            publicFingerprint: publicPart.isEmpty ? nil : SecretMaterial.fingerprint(of: publicPart), secrets: secrets)
    }

    static func keyBits(_ node: DocumentNode, kty: String?) -> Int? {
        switch kty {
        case "RSA": return node["n"]?.scalar.flatMap(base64URLByteCount).map { significantBits(bytes: $0) }
        case "oct": return node["k"]?.scalar.flatMap(base64URLByteCount).map { $0 * 8 }
        case "EC", "OKP":
            switch node["crv"]?.scalar {
            case "P-256", "secp256k1", "Ed25519", "X25519": return 256
            case "P-384": return 384
            case "P-521": return 521
            case "Ed448", "X448": return 448
            default: return nil
            }
        default: return nil
        }
    }

    /// Byte length of base64url text (padding optional).
    static func base64URLByteCount(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: "= \n"))
        guard !trimmed.isEmpty else { return nil }
        return trimmed.count * 3 / 4
    }

    /// RSA moduli are often encoded with a leading zero byte; round to the usual sizes.
    static func significantBits(bytes: Int) -> Int {
        let bits = bytes * 8
        for size in [1024, 2048, 3072, 4096, 8192] where abs(bits - size) <= 8 { return size }
        return bits
    }
}
