import Foundation
import NHIAudit
import Testing

@Suite struct FastJSONTests {
    @Test func reportJSONRoundTripsThroughFoundationsDecoder() throws {
        let document = Harness.evaluate(
            """
            apiVersion: nhi-audit/v1
            kind: Issuer
            metadata: {name: "quote \\" back\\\\slash \\t tab / slash é ☃"}
            spec: {tokens: {defaultTTL: 12h}, signing: {secret: "not-a-real-secret-123"}}
            """)
        let data = try JSONReportRenderer().render(document, resources: ReportResources(templates: Repository.templates))
        let decoded = try JSONDecoder().decode(ResultDocument.self, from: data)
        #expect(decoded.results.count == document.results.count)
        #expect(decoded.results.map(\.entity.name).contains("quote \" back\\slash \t tab / slash é ☃"))
        let again = try JSONReportRenderer().render(decoded, resources: ReportResources(templates: Repository.templates))
        #expect(again == data)
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
    }

    @Test func fixedWidthIntegersAndDoublesEncode() throws {
        struct Sample: Encodable {
            var big: Int64 = 9_000_000_000
            var small: UInt8 = 7
            var ratio: Double = 9.5
            var list: [Int32] = [1, 2]
            var nothing: String? = nil
        }
        let text = String(decoding: try JSONReportRenderer.encodeForTesting(Sample()), as: UTF8.self)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["big"] as? Int == 9_000_000_000)
        #expect(object["small"] as? Int == 7)
        #expect(object["ratio"] as? Double == 9.5)
        #expect(object["list"] as? [Int] == [1, 2])
        #expect(object["nothing"] == nil)
    }
}
