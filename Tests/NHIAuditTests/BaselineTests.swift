import Foundation
import NHIAudit
import Testing

@Suite struct BaselineTests {
    @Test func onlyFindingsOutsideTheBaselineAreNewDebt() throws {
        let old = HistoryFixtures.document([("a.yaml", HistoryFixtures.issuer("old", defaultTTL: "12h"))])
        let baseline = Baseline(document: old, source: "report.json")
        var now = HistoryFixtures.document([
            ("a.yaml", HistoryFixtures.issuer("old", defaultTTL: "12h", extraLines: 2)), ("b.yaml", HistoryFixtures.issuer("new", defaultTTL: "12h")),
        ])
        baseline.apply(to: &now)
        let ttl = now.results.filter { $0.control == "ISS-TTL-001" }
        #expect(ttl.first { $0.entity.name == "old" }?.inBaseline == true)
        #expect(ttl.first { $0.entity.name == "new" }?.inBaseline == false)
        #expect(now.baseline?.newFindings == now.results.filter { $0.status == .fail && $0.inBaseline == false }.count)
        #expect(now.summary.byStatus["fail"] == now.results.filter { $0.status == .fail }.count, "the report keeps the full picture")
    }

    @Test func loadsItsOwnFileAndAReportJSON() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let document = HistoryFixtures.document([("a.yaml", HistoryFixtures.issuer("old", defaultTTL: "12h"))])
        let encoder = JSONEncoder()
        let report = folder.appendingPathComponent("report.json")
        try encoder.encode(document).write(to: report)
        let fromReport = try Baseline.load(report.path)
        #expect(fromReport.findings.map(\.id).sorted() == document.results.filter { $0.status == .fail }.map(\.id).sorted())
        let file = folder.appendingPathComponent("baseline.json")
        try fromReport.encoded().write(to: file)
        #expect(try Baseline.load(file.path).findings == fromReport.findings)
        try Data("{}".utf8).write(to: file)
        #expect(throws: Baseline.LoadError.self) { try Baseline.load(file.path) }
    }
}
