import Foundation
import NHIAudit
import Testing

@Suite struct JWTSampleImporterTests {
    static let fixture = "jwt/captured-tokens.txt"

    @Test func tokensAreDecodedWithLineAndColumn() throws {
        let result = OIDCFixtures.load(Self.fixture)
        let samples = result.estate.tokenSamples
        #expect(samples.map(\.metadata.name) == ["\(Self.fixture):2", "\(Self.fixture):4", "\(Self.fixture):5"])
        #expect(samples.map(\.metadata.location.column) == [1, 8, 3])
        #expect(samples[0].header.alg.value == "RS256")
        #expect(samples[0].claims.aud.knownItems == ["api"])
        #expect(samples[0].claims.exp.value == 1_795_000_900)
        #expect(samples[1].signed == false)
        #expect(samples[2].header.jku.value == "https://attacker.example/jwks.json")
        #expect(samples.allSatisfy { $0.secrets.count == 1 && $0.secrets[0].kind == "bearer token (JWT)" })
    }

    @Test func theTokenTextAppearsInNoOutput() throws {
        let report = OIDCFixtures.evaluate(Self.fixture)
        let json = try report.renderedEverywhere()
        let tokens = OIDCFixtures.text(Self.fixture).split(separator: "\n").compactMap { line in
            line.split(separator: " ").last.flatMap { $0.hasPrefix("eyJ") ? $0 : nil }
        }
        #expect(tokens.count == 3)
        for token in tokens {
            #expect(!json.contains(token))
            for segment in token.split(separator: ".") where segment.count > 8 {
                #expect(!json.contains(segment), "a token segment leaked into the report")
            }
        }
        #expect(report.failures("TOK-ALG-001").map(\.location.line) == [4])
        #expect(report.failures("TOK-HDR-001").map(\.location.line) == [5])
    }

    @Test func malformedLinesInAJWTFileAreInputFindings() {
        let result = OIDCFixtures.load("jwt/malformed.jwt")
        #expect(result.estate.tokenSamples.count == 1)
        #expect(result.diagnostics.filter { $0.code == .unreadable }.map(\.location.line) == [2, 3])
    }

    @Test func proseMentioningATokenIsNotATokenFile() {
        let result = OIDCFixtures.load("jwt/notes.md")
        #expect(result.record.format != "jwt-samples")
        #expect(result.estate.tokenSamples.isEmpty)
    }
}
