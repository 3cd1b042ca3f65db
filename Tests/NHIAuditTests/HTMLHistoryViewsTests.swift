import Foundation
import Testing

@testable import NHIAudit

/// The HTML report's history views count and list in one pass over the results: what they say must still be
/// what the results say (new failures only, waivers with their file and line).
@Suite struct HTMLHistoryViewsTests {
    @Test func newFailuresAndWaiversAreCountedAndListedFromTheResults() throws {
        var document = try HistoryReportFixtures.document()
        var newPass = try #require(document.results.first { $0.isNew == true && $0.status == .fail })
        newPass.status = .pass  // new but not failing: not counted
        document.results.append(newPass)
        let views = HTMLHistoryViews(document, limit: 100)
        let newFailures = document.results.filter { $0.isNew == true && $0.status == .fail }.count
        #expect(newFailures > 0 && views.newCount == newFailures)
        let waived = document.results.compactMap { result in
            result.waiver.map { "\(result.control) \(result.location.file):\(result.location.line) \($0.name)" }
        }
        #expect(!waived.isEmpty)
        #expect(views.waivers.map { "\($0.control) \($0.location) \($0.name)" }.sorted() == waived.sorted())
    }
}
