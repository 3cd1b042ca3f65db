import Foundation
@testable import NHIAudit
import Testing

/// The evaluate phase's shortcuts against the plain paths they replaced: the fingerprint hashed from a stack
/// buffer against SHA-256 over the joined text, and a result built from its sole evidence against one built
/// from an array holding it.
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
}
