import Foundation
import Testing

@testable import NHIAudit

/// The shortcuts loading takes for speed must decide exactly as the full checks do.
@Suite struct LoadFastPathTests {
    @Test func placeholderDetectionKeepsEveryMarkerAndFillInName() {
        for text in ["${VAR}", "a{{ b }}", "$(cat x)", "%{x}", " <your-issuer> ", "\ttodo ", "Change_Me_later", "TBD",
                     "YOUR_AUDIENCE", "replace_me"] {
            #expect(Placeholder.detect(text) == text, "\(text) is a placeholder")
        }
        for text in ["https://issuer.example.com", "", "  ", "$ {x}", "{x}", "<>", "your-api", "todos", "MY_", "Tbd-x"] {
            #expect(Placeholder.detect(text) == nil, "\(text) is a real value")
        }
    }

    @Test func trimmingMatchesFoundation() {
        for text in ["  a b  ", "\t\u{00A0}x\u{2003}", "   ", "", "x", " #c"] {
            #expect(String(Placeholder.trimmingWhitespace(text[...])) == text.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func keywordPrecheckNeedsWhitespaceOrTheGivenByteAfterTheKeyword() {
        #expect(TextScan.mayMatch("server {\n}", keyword: "server", orFollowedBy: UInt8(ascii: "{")))
        #expect(TextScan.mayMatch("agent{", keyword: "agent", orFollowedBy: UInt8(ascii: "{")))
        #expect(TextScan.mayMatch("# agent", keyword: "agent", orFollowedBy: UInt8(ascii: "{")) == false)  // nothing follows
        #expect(TextScan.mayMatch("agents {", keyword: "agent", orFollowedBy: UInt8(ascii: "{")) == false)
        #expect(TextScan.mayMatch("data \"aws_iam_policy_document\" \"x\" {", keyword: "data"))
        #expect(TextScan.mayMatch("data:\n  role: x\n", keyword: "data") == false)
        #expect(TextScan.mayMatch("data\u{00A0}\"x\"", keyword: "data"))  // a Unicode space may follow
    }

    @Test func principalLinkerOnlyUsesPoliciesOfTheVerifiersNamespaceOrTheRoot() throws {
        let loaded = MeshFixtures.load("istio/namespaces")
        let api = try #require(loaded.estate.verifiers.first { $0.metadata.name == "shop/api-jwt" })
        let web = try #require(loaded.estate.verifiers.first { $0.metadata.name == "web/web-jwt" })
        #expect(api.requiresToken.value == true)
        #expect(api.requiresToken.note?.contains("mesh-api-deny") == true)
        #expect(web.requiresToken.value == false)
        #expect(web.requiresToken.note?.contains("other-deny") == false)
    }
}
