import Foundation
import NHIAudit
import Testing

@Suite struct ReportsTextFormatTests {
    @Test(arguments: [
        ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-2", "'-2"), ("@x", "'@x"), ("\tx", "'\tx"),
        ("plain", "plain"), ("a=b", "a=b"),
    ])
    func csvCellsThatStartAFormulaGetALeadingQuote(_ cell: String, _ expected: String) throws {
        var document = try ReportEstate.evaluate()
        document.results[0].message = cell
        let rows = CSVReader.rows(String(decoding: try ReportEstate.render("csv", document), as: UTF8.self))
        let message = try #require(rows[0].firstIndex(of: "message"))
        #expect(rows[1][message] == expected)
    }

    @Test func csvQuotesCommasQuotesAndLineBreaksAsRFC4180Says() throws {
        var document = try ReportEstate.evaluate()
        document.results[0].message = "a, \"b\"\r\nline two\rend"
        let text = String(decoding: try ReportEstate.render("csv", document), as: UTF8.self)
        #expect(text.contains(#","a, ""b""\#r\#nline two\#rend","#))
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n\n"))
        let rows = CSVReader.rows(text)
        let message = try #require(rows[0].firstIndex(of: "message"))
        #expect(rows[1][message] == "a, \"b\"\r\nline two\rend")
        #expect(rows.count == document.results.count + 1)
    }

    @Test func markdownSummaryCountsLinksAndEscapes() throws {
        let document = try ReportEstate.evaluate()
        let text = String(decoding: try ReportEstate.render("md", document), as: UTF8.self)
        let failures = document.results.filter { $0.status == .fail }
        #expect(text.hasPrefix("## nhi-audit: \(failures.count) failures"))
        #expect(text.contains("| OWASP Non\\-Human Identities Top 10 | 10 |"))
        let failure = try #require(failures.first { $0.control == "ISS-TTL-001" })
        #expect(text.contains("(<\(failure.location.file)#L\(failure.location.line)>)"))
        let unescaped = text.replacingOccurrences(of: "\\<", with: "")
        #expect(!unescaped.contains("<img") && !unescaped.contains("</script>"))
        #expect(text.contains("\\<img src=x onerror=alert\\(1\\)\\>"))
        #expect(text.contains("### Inputs not fully assessed") && text.contains("estate/broken.yaml (not-assessed)"))
    }

    @Test func markdownListsAtMostTenFailuresMostSevereFirst() throws {
        var document = try ReportEstate.evaluate()
        let failure = try #require(document.results.first { $0.status == .fail && $0.severity == .high })
        document.results = (0..<12).map { index in
            var copy = failure
            copy.id = String(format: "%020d", index)
            copy.severity = index == 11 ? .critical : .high
            copy.message = "failure number \(index)"
            return copy
        }
        let text = String(decoding: try ReportEstate.render("md", document), as: UTF8.self)
        #expect(text.contains("### Top failures (10 of 12)"))
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| critical") || $0.hasPrefix("| high") }
        #expect(rows.count == 10)
        #expect(rows.first?.contains("failure number 11") == true)
        #expect(!text.contains("failure number 10 |"))
    }
}
