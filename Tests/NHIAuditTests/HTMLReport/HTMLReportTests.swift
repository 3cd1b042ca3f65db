import Foundation
import NHIAudit
import Testing

/// The HTML report's bytes: deterministic, escaped, honest about coverage. Browser behaviour is in
/// `HTMLReportBrowserTests`.
@Suite struct HTMLReportTests {
    @Test func theSameDocumentGivesTheSameBytes() throws {
        let first = try HTMLReportFixtures.render(HTMLReportFixtures.estate)
        let second = try HTMLReportFixtures.render(HTMLReportFixtures.estate)
        #expect(first == second)
        #expect(ReportFormats.renderer(named: "html")?.fileName == "report.html")
    }

    /// The scope sentence names one of a thing in the singular ("1 file not fully assessed", not "1 files").
    @Test func theScopeLineCountsInTheSingularForOne() throws {
        let document = Harness.evaluate(files: [
            ("one/bad.yaml", "apiVersion: nhi-audit/v1\nkind: Verifier\nmetadata: {name: x\n"),
        ])
        let html = String(decoding: try HTMLReportFixtures.render(document), as: UTF8.self)
        // One INP-001 result, no entity: singular for one, plural for none.
        #expect(html.contains("1 result on 0 entities read from 1 file; <a href=\"#inventory\">1 file not fully assessed</a>"))
    }

    @Test func hostileValuesNeverBecomeMarkupOrLinks() throws {
        let document = HTMLReportFixtures.hostile
        let html = String(decoding: try HTMLReportFixtures.render(document), as: UTF8.self)
        #expect(!html.contains("<img"))
        #expect(!html.contains("<svg onload"))
        #expect(!html.contains("<b>bold"))
        #expect(html.components(separatedBy: "<script").count - 1 == 2, "only the data block and the report script")
        #expect(html.components(separatedBy: "</script>").count - 1 == 2)
        for href in html.components(separatedBy: "href=\"").dropFirst() {
            #expect(href.hasPrefix("#"), "link to \(href.prefix(40))")
        }
        #expect(html.contains("x&lt;img src=x onerror=window.__pwned=1&gt;"), "the hostile name is shown as text")

        let block = try #require(Self.dataBlock(html))
        #expect(!block.contains("\u{2028}") && block.contains("\\u2028"), "U+2028 is escaped inside the script element")
        let data = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        let entities = (data["results"] as? [[String: Any]] ?? []).compactMap { $0["entity"] as? String }
        #expect(entities.contains("issuer/x<img src=x onerror=window.__pwned=1>"), "the data block keeps the exact value")
        #expect((data["results"] as? [Any])?.count == document.results.count)
    }

    @Test func requirementsWithoutControlsNeedManualEvidenceAndNeverPass() throws {
        let document = HTMLReportFixtures.estate
        let html = String(decoding: try HTMLReportFixtures.render(document), as: UTF8.self)
        let manual = document.coverage.values.joined().filter { $0.status == .manual }.count
        let passing = document.coverage.values.joined().filter { $0.status == .pass }.count
        #expect(manual > 0)
        #expect(html.components(separatedBy: "class=\"badge cov-manual\">Manual evidence needed<").count - 1 == manual)
        #expect(html.components(separatedBy: "class=\"badge cov-pass\">Pass<").count - 1 == passing)
        for function in ["GOVERN", "IDENTIFY", "PROTECT", "DETECT", "RESPOND", "RECOVER"] {
            #expect(html.contains("<h3 class=\"function\">\(function) "), "CSF function \(function)")
        }
        #expect(html.contains("<span class=\"mono\">PR.AA</span> Identity Management, Authentication, and Access Control"))
    }

    @Test func theTrustGraphLinksVerifiersToTheIssuersTheyTrust() throws {
        let document = HTMLReportFixtures.estate
        let graph = try #require(document.trustGraph)
        let edges = Set(graph.edges.map { "\($0.verifier) -> \($0.issuer)" })
        #expect(
            edges == [
                "verifier/payments-api -> issuer/workload-sts", "verifier/build-gateway -> issuer/legacy-ci-issuer",
                "verifier/build-gateway -> issuer/workload-sts",
                "verifier/build-gateway -> external/https://login.vendor.example.net",
                "verifier/partner-gateway -> issuer/partner-federation",
            ])
        let failing = Set(document.results.filter { $0.status == .fail }.map(\.entity.description))
        for edge in graph.edges { #expect(edge.verifierFails == failing.contains(edge.verifier)) }
        let html = String(decoding: try HTMLReportFixtures.render(document), as: UTF8.self)
        #expect(html.contains("<text x=\"702\" y=\""), "issuer column drawn")
        #expect(html.contains("not in the estate"))
    }

