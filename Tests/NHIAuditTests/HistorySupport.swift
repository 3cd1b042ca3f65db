import Foundation
import NHIAudit

/// Temporary folders and small estates for the history, waiver and nightly tests.
enum HistoryFixtures {
    static let folder = Repository.root.appendingPathComponent("Tests/Fixtures/history")
    static let estate = folder.appendingPathComponent("estate")
    static let waivers = folder.appendingPathComponent("waivers.yaml")
    /// 2026-11-18, the harness date; the fixture waiver expires 2026-12-31.
    static let day: Int = 1_795_000_000

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// An issuer sound in every respect but `defaultTTL`, so ISS-TTL-001 is the only control it can fail.
    static func issuer(_ name: String, defaultTTL: String, extraLines: Int = 0) -> String {
        String(repeating: "# padding\n", count: extraLines) + """
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: \(name), owner: team-a, environment: prod, lastReviewed: 2026-11-01}
            spec:
              issuer: https://\(name).example.com
              jwksUri: https://\(name).example.com/jwks
              signing: {algorithm: ES256, keyType: EC, keySize: 256, keyStorage: kms, rotationPeriod: 30d, keyCreated: 2026-11-01}
              revocation: {method: denylist}
              logging: {issuance: true, includesTokenValues: false}
              tokens:
                maxTTL: 24h
                audiences: [\(name)-api]
                includesJti: true
                defaultTTL: \(defaultTTL)
            """
    }

    static func verifier(_ name: String, clockSkew: String) -> String {
        """
        apiVersion: nhi-audit/v1
        kind: Verifier
        metadata: {name: \(name), owner: team-a, environment: prod}
        spec:
          clockSkew: \(clockSkew)
        """
    }

    static func waiver(_ name: String, control: String, entity: String, expires: String, omit: String? = nil) -> String {
        let fields = [
            ("control", control), ("justification", "vendor SDK cannot refresh tokens"), ("owner", "team-a"),
            ("approvedBy", "ciso"), ("ticket", "SEC-1"), ("expires", expires),
        ].filter { $0.0 != omit }
        return """
            apiVersion: nhi-audit/v1
            kind: Waiver
            metadata: {name: \(name)}
            spec:
              selector: {entity: "\(entity)"}

            """ + fields.map { "  \($0.0): \($0.1)" }.joined(separator: "\n") + "\n"
    }

    static func document(_ files: [(String, String)], day offset: Int = 0) -> ResultDocument {
        Harness.evaluate(files: files, clock: ReportClock(epochSeconds: day + offset * 86_400))
    }
}
