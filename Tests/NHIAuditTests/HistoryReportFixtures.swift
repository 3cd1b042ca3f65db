import Foundation
import NHIAudit

/// The report estate (`ReportEstate`) as a nightly run sees it on its third recorded night: two ISS-TTL-001
/// failures carried over, one new, one waived (unexpired), one under an expired waiver (a failure again, plus
/// WAIVER-001), compared against a baseline taken from the first night. Recorded with the real `HistoryStore`
/// in a temporary database, so `history`, `firstSeen` and `isNew` are what a scan would write.
enum HistoryReportFixtures {
    static let legacy = HistoryFixtures.issuer("legacy-billing", defaultTTL: "12h") + "\n---\n"
        + HistoryFixtures.issuer("batch-old", defaultTTL: "10h")
    static let fresh = HistoryFixtures.issuer("fresh-sts", defaultTTL: "6h")
    /// Holds until 2026-12-31 (the third night is 2026-11-20); the second expired on 2026-11-10.
    static let waivers = HistoryFixtures.waiver("legacy-billing-ttl", control: "ISS-TTL-001", entity: "legacy-billing", expires: "2026-12-31")
        + "---\n" + HistoryFixtures.waiver("batch-ttl", control: "ISS-TTL-001", entity: "batch-old", expires: "2026-11-10")

    static func document() throws -> ResultDocument {
        let base = try estateFiles() + [("estate/legacy.yaml", legacy)]
        let folder = try HistoryFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try HistoryStore.open(at: folder.appendingPathComponent("history.sqlite").path)
        var first = HistoryFixtures.document(base, day: 0)
        try store.record(&first, paths: ["estate"])
        var second = HistoryFixtures.document(base, day: 1)
        try store.record(&second, paths: ["estate"])
        var third = HistoryFixtures.document(
            base + [("estate/fresh.yaml", fresh), ("estate/waivers.yaml", waivers)], day: 2)
        third.runDigest = try RunDigest.compute(inputDigest: third.inputDigest, mappings: Repository.mappings, waivers: [])
        try store.record(&third, paths: ["estate"])
        Baseline(document: first, source: "nightly/baseline.json").apply(to: &third)
        return third
    }

    static func estateFiles() throws -> [(String, String)] {
        try FileManager.default.contentsOfDirectory(atPath: ReportEstate.folder.path).sorted().map { name in
            ("estate/\(name)", try String(contentsOf: ReportEstate.folder.appendingPathComponent(name), encoding: .utf8))
        }
    }
}
