import Foundation
import FoundationXML
import NHIAudit
import Testing

/// The formats of one run must tell the same story: counts by (control, status), no secret, escaped input.
@Suite struct ReportsAgreementTests {
    static let formats = ["json", "xml", "sarif", "junit", "csv", "oscal"]

    /// The plain report estate, and the same estate on its third recorded night (history, baseline, a waived
    /// result and a failure under an expired waiver).
    static func documents() throws -> [(name: String, document: ResultDocument)] {
        [("plain", try ReportEstate.evaluate()), ("history", try HistoryReportFixtures.document())]
    }

    @Test(arguments: ["plain", "history"])
    func countsByControlAndStatusAgreeAcrossFormats(_ variant: String) throws {
        let document = try #require(try Self.documents().first { $0.name == variant }?.document)
        let statuses = Set(document.results.map(\.status))
        #expect(statuses.isSuperset(of: [.pass, .fail, .indeterminate]), "the estate should give every verdict")
        #expect(document.results.contains { $0.control.hasPrefix("INP-") })
        if variant == "history" {
            #expect(document.results.contains { $0.status == .waived && $0.waiver?.expired == false })
            #expect(document.results.contains { $0.status == .fail && $0.waiver?.expired == true })
            #expect(document.results.contains { $0.control == "WAIVER-001" && $0.status == .fail })
            #expect(document.results.contains { $0.isNew == true } && document.history != nil)
        }
        let expected = document.results.map { StatusCount(control: $0.control, status: $0.status.rawValue) }.tally
        for format in Self.formats {
            let counts = try Self.counts(format, try ReportEstate.render(format, document))
            #expect(counts.tally == expected, "\(format) disagrees: \(counts.tally.sorted { $0.key < $1.key })")
        }
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        try Self.expectIdenticalBytes(try ReportEstate.evaluate(), try ReportEstate.evaluate())
    }

    /// Two separate history databases fed the same nights give the same bytes in every format.
    @Test func renderingTwiceWithHistoryGivesIdenticalBytes() throws {
        try Self.expectIdenticalBytes(try HistoryReportFixtures.document(), try HistoryReportFixtures.document())
    }

    static func expectIdenticalBytes(_ first: ResultDocument, _ second: ResultDocument) throws {
        for renderer in ReportFormats.all {
            let resources = ReportResources(templates: Repository.templates)
            #expect(
                try renderer.render(first, resources: resources) == (try renderer.render(second, resources: resources)),
                "\(renderer.format) is not deterministic")
        }
    }

    @Test func theCanarySecretAppearsInNoFormat() throws {
        for (name, document) in try Self.documents() {
            #expect(document.results.contains { $0.entity.name == ReportEstate.hostileName })
            for renderer in ReportFormats.all {
                let data = try renderer.render(document, resources: ReportResources(templates: Repository.templates))
                #expect(!String(decoding: data, as: UTF8.self).contains("CANARY-"), "\(name) \(renderer.fileName) leaks the canary")
            }
        }
    }

    @Test func hostileValuesAreEscapedInXMLAndNeutralisedInCSV() throws {
        let document = try ReportEstate.evaluate()
        for format in ["xml", "junit"] {
            let text = String(decoding: try ReportEstate.render(format, document), as: UTF8.self)
            #expect(!text.contains("<img") && !text.contains("</script>"), "\(format) carries raw markup")
            let xml = try XMLDocument(data: Data(text.utf8))
            #expect(xml.rootElement() != nil)
            #expect(text.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"))
        }
        let xml = try XMLDocument(data: try ReportEstate.render("xml", document))
        let names = try xml.nodes(forXPath: "//*[local-name()='result']/*[local-name()='entity']/@name")
            .compactMap(\.stringValue)
        #expect(names.contains(ReportEstate.hostileName), "the hostile name should survive escaping unchanged")

        let rows = CSVReader.rows(String(decoding: try ReportEstate.render("csv", document), as: UTF8.self))
        #expect(rows.count == document.results.count + 1)
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        for cell in rows.joined() {
            #expect(!["=", "+", "-", "@", "\t", "\r"].contains { cell.hasPrefix($0) }, "formula cell: \(cell)")
        }
        let names2 = rows.dropFirst().map { $0[6] }
        #expect(names2.contains("'" + ReportEstate.formulaName))
        #expect(names2.contains(ReportEstate.hostileName))
    }

    // MARK: - Reading each format back

    static func counts(_ format: String, _ data: Data) throws -> [StatusCount] {
        switch format {
        case "json":
            let document = try JSONDecoder().decode(ResultDocument.self, from: data)
            return document.results.map { StatusCount(control: $0.control, status: $0.status.rawValue) }
        case "xml":
            let xml = try XMLDocument(data: data)
            return try xml.nodes(forXPath: "//*[local-name()='results']/*[local-name()='result']").compactMap { node in
                guard let element = node as? XMLElement else { return nil }
                func value(_ name: String) -> String {
                    element.attributes?.first { $0.localName == name }?.stringValue ?? ""
                }
                return StatusCount(control: value("control"), status: value("status"))
            }
        case "sarif": return try sarifCounts(data)
        case "junit": return try junitCounts(data)
        case "csv":
            let rows = CSVReader.rows(String(decoding: data, as: UTF8.self))
            let header = try #require(rows.first)
            let control = try #require(header.firstIndex(of: "control"))
            let status = try #require(header.firstIndex(of: "status"))
            return rows.dropFirst().map { StatusCount(control: $0[control], status: $0[status]) }
        case "oscal": return try oscalCounts(data)
        default: throw ReportError("no reader for \(format)")
        }
    }

    static func sarifCounts(_ data: Data) throws -> [StatusCount] {
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let listed = (run["results"] as? [[String: Any]] ?? []).map { result in
            StatusCount(
                control: result["ruleId"] as? String ?? "",
                status: (result["properties"] as? [String: Any])?["status"] as? String ?? "")
        }
        let bag = (run["properties"] as? [String: Any])?["nhiAudit"] as? [String: Any]
        let notListed = (bag?["resultsNotListed"] as? [[String: Any]] ?? []).map {
            StatusCount(control: $0["ruleId"] as? String ?? "", status: $0["status"] as? String ?? "")
        }
        return listed + notListed
    }

    static func junitCounts(_ data: Data) throws -> [StatusCount] {
        let xml = try XMLDocument(data: data)
        return try xml.nodes(forXPath: "//testcase").compactMap { node in
            guard let testcase = node as? XMLElement else { return nil }
            let child = testcase.children?.compactMap { $0 as? XMLElement }.first
            let waived = child?.attribute(forName: "message")?.stringValue?.hasPrefix("waived: ") == true
            let status =
                switch child?.name {
                case "failure": "fail"
                case "error": "indeterminate"
                case "skipped": waived ? "waived" : "not-applicable"
                default: "pass"
                }
            return StatusCount(control: testcase.attribute(forName: "classname")?.stringValue ?? "", status: status)
        }
    }

    static func oscalCounts(_ data: Data) throws -> [StatusCount] {
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = try #require((root["assessment-results"] as? [String: Any])?["results"] as? [[String: Any]])
        return (results.first?["observations"] as? [[String: Any]] ?? []).map { observation in
            let props = observation["props"] as? [[String: Any]] ?? []
            func value(_ name: String) -> String {
                props.first { $0["name"] as? String == name }?["value"] as? String ?? ""
            }
            return StatusCount(control: value("control"), status: value("status"))
        }
    }
}
