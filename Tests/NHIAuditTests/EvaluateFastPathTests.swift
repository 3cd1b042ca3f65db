import Foundation
@testable import NHIAudit
import Testing

/// The evaluate phase's shortcuts against the plain paths they replaced: the fingerprint hashed from a stack
/// buffer against SHA-256 over the joined text, a result built from its sole evidence against one built from an
/// array holding it, the flattening that moves records, the tallies counted before the sort, and the sort itself.
@Suite struct EvaluateFastPathTests {
    static let hostile = [
        "", "a", "sts", "ISS-TTL-001", "spec.tokens.maxTTL", "Grüße/東京", "emoji 🔐👩‍💻", "quote \" <&> ]]> </script>",
        "control\u{1}\u{1F}char", "e\u{301}", String(repeating: "long-name-", count: 30),
    ]

    @Test func fingerprintEqualsSHA256OverTheJoinedParts() {
        for kind in [EntityKind.issuer, .verifier] {
            for name in Self.hostile {
                for field in Self.hostile {
                    for discriminator in [nil, ""] + Self.hostile.prefix(3).map(Optional.some) {
                        let joined = ["VER-AUD-001", kind.rawValue, name, field, discriminator ?? ""]
                            .joined(separator: "\u{1F}")
                        let reference = String(Fingerprint.hex(Data(joined.utf8)).prefix(20))
                        let fingerprint = Fingerprint.of(
                            control: "VER-AUD-001", entity: EntityRef(kind: kind, name: name), field: field,
                            discriminator: discriminator)
                        #expect(fingerprint == reference, "\(kind) \(name) \(field) \(String(describing: discriminator))")
                    }
                }
            }
        }
    }

    @Test func aResultFromItsSoleEvidenceEqualsOneFromAnArray() {
        let place = SourceLocation(file: "a.yaml", line: 3, column: 5)
        let location = ResultDocument.Location(file: "a.yaml", line: 3, column: 5, field: "spec.audiences")
        let shapes = [
            Evidence(at: place, field: "spec.audiences"),
            Evidence(at: place, field: "spec.audiences", value: "[x]"),
            Evidence(at: place, field: "spec.audiences", note: "Istio default"),
            Evidence(at: place, field: "spec.audiences", value: "[x]", note: "n"),
            Evidence(at: SourceLocation(file: "b.yaml", line: 9, column: 1), field: "spec.issuer", value: "🔐"),
            Evidence(at: place, field: "spec.other"),
        ]
        let facts = ResultDocument.ControlFacts(control: "VER-AUD-001", title: "t", frameworks: [:], policy: nil)
        for evidence in shapes {
            let entity = EntityRef(kind: .verifier, name: "v")
            let id = Fingerprint.key(control: "VER-AUD-001", entity: entity, field: evidence.field, discriminator: nil)
            let sole = ResultDocument.Result(
                storedID: id, facts: facts, status: .pass, severity: .high, entity: entity, location: location,
                message: "m", soleEvidence: evidence)
            let array = ResultDocument.Result(
                storedID: id, facts: facts, status: .pass, severity: .high, entity: entity, location: location,
                message: "m", evidence: [evidence])
            #expect(sole.evidence == [evidence])
            #expect(sole.evidence == array.evidence)
            #expect(sole.location == array.location)
            #expect(sole.id == array.id)
            #expect(sole.waiver == nil && sole.firstSeen == nil && sole.isNew == nil && sole.inBaseline == nil)
        }
    }

