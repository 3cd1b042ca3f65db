import Foundation
import Testing

@testable import NHIAudit

/// The JSON, XML and HTML result writers cache what depends only on a result's shared `ControlFacts` (with its
/// status and severity) and write evidence at the result's own location without its array: results sharing
/// facts as the evaluator's do, under every status and severity, must still be written as the generic paths
/// write them.
@Suite struct SharedFactsWriterTests {
    /// Four facts objects (one control under two policies and none, and a hostile one), interleaved so that
    /// consecutive results change facts; evidence at the location bare, with a value, a note or both, elsewhere,
    /// several, none.
    static func results() throws -> [ResultDocument.Result] {
        let document = try HistoryReportFixtures.document()
        let template = try #require(document.results.first { $0.waiver != nil && !$0.frameworks.isEmpty })
        var strict = template
        strict.policy = "strict"
        var relaxed = strict
        relaxed.policy = #"relaxed &<"' </script>"#
        var none = strict
        none.policy = nil
        var hostile = strict
        hostile.control = #"CTL-<&"\ ]]>"#
        hostile.title = "</script> & \"é\" 🔐 ]]>\u{07}"
        hostile.frameworks = ["owasp-nhi-2025": ["NHI1", "<&>"]]
        let place = template.location
        let at = SourceLocation(file: place.file, line: place.line, column: place.column)
        let evidence: [[Evidence]] = [
            [Evidence(at: at, field: place.field)],
            [Evidence(at: at, field: place.field, value: #"v<&"\</script>"#)],
            [Evidence(at: at, field: place.field, note: "n</script>\u{2028}")],
            [Evidence(at: at, field: place.field, value: "v", note: "n")],
            [Evidence(at: at, field: place.field + "x", value: "v")],
            [Evidence(at: at, field: place.field), Evidence(at: at, field: place.field, value: "v")],
            [],
        ]
        var results: [ResultDocument.Result] = []
        for status in ResultStatus.allCases {
            for severity in Severity.allCases {
                for base in [strict, relaxed, none, hostile] {
                    var result = base
                    result.status = status
                    result.severity = severity
                    result.evidence = evidence[results.count % evidence.count]
                    if results.count % 3 == 0 { result.waiver = nil }
                    results.append(result)
                }
            }
        }
        return results
    }

    @Test func theResultsExerciseEachCachedPath() throws {
        let results = try Self.results()
        #expect(Set(results.map { ObjectIdentifier($0.facts) }).count == 4)
        #expect(Set(results.map { "\($0.control) \($0.policy ?? "-")" }).count == 4)
        #expect(Set(results.map { "\($0.status) \($0.severity)" }).count == ResultStatus.allCases.count * Severity.allCases.count)
        let sole = results.compactMap(\.soleEvidenceAtLocation)
        #expect(sole.contains { $0.value == nil && $0.note == nil })
        #expect(sole.contains { $0.value != nil } && sole.contains { $0.note != nil })
        #expect(results.contains { $0.soleEvidenceAtLocation == nil && $0.evidence.count == 1 })
    }

    @Test func jsonLinesAreTheGenericEncoding() throws {
        for (offset, lines) in try JSONReportRenderer.resultLinesForTesting(try Self.results()).enumerated() {
            #expect(lines.written == lines.generic, "result \(offset)")
        }
    }

    @Test func xmlIsWrittenAsLibxml2WritesIt() throws {
        var document = try HistoryReportFixtures.document()
        document.results = try Self.results()
        try XMLResultWriterTests.expectSameBytes(document, "shared facts")
    }

    @Test func htmlRowsAreTheGenericEncoding() throws {
        try HTMLRowWriterTests.expectRowsMatch(try Self.results())
    }

    /// Past its capacity the cache reuses its last slot: each facts object still gets its own entry back.
    @Test func aFullCacheStillAnswersForEachFacts() throws {
        let facts = (0..<6).map { ResultDocument.ControlFacts(control: "C\($0)", title: "", frameworks: [:], policy: nil) }
        var cache = FactsCache<String>(capacity: 3)
        for round in 0..<2 {
            for item in facts + facts.reversed() {
                let slot = cache.slot(of: item) { $0.control }
                #expect(cache[slot] == item.control, "round \(round)")
            }
        }
    }
}
