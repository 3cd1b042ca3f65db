import Foundation
import NHIAudit
import Testing

@Suite struct RunDiffTests {
    /// Two recorded runs whose differences hit every category once.
    @Test func everyCategory() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let store = try HistoryStore.open(at: folder.appendingPathComponent("h.sqlite").path)
        let waiver = HistoryFixtures.waiver("accepted", control: "ISS-TTL-001", entity: "accepted-sts", expires: "2026-11-25")
        var first = HistoryFixtures.document([
            ("i.yaml", [
                HistoryFixtures.issuer("kept-sts", defaultTTL: "12h"), HistoryFixtures.issuer("fixed-sts", defaultTTL: "12h"),
                HistoryFixtures.issuer("broken-sts", defaultTTL: "30m"), HistoryFixtures.issuer("accepted-sts", defaultTTL: "12h"),
            ].joined(separator: "\n---\n")),
            ("v.yaml", HistoryFixtures.verifier("gw", clockSkew: "2m")), ("w.yaml", waiver),
        ])
        try store.record(&first, paths: ["."])
        var second = HistoryFixtures.document([
            ("i.yaml", [
                HistoryFixtures.issuer("kept-sts", defaultTTL: "12h"), HistoryFixtures.issuer("fixed-sts", defaultTTL: "30m"),
                HistoryFixtures.issuer("broken-sts", defaultTTL: "12h"), HistoryFixtures.issuer("accepted-sts", defaultTTL: "12h"),
                HistoryFixtures.issuer("added-sts", defaultTTL: "12h"),
            ].joined(separator: "\n---\n")),
            ("v.yaml", HistoryFixtures.verifier("gw", clockSkew: "10m")), ("w.yaml", waiver),
        ], day: 10)
        try store.record(&second, paths: ["."])
        let runs = try store.runs()
        let diff = RunDiff(from: runs[1], to: runs[0], old: try store.results(of: 1), new: try store.results(of: 2))
        func category(_ control: String, _ entity: String) -> RunDiff.Category? {
            diff.entries.first { $0.control == control && $0.entity.name == entity }?.category
        }
        #expect(category("ISS-TTL-001", "added-sts") == .new)
        #expect(category("ISS-TTL-001", "broken-sts") == .regressed)
        #expect(category("VER-SKEW-001", "gw") == .regressed, "severity rose from low to medium")
        #expect(category("ISS-TTL-001", "accepted-sts") == .waiverExpired)
        #expect(category("ISS-TTL-001", "fixed-sts") == .resolved)
        #expect(category("ISS-TTL-001", "kept-sts") == .stillFailing)
        for name in RunDiff.Category.allCases.map(\.rawValue) { #expect((diff.counts[name] ?? 0) > 0, "\(name) is empty") }
        #expect(!diff.sameEstate)
        let markdown = RunDiffRenderer.markdown(diff)
        #expect(markdown.contains("## waiver-expired (1)"))
        let json = try JSONSerialization.jsonObject(with: Data(try RunDiffRenderer.json(diff).utf8)) as? [String: Any]
        #expect((json?["entries"] as? [Any])?.count == diff.entries.count)
    }
}
