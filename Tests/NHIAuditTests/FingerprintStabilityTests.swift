import NHIAudit
import Testing

@Suite struct FingerprintStabilityTests {
    @Test func shiftingLinesKeepsEveryResultID() {
        let files = [("issuers.yaml", HistoryFixtures.issuer("sts", defaultTTL: "12h")), ("verifiers.yaml", HistoryFixtures.verifier("gw", clockSkew: "10m"))]
        let shifted = [("issuers.yaml", HistoryFixtures.issuer("sts", defaultTTL: "12h", extraLines: 7)), files[1]]
        let before = HistoryFixtures.document(files)
        let after = HistoryFixtures.document(shifted)
        let ttlBefore = before.results.first { $0.control == "ISS-TTL-001" }
        let ttlAfter = after.results.first { $0.control == "ISS-TTL-001" }
        #expect(ttlBefore?.status == .fail)
        #expect(ttlAfter.map(\.location.line) == ttlBefore.map { $0.location.line + 7 })
        #expect(ttlAfter?.id == ttlBefore?.id)
        #expect(Set(after.results.map(\.id)) == Set(before.results.map(\.id)))
    }

    @Test func differentEntityOrFieldChangesTheID() {
        let one = HistoryFixtures.document([("a.yaml", HistoryFixtures.issuer("sts", defaultTTL: "12h"))])
        let other = HistoryFixtures.document([("a.yaml", HistoryFixtures.issuer("sts-2", defaultTTL: "12h"))])
        let id = { (document: ResultDocument) in document.results.first { $0.control == "ISS-TTL-001" }?.id }
        #expect(id(one) != nil)
        #expect(id(one) != id(other))
    }
}
