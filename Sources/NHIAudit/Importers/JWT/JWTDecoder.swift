import Foundation

/// Decodes a compact JWS into a `TokenSample` (RFC 7515 section 7.1, RFC 7519 section 7.2 steps 1-8, without
/// signature validation). Every field points at the token's position; paths are `header.alg`, `claims.exp`.
enum JWTDecoder {
    static func decode(_ token: Substring, at location: SourceLocation) -> Result<TokenSample, ReadError> {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard let header = object(segments[0]) else {
            return .failure(ReadError("the JWT header is not base64url-encoded JSON; the token is not assessed"))
        }
        guard let claims = object(segments[1]) else {
            return .failure(ReadError("the JWT payload is not base64url-encoded JSON (encrypted or nested?); the token is not assessed"))
        }
        let fields = Fields(location: location)
        let name = "\(location.file):\(location.line)"
        let secret = SecretMaterial(kind: "bearer token (JWT)", value: String(token), path: "token", location: location)
        return .success(TokenSample(
            metadata: .unowned(name: name, format: "jwt", at: location),
            header: .init(
                alg: fields.string(header, "alg", "header"), typ: fields.string(header, "typ", "header"),
                kid: fields.string(header, "kid", "header"), jku: fields.string(header, "jku", "header"),
                x5u: fields.string(header, "x5u", "header"), jwk: fields.present(header, "jwk", "header")),
            claims: .init(
                iss: fields.string(claims, "iss", "claims"), sub: fields.string(claims, "sub", "claims"),
                aud: fields.audience(claims), exp: fields.number(claims, "exp"), iat: fields.number(claims, "iat"),
                nbf: fields.number(claims, "nbf"), jti: fields.string(claims, "jti", "claims"),
                cnf: fields.present(claims, "cnf", "claims")),
            signed: !segments[2].isEmpty, secrets: [secret]))
    }

    static func object(_ segment: Substring) -> [String: Any]? {
        var base64 = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    struct Fields {
        let location: SourceLocation

        func string(_ object: [String: Any], _ key: String, _ part: String) -> Field<String> {
            let path = "\(part).\(key)"
            guard let value = object[key], !(value is NSNull) else { return .absent(path, at: location) }
            guard let text = value as? String else {
                return Field(.invalid("expected a string"), path: path, location: location, display: "\(value)")
            }
            return .known(text, path: path, at: location)
        }

        /// Object-valued members (`jwk`, `cnf`): their member names, never their values.
        func present(_ object: [String: Any], _ key: String, _ part: String) -> Field<String> {
            let path = "\(part).\(key)"
            guard let value = object[key], !(value is NSNull) else { return .absent(path, at: location) }
            let members = (value as? [String: Any]).map { "{" + $0.keys.sorted().joined(separator: ", ") + "}" } ?? "present"
            return .known(members, path: path, at: location)
        }

        /// NumericDate (RFC 7519 section 2): seconds since the epoch, possibly fractional.
        func number(_ object: [String: Any], _ key: String) -> Field<Int> {
            let path = "claims.\(key)"
            guard let value = object[key], !(value is NSNull) else { return .absent(path, at: location) }
            guard let number = value as? NSNumber, !(value is Bool), number.doubleValue.isFinite,
                abs(number.doubleValue) < 1e15
            else {
                return Field(.invalid("not a NumericDate"), path: path, location: location, display: "\(value)")
            }
            return .known(Int(number.doubleValue), path: path, at: location)
        }

        /// `aud` is a string or an array of strings (RFC 7519 section 4.1.3).
        func audience(_ object: [String: Any]) -> ListField {
            let path = "claims.aud"
            guard let value = object["aud"], !(value is NSNull) else { return .absent(path, at: location) }
            let items: [String]
            if let text = value as? String { items = [text] } else if let list = value as? [String] { items = list } else {
                return Field(.invalid("expected a string or an array of strings"), path: path, location: location)
            }
            let fields = items.enumerated().map { Field<String>.known($1, path: "\(path)[\($0)]", at: location) }
            return Field(.known(fields), path: path, location: location, display: "[" + items.joined(separator: ", ") + "]")
        }
    }
}
