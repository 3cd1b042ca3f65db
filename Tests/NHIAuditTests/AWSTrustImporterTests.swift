import Foundation
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

    @Test func negatedConditionsDoNotBindAndForAnyValueLikeIsAGlob() throws {
        let text = #"""
            {"Statement": {
              "Effect": "Allow",
              "Principal": {"Federated": "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"},
              "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"],
              "Condition": {
                "StringNotEquals": {"token.actions.githubusercontent.com:sub": "repo:acme/evil:ref:refs/heads/main"},
                "ForAnyValue:StringLike": {"token.actions.githubusercontent.com:aud": "sts.*"}
              }
            }}
            """#
        let loaded = EstateLoader().loadFile(path: "trust.json", data: Data(text.utf8))
        let trust = try #require(loaded.estate.federationTrusts.first)
        #expect(trust.conditions(on: "sub").isEmpty)
        #expect(trust.conditions(on: "aud").first?.match.value == "glob")
        let document = Harness.evaluate(text, file: "trust.json")
        #expect(document.results("FED-SUB-001", file: "trust.json").map(\.status) == [.fail])
        #expect(document.results("FED-AUD-001", file: "trust.json").map(\.status) == [.fail])
    }

    @Test func computedAssumeRolePolicyIsListedNotGuessed() {
        let text = """
            resource "aws_iam_role" "r" {
              name               = "r"
              assume_role_policy = templatefile("${path.module}/trust.json.tpl", { repo = var.repo })
            }
            """
        let loaded = EstateLoader().loadFile(path: "main.tf", data: Data(text.utf8))
        #expect(loaded.estate.federationTrusts.isEmpty)
        #expect(loaded.diagnostics.contains { $0.location.line == 3 && $0.message.contains("computed") })
    }

    /// Every fixture at once: each result points into the file its entity came from.
    @Test func mixedFormatsAttributeResultsToTheirOwnFiles() {
        let files = [
            "aws/github-trust.json", "aws/irsa-trust.json.tpl", "aws/roles.tf", "vault/roles.tf", "vault/role-read.json",
            "spire/server-good.conf", "spire/agent-weak.conf", "spire/server-configmap.yaml",
        ]
        let document = Fixtures.evaluate(files)
        let entityFiles = Dictionary(document.entities.map { ("\($0.kind)/\($0.name)", $0.file) }, uniquingKeysWith: { a, _ in a })
        let mine = document.results.filter { $0.control.hasPrefix("FED-") || $0.control.hasPrefix("WKL-") }
        #expect(mine.count > 40)
        for result in mine {
            #expect(entityFiles["\(result.entity)"] == result.location.file, "\(result.control) \(result.entity)")
        }
    }
}