    /// Results of three controls (one under two policies, so two shared facts), every status, failing
    /// severities, entities with several failures, files and lines out of order, hostile names.
    static func mixedResults() -> [ResultDocument.Result] {
        let facts = [
            ResultDocument.ControlFacts(control: "VER-AUD-001", title: "a", frameworks: [:], policy: nil),
            ResultDocument.ControlFacts(control: "VER-AUD-001", title: "a", frameworks: [:], policy: "prod"),
            ResultDocument.ControlFacts(control: "ISS-TTL-001", title: "b", frameworks: [:], policy: nil),
            ResultDocument.ControlFacts(control: "INP-001", title: "c", frameworks: [:], policy: nil),
        ]
        var results: [ResultDocument.Result] = []
        for index in 0..<400 {
            let entity = EntityRef(kind: index % 3 == 0 ? .issuer : .verifier, name: hostile[index % hostile.count])
            let location = ResultDocument.Location(
                file: ["b.yaml", "a.yaml", "dir/c.yaml", "Grüße.yaml"][index % 4], line: (index * 7) % 13 + 1,
                column: index % 3 + 1, field: "spec.f\(index % 5)")
            let fact = facts[(index / 3) % facts.count]
            results.append(
                ResultDocument.Result(
                    storedID: Fingerprint.key(
                        control: fact.control, entity: entity, field: location.field, discriminator: "\(index)"),
                    facts: fact, status: ResultStatus.allCases[index % ResultStatus.allCases.count],
                    severity: Severity.allCases[index % Severity.allCases.count], entity: entity, location: location,
                    message: "m\(index % 9)", evidence: []))
        }
        return results
    }

    @Test func flatteningMovesEveryRecordInOrder() {
        let results = Self.mixedResults()
        var chunks = [[], Array(results[0..<150]), [], Array(results[150..<151]), Array(results[151...]), []]
        let flat = Evaluator.flattened(consuming: &chunks)
        #expect(chunks.isEmpty)
        #expect(flat.map(\.id) == results.map(\.id))
        #expect(flat.map(\.message) == results.map(\.message))
    }

    @Test func talliesCountWhatTheResultsSay() {
        let results = Self.mixedResults()
        for order in [results, results.reversed(), results.shuffled()] {
            let tallies = ResultTallies(order)
            #expect(tallies.results == results.count)
            #expect(tallies.statusCounts == ResultStatus.allCases.map { status in results.filter { $0.status == status }.count })
            let failures = results.filter { $0.status == .fail }
            #expect(tallies.failureSeverityCounts == Severity.allCases.map { severity in failures.filter { $0.severity == severity }.count })
            for control in Set(results.map(\.control)) {
                #expect(
                    tallies.statusCountsByControl[control]
                        == ResultStatus.allCases.map { status in
                            results.filter { $0.control == control && $0.status == status }.count
                        })
            }
            #expect(tallies.statusCountsByControl.count == 3)
            #expect(tallies.failingControls == Dictionary(grouping: failures, by: \.entity).mapValues { Set($0.map(\.control)) })
        }
    }

    @Test func theSortFollowsFileLineColumnControlEntityID() {
        var results = Self.mixedResults().shuffled()
        let expected = results.sorted {
            ($0.location.file, $0.location.line, $0.location.column, $0.control, $0.entity.name, $0.id)
                < ($1.location.file, $1.location.line, $1.location.column, $1.control, $1.entity.name, $1.id)
        }
        // Keys gathered in one pass over the whole list, and (as the evaluator sorts) over each half on a core.
        var whole: ReportOrder? = ReportOrder(capacity: results.count)
        _ = ResultTallies(results, results.indices, gathering: &whole)
        var sorted = results
        whole!.sort(&sorted)
        #expect(sorted.map(\.id) == expected.map(\.id))
        var (_, halves) = ResultTallies.countedInOrder(results)
        halves.sort(&results)
        #expect(results.map(\.id) == expected.map(\.id))
    }

    /// Halves counted on their own and added up are the tallies of the whole list, whatever the split.
    @Test func talliesOfTwoHalvesAddUp() {
        let results = Self.mixedResults()
        for order in [results, results.reversed(), results.shuffled()] {
            let whole = ResultTallies(order)
            let (halves, _) = ResultTallies.countedInOrder(order)
            #expect(halves.statusCounts == whole.statusCounts)
            #expect(halves.failureSeverityCounts == whole.failureSeverityCounts)
            #expect(halves.statusCountsByControl == whole.statusCountsByControl)
            #expect(halves.failingControls == whole.failingControls)
        }
    }
}
