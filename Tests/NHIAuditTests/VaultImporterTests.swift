import Foundation
import NHIAudit
import Testing

@Suite struct VaultImporterTests {
    @Test func terraformRolesBecomeTrustsAndVerifiersLinkedToTheirBackend() throws {
        let loaded = Fixtures.load("vault/roles.tf")
        #expect(loaded.record.format == "terraform")
        let trusts = Dictionary(uniqueKeysWithValues: loaded.estate.federationTrusts.map { ($0.metadata.name, $0) })
        let deploy = try #require(trusts["vault_jwt_auth_backend_role.deploy"])
        #expect(deploy.provider.value == "https://token.actions.githubusercontent.com")
        #expect(deploy.conditions(on: "sub").first?.values.knownItems == ["repo:acme/infra:environment:production"])
        #expect(deploy.tokenTTL.value == 900)
        #expect(deploy.tokenMaxTTL.value == 3600)
        let preview = try #require(trusts["vault_jwt_auth_backend_role.preview"])
        // Unset TTLs take the mount's tune values; bound_claims values are comma-separated lists.
        #expect(preview.tokenTTL.value == 1800)
        #expect(preview.tokenMaxTTL.value == 4 * 3600)
        #expect(preview.conditions(on: "head_ref").first?.values.knownItems == ["main", "release"])
        let verifier = try #require(loaded.estate.verifiers.first { $0.metadata.name == "vault_jwt_auth_backend_role.deploy" })
        #expect(verifier.audiences.knownItems == ["https://github.com/acme"])
        #expect(verifier.clockSkew.value == 60)
    }

    @Test func controlsJudgeEachRole() {
        let document = Fixtures.evaluate(["vault/roles.tf"])
        func status(_ control: String, _ role: String) -> [ResultStatus] {
            document.results(control, file: "roles.tf").filter { $0.entity.name.hasSuffix(role) }.map(\.status)
        }
        #expect(status("FED-SUB-001", ".deploy") == [.pass])
        #expect(status("FED-SUB-001", ".preview") == [.fail])
        #expect(status("FED-CLM-001", ".preview") == [.fail])
        #expect(status("FED-LOG-001", ".preview") == [.fail])
        #expect(status("FED-AUD-001", ".preview") == [.fail])
        #expect(status("FED-TTL-001", ".deploy") == [.pass])
        #expect(status("FED-TTL-001", ".preview") == [.pass], "the mount tune (30m, 4h) is in force")
        #expect(status("FED-SUB-001", ".templated") == [.indeterminate])
        #expect(status("FED-TTL-001", ".templated") == [.indeterminate])
        let logging = document.results("FED-LOG-001", file: "roles.tf").first { $0.status == .fail }
        #expect(logging?.location.line == 29)
    }

    @Test func vaultReadJSONRoleWithZeroTTLsMeansTheSystemDefault() throws {
        let loaded = Fixtures.load("vault/role-read.json")
        #expect(loaded.record.format == "vault/jwt-auth")
        let trust = try #require(loaded.estate.federationTrusts.first)
        #expect(trust.tokenTTL.value == 768 * 3600)
        #expect(trust.tokenTTL.note?.contains("768h") == true)
        #expect(trust.conditions(on: "namespace_path").first?.match.value == "glob")
        let document = Fixtures.evaluate(["vault/role-read.json"])
        #expect(document.results("FED-CLM-001", file: "role-read.json").map(\.status) == [.fail])
        #expect(document.results("FED-LOG-001", file: "role-read.json").map(\.status) == [.pass])
        // An empty bound_subject is no subject condition; namespace_path alone binds a whole group.
        let subject = document.results("FED-SUB-001", file: "role-read.json")
        #expect(subject.map(\.status) == [.fail])
        #expect(subject.first?.severity == .high)
    }

    /// A role read without its backend's config has no issuer: reports said so with a Swift debug dump of the
    /// trusted issuer (`TrustedIssuer(issuer: NHIAudit.Field<…>`) until the display fell back as Istio's and Envoy's do.
    @Test func aRoleWithoutItsBackendShowsNoIssuerInEveryFormat() throws {
        let verifier = try #require(Fixtures.load("vault/role-read.json").estate.verifiers.first)
        #expect(verifier.trustedIssuers.display == "(no issuer)")
        // Why there is none: the backend is not an input (a note, so the value is not read as written).
        #expect(verifier.trustedIssuers.note?.contains("auth backend") == true)
        try ReportEstate.expectNoDebugDump(Fixtures.evaluate(["vault/role-read.json"]))
    }

    @Test func backendConfigAloneIsListedWithAReason() {
        let loaded = Fixtures.load("vault/config-read.json")
        #expect(loaded.estate.allEntities.isEmpty)
        #expect(loaded.diagnostics.contains { $0.message.contains("judged per role") })
    }

    @Test func malformedTerraformIsAnInputFinding() {
        let loaded = Fixtures.load("vault/malformed.tf")
        #expect(loaded.estate.allEntities.isEmpty)
        #expect(loaded.diagnostics.contains { $0.code == .unreadable && $0.message.contains("HCL syntax error") })
    }

    @Test func terraformWithoutTrustResourcesIsListedWithItsResourceTypes() {
        let text = "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n"
        let loaded = EstateLoader().loadFile(path: "main.tf", data: Data(text.utf8))
        #expect(loaded.record.format == "terraform")
        #expect(loaded.diagnostics.contains { $0.message.contains("aws_s3_bucket") })
    }

    @Test func jsonWithADataMemberOfAnotherKindIsNotTaken() {
        let text = #"{"data": {"items": [1, 2]}}"#
        let loaded = EstateLoader().loadFile(path: "other.json", data: Data(text.utf8))
        #expect(loaded.record.format == "unrecognized")
    }

    @Test func committedClientSecretIsFingerprintedNeverReported() throws {
        let text = """
            resource "vault_jwt_auth_backend" "oidc" {
              oidc_discovery_url = "https://id.example.com"
              oidc_client_secret = "committed-client-secret-value"
            }
            resource "vault_jwt_auth_backend_role" "r" {
              backend         = vault_jwt_auth_backend.oidc.path
              role_type       = "jwt"
              user_claim      = "sub"
              bound_audiences = ["vault"]
            }
            """
        let loaded = EstateLoader().loadFile(path: "main.tf", data: Data(text.utf8))
        let verifier = try #require(loaded.estate.verifiers.first)
        #expect(verifier.secrets.map(\.location.line) == [3])
        let document = Harness.evaluate(text, file: "main.tf")
        let encoded = try JSONEncoder().encode(document)
        #expect(String(decoding: encoded, as: UTF8.self).contains("committed-client-secret-value") == false)
    }

    @Test func browserLoginRolesAreNotJudgedAsWorkloadTrusts() {
        let text = #"{"data": {"user_claim": "email", "allowed_redirect_uris": ["https://vault.example.com/ui/vault/auth/oidc/oidc/callback"], "bound_audiences": ["vault"]}}"#
        let document = Harness.evaluate(text, file: "role.json")
        #expect(document.results("FED-SUB-001", file: "role.json").map(\.status) == [.notApplicable])
        #expect(document.results("FED-CLM-001", file: "role.json").map(\.status) == [.notApplicable])
        #expect(document.results("FED-AUD-001", file: "role.json").map(\.status) == [.pass])
    }
}
