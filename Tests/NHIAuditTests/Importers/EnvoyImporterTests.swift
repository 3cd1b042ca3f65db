import Foundation
import NHIAudit
import Testing

@Suite struct EnvoyImporterTests {
    private func verifier(_ loaded: EstateLoader.Loaded, _ name: String) throws -> Verifier {
        try #require(loaded.estate.verifiers.first { $0.metadata.name == name },
            "no verifier \(name); have \(loaded.estate.verifiers.map(\.metadata.name))")
    }

    @Test func v3ProviderWithVerifiedTLSClusterAndExplicitSettings() throws {
        let loaded = MeshFixtures.load("envoy/good-v3.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.oneLine))")
        let corp = try verifier(loaded, "good-v3.yaml/corp")
        #expect(corp.metadata.format == "envoy/jwt_authn")
        #expect(corp.requiresToken.value == true)
        #expect(corp.requiresToken.location?.line == 30)
        #expect(corp.validates.audience.value == true)
        #expect(corp.validates.expiration.value == true)
        #expect(corp.validates.expiration.note == nil)
        #expect(corp.maxTokenAge.value == 900)
        #expect(corp.clockSkew.value == 30)
        #expect(corp.jwks.cacheTTL.value == 300)
        #expect(corp.jwks.tlsVerify.value == true)
        #expect(corp.jwks.tlsVerify.location?.line == 48)
        #expect(corp.forwardsToken.value == false)
        #expect(corp.tokenSources.knownItems == ["header", "query"])
        #expect(loaded.inputs.first?.status == .assessed)
    }

    @Test func failOpenRequirementsPlainClusterAndInlineSymmetricKey() throws {
        let loaded = MeshFixtures.load("envoy/fail-open.yaml")
        let remote = try verifier(loaded, "fail-open.yaml/remote")
        #expect(remote.requiresToken.value == false)
        #expect(remote.requiresToken.location?.line == 40)
        #expect(remote.requiresToken.note?.contains("missing or invalid") == true)
        #expect(remote.jwks.tlsVerify.value == false)
        #expect(remote.jwks.tlsVerify.note?.contains("plain TCP") == true)
        #expect(remote.jwks.cacheTTL.value == 86400)
        #expect(remote.validates.audience.value == false)
        #expect(remote.validates.expiration.note?.contains("without exp") == true)
        #expect(remote.clockSkew.value == 60)
        #expect(remote.clockSkew.note?.contains("Envoy default") == true)
        #expect(remote.forwardsToken.value == true)
        #expect(remote.tokenSources.knownItems == ["query"])
        // Cited at the setting that names the source, not at the provider or under another key's name.
        #expect(remote.tokenSources.path.hasSuffix("providers.remote.from_params"))
        #expect(remote.tokenSources.location?.line == 17)
        // Envoy's default algorithms belong to the keys it fetches: cited at remote_jwks, as written.
        #expect(remote.algorithms.path.hasSuffix("providers.remote.remote_jwks"))
        #expect(remote.algorithms.location?.line == 18)
        let shared = try verifier(loaded, "fail-open.yaml/shared")
        #expect(shared.requiresToken.value == false)
        #expect(shared.requiresToken.display == "allow_missing")
        #expect(shared.algorithms.knownItems == ["HS256"])
        #expect(shared.algorithms.path.hasSuffix("providers.shared.local_jwks"))
        let keySet = try #require(loaded.estate.keySets.first)
        #expect(keySet.usedBy == shared.ref)
        #expect(keySet.keys.first?.location.line == 25)
        #expect(keySet.secrets.count == 1)
        // The key material never reaches the report.
        let document = Evaluator(catalog: Repository.catalog).evaluate(loaded, clock: Harness.clock)
        let json = try JSONReportRenderer().render(document, resources: ReportResources(templates: Repository.templates))
        #expect(!String(decoding: json, as: UTF8.self).contains("c2VjcmV0LXNoYXJlZC1rZXktZm9yLXRlc3RzLW9ubHk"))
    }

    @Test func v2FilterIsReadWithADeprecationNoteAndLegacyTLSContext() throws {
        let loaded = MeshFixtures.load("envoy/v2-legacy.yaml")
        let deprecation = loaded.diagnostics.filter { $0.message.contains("v2 API") }
        #expect(deprecation.count == 1)
        #expect(deprecation.first?.severity == .low)
        let old = try verifier(loaded, "v2-legacy.yaml/old")
        #expect(old.requiresToken.value == true)
        // tls_context without validation context: the JWKS server certificate is not verified.
        #expect(old.jwks.tlsVerify.value == false)
        #expect(old.jwks.tlsVerify.note?.contains("without a validation_context") == true)
        #expect(old.jwks.cacheTTL.value == 600)
    }

    @Test func malformedConfigurationIsReportedLineByLine() throws {
        let loaded = MeshFixtures.load("envoy/malformed.yaml")
        let messages = loaded.diagnostics.map(\.oneLine)
        #expect(messages.contains { $0.contains(":16:") && $0.contains("unknown field 'audience'") })
        #expect(messages.contains { $0.contains(":19:") && $0.contains("expected a duration") })
        #expect(messages.contains { $0.contains("cluster 'missing_cluster' is not defined") })
        #expect(messages.contains { $0.contains(":20:") && $0.contains("neither remote_jwks nor local_jwks") })
        #expect(messages.contains { $0.contains(":24:") && $0.contains("provider 'nobody'") })
        let p1 = try verifier(loaded, "malformed.yaml/p1")
        #expect(p1.jwks.tlsVerify.value == nil)
        #expect(p1.jwks.cacheTTL.value == nil)
        // A rule names the undefined provider 'nobody': Envoy rejects the whole config, so this is unknown.
        #expect(p1.requiresToken.value == nil)
        #expect(p1.requiresToken.unknownReason?.contains("'nobody'") == true)
    }

    @Test func envsubstTemplateValuesArePlaceholders() throws {
        let loaded = MeshFixtures.load("envoy/front-envoy.yaml.tmpl")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.oneLine))")
        let idp = try verifier(loaded, "front-envoy.yaml.tmpl/idp")
        let trusted = try #require(idp.trustedIssuers.value?.first)
        #expect(trusted.issuer.unknownReason?.contains("${TOKEN_ISSUER}") == true)
        #expect(trusted.jwksURI.unknownReason?.contains("${JWKS_URI}") == true)
        #expect(idp.jwks.tlsVerify.unknownReason?.contains("${JWKS_CLUSTER}") == true)
        #expect(idp.audiences.unresolvedItems.count == 1)
        #expect(idp.requiresToken.value == true)
    }

    @Test func bootstrapWithoutJwtFilterIsListedNotAssessed() {
        let loaded = MeshFixtures.load("envoy/no-jwt.yaml")
        #expect(loaded.estate.verifiers.isEmpty)
        #expect(loaded.diagnostics.contains { $0.message.contains("without an envoy.filters.http.jwt_authn") })
        #expect(loaded.inputs.first?.status == .notAssessed)
    }
}
