import NHIAudit
import Testing

@Suite struct AWSTrustImporterTests {
    @Test func trustPolicyJSONIsReadWithConditions() throws {
        let loaded = Fixtures.load("aws/github-trust.json")
        #expect(loaded.record.format == "aws/iam-trust-policy")
        let trust = try #require(loaded.estate.federationTrusts.first)
        #expect(trust.provider.value == "token.actions.githubusercontent.com")
        #expect(trust.metadata.name == "github-trust.json GitHubDeploy")
        #expect(trust.conditions(on: "sub").first?.match.value == "glob")
        let document = Fixtures.evaluate(["aws/github-trust.json"])
        let wildcard = document.results("FED-SUB-002", file: "github-trust.json")
        #expect(wildcard.map(\.status) == [.fail])
        #expect(wildcard.first?.severity == .high)
        #expect(wildcard.first?.location.line == 11)
        #expect(document.results("FED-AUD-001", file: "github-trust.json").map(\.status) == [.pass])
        #expect(document.results("FED-TTL-001", file: "github-trust.json").map(\.status) == [.notApplicable])
    }

    @Test func templatedPolicyKeepsKnownClaimsAndUnresolvedProvider() throws {
        let loaded = Fixtures.load("aws/irsa-trust.json.tpl")
        let trust = try #require(loaded.estate.federationTrusts.first)
        #expect(trust.provider.value == nil)
        #expect(trust.conditions(on: "sub").count == 1)
        let document = Fixtures.evaluate(["aws/irsa-trust.json.tpl"])
        #expect(document.results("FED-SUB-001", file: "irsa-trust.json.tpl").map(\.status) == [.pass])
        #expect(document.results("FED-SUB-002", file: "irsa-trust.json.tpl").map(\.status) == [.pass])
        #expect(document.results("FED-AUD-001", file: "irsa-trust.json.tpl").map(\.status) == [.pass])
    }

    @Test func terraformJsonencodeHeredocAndPolicyDocumentAreAllRead() throws {
        let loaded = Fixtures.load("aws/roles.tf")
        let names = loaded.estate.federationTrusts.map(\.metadata.name).sorted()
        #expect(names == [
            "aws_iam_role.documented (data.aws_iam_policy_document.irsa)", "aws_iam_role.encoded", "aws_iam_role.heredoc",
        ])
        let heredoc = try #require(loaded.estate.federationTrusts.first { $0.metadata.name == "aws_iam_role.heredoc" })
        #expect(heredoc.tokenMaxTTL.value == 7200)
        // The heredoc body's JSON keeps the .tf file's lines.
        #expect(heredoc.conditions(on: "aud").first?.location.line == 31)
        let document = Fixtures.evaluate(["aws/roles.tf"])
        func status(_ control: String, _ name: String) -> [ResultStatus] {
            document.results(control, file: "roles.tf").filter { $0.entity.name.hasPrefix(name) }.map(\.status)
        }
        #expect(status("FED-SUB-002", "aws_iam_role.encoded") == [.fail])
        #expect(status("FED-SUB-001", "aws_iam_role.heredoc") == [.fail])
        #expect(status("FED-SUB-001", "aws_iam_role.documented") == [.pass])
        #expect(status("FED-AUD-001", "aws_iam_role.documented") == [.pass])
        let encoded = document.results("FED-SUB-002", file: "roles.tf").first { $0.entity.name == "aws_iam_role.encoded" }
        #expect(encoded?.location.line == 14)
    }

    @Test func malformedJSONIsAnInputFindingWithItsLine() {
        let loaded = Fixtures.load("aws/malformed-trust.json")
        #expect(loaded.estate.allEntities.isEmpty)
        #expect(loaded.diagnostics.contains { $0.code == .unreadable })
    }
}
