@testable import NHIAudit
import Testing

/// `ResultDocument.Result` is a copy-on-write box that keeps a lone evidence item at the result's location
/// without an array: neither may be visible from outside.
@Suite struct ResultRecordTests {
    static func result(evidence: [Evidence]) -> ResultDocument.Result {
        ResultDocument.Result(
            id: "0123456789abcdef0123", control: "VER-AUD-001", title: "t", status: .pass, severity: .high,
            entity: EntityRef(kind: .verifier, name: "v"),
            location: .init(file: "a.yaml", line: 3, column: 5, field: "spec.audiences"), message: "m",
            evidence: evidence, frameworks: [:], policy: nil)
    }

    static let atLocation = Evidence(
        at: SourceLocation(file: "a.yaml", line: 3, column: 5), field: "spec.audiences", value: "[x]", note: "n")
    static let elsewhere = Evidence(at: SourceLocation(file: "b.yaml", line: 9, column: 1), field: "spec.issuer")

    @Test func evidenceReadsBackAsWritten() {
        // Every shape the record keeps without an array (no value nor note, a value, a note) and with one.
        let place = SourceLocation(file: "a.yaml", line: 3, column: 5)
        let lone = [
            Evidence(at: place, field: "spec.audiences"), Evidence(at: place, field: "spec.audiences", value: "[x]"),
            Evidence(at: place, field: "spec.audiences", note: "n"), Self.atLocation,
        ]
        for evidence in [[], [Self.elsewhere], [Self.atLocation, Self.elsewhere]] + lone.map({ [$0] }) {
            #expect(Self.result(evidence: evidence).evidence == evidence)
        }
    }

    @Test func movingTheLocationLeavesTheEvidenceWhereItWas() {
        var result = Self.result(evidence: [Self.atLocation])
        result.location = .init(file: "c.yaml", line: 1, column: 1, field: "spec")
        #expect(result.evidence == [Self.atLocation])
        #expect(result.location.file == "c.yaml")
    }

    @Test func aCopyIsUnchangedByChangesToTheOriginal() {
        var original = Self.result(evidence: [Self.atLocation])
        let copy = original
        original.message = "changed"
        original.status = .fail
        original.evidence = [Self.elsewhere]
        original.id = "ffffffffffffffffffff"
        #expect(copy.message == "m")
        #expect(copy.status == .pass)
        #expect(copy.evidence == [Self.atLocation])
        #expect(copy.id == "0123456789abcdef0123")
        #expect(original.id == "ffffffffffffffffffff")
    }

    @Test func anIdThatIsNotTwentyHexDigitsIsKeptAsText() {
        var result = Self.result(evidence: [])
        for id in ["not-hex", "0123456789ABCDEF0123", "0123", ""] {
            result.id = id
            #expect(result.id == id)
        }
    }
}