    @Test func anEditedTemplateIsTheOneRendered() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: Repository.templates, to: copy)
        let template = copy.appendingPathComponent("report.html.mustache")
        let text = try String(contentsOf: template, encoding: .utf8)
            .replacingOccurrences(of: "<h2>Executive summary</h2>", with: "<h2>Summary for {{> audience}}</h2>")
        try text.write(to: template, atomically: true, encoding: .utf8)
        try "the audit committee".write(to: copy.appendingPathComponent("audience.mustache"), atomically: true, encoding: .utf8)
        let html = String(decoding: try HTMLReportFixtures.render(HTMLReportFixtures.estate, templates: copy), as: UTF8.self)
        #expect(html.contains("<h2>Summary for the audit committee</h2>"))
    }

    @Test func documentsWithoutTheNewSectionsStillDecodeAndRender() throws {
        let encoded = try JSONEncoder().encode(HTMLReportFixtures.estate)
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        object["trustGraph"] = nil
        var catalog = try #require(object["catalog"] as? [String: Any])
        catalog["frameworks"] = (catalog["frameworks"] as? [[String: Any]])?.map { $0.filter { $0.key != "groups" } }
        object["catalog"] = catalog
        let older = try JSONDecoder().decode(ResultDocument.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(older.trustGraph == nil)
        let html = String(decoding: try HTMLReportFixtures.render(older), as: UTF8.self)
        #expect(html.contains("No issuers or verifiers were read, so there is no trust graph."))
        #expect(html.contains("PR.AA-04"))
    }

    /// Beyond the row limit the table lists findings first, counts the rest, and says so on the page.
    @Test func aLargeEstateListsFindingsFirstAndCountsTheRest() throws {
        let document = HTMLReportFixtures.large(count: 500)
        let renderer = HTMLReportRenderer(rowLimit: 250)
        let html = String(decoding: try renderer.render(document, resources: ReportResources(templates: Repository.templates)), as: UTF8.self)
        let block = try #require(Self.dataBlock(html))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        let statuses = (data["results"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String }
        #expect(statuses.count == 250)
        #expect(document.results.filter { $0.status.isFinding }.count == 200)
        #expect(statuses.filter { $0 == "fail" || $0 == "waived" }.count == 200, "every finding is listed")
        #expect(statuses.filter { $0 == "indeterminate" }.count == 50, "indeterminate results fill the rest before passes")
        let omitted = try #require(data["omitted"] as? [String: Int])
        #expect(omitted == ["indeterminate": 50, "pass": 100, "not-applicable": 100])
        #expect(html.contains("the table lists 250 of 500 results"))
        #expect(html.contains("The other 250 are counted"))
        let small = String(decoding: try HTMLReportFixtures.render(HTMLReportFixtures.estate), as: UTF8.self)
        #expect(!small.contains("The other"), "no note when everything is listed")
    }

    static func dataBlock(_ html: String) -> String? {
        let open = "<script type=\"application/json\" id=\"report-data\">"
        guard let start = html.range(of: open), let end = html.range(of: "</script>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func withoutHistoryTheTrendIsAOneLineNote() throws {
        let html = String(decoding: try HTMLReportFixtures.render(HTMLReportFixtures.estate), as: UTF8.self)
        #expect(!html.contains(#"class="trend-chart""#))
        #expect(html.contains("No trend: this run was not recorded in a history database"))
        #expect(!html.contains("Run digest"))
    }

    @Test func withHistoryTheTrendBaselineAndRunDigestAreShownEscaped() throws {
        var document = try HistoryReportFixtures.document()
        document.baseline?.source = "<b>bold</b>.json"
        let html = String(decoding: try HTMLReportFixtures.render(document), as: UTF8.self)
        #expect(html.components(separatedBy: "<g class=\"run").count - 1 == 3)
        #expect(html.contains("<g class=\"run current\">"))
        #expect(!html.contains("No trend:"))
        #expect(html.contains(try #require(document.runDigest)))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt;.json") && !html.contains("<b>bold"))
        #expect(html.contains("waiver-expired"))
        #expect(try HTMLReportFixtures.render(document) == (try HTMLReportFixtures.render(document)))
    }
}
