import Foundation
import NHIAudit
import Testing

@Suite struct AppVerifierImporterTests {
    @Test func springYAMLWithIssuerAndAudiences() throws {
        let verifier = try #require(OIDCFixtures.load("spring/application.yml").estate.verifiers.first)
        #expect(verifier.validates.issuer.value == true)
        #expect(verifier.validates.audience.value == true)
        #expect(verifier.audiences.knownItems == ["orders-api"])
        #expect(verifier.algorithms.knownItems == ["RS256", "ES256"])
        #expect(verifier.clockSkew.value == 60)
        #expect(verifier.clockSkew.note?.contains("Spring Security default") == true)
        #expect(verifier.trustedIssuers.value?.first?.issuer.location?.line == 8)
    }

    @Test func springJWKSetURIOnlyChecksNeitherIssuerNorAudience() throws {
        let result = OIDCFixtures.load("spring/jwk-only.yaml")
        #expect(result.record.format == "spring-boot/yaml")
        let verifier = try #require(result.estate.verifiers.first)
        #expect(verifier.validates.issuer.value == false)
        #expect(verifier.validates.audience.value == false)
        #expect(verifier.jwks.tlsVerify.value == false)
        // The trust is cited at the jwk-set-uri actually written, not at an issuer-uri that is not there.
        #expect(verifier.trustedIssuers.path.hasSuffix("jwt.jwk-set-uri"))
        #expect(verifier.trustedIssuers.location?.line == 1)
        #expect(verifier.trustedIssuers.display == "http://auth.internal:9000/oauth2/jwks")
        #expect(verifier.trustedIssuers.note?.contains("no issuer-uri") == true)
    }

    /// The trusted-issuer list had no display here, and the evidence showed a Swift debug dump of it instead. It
    /// is cited at the key file that makes the trust, with a note that no issuer is set.
    @Test func springPublicKeyOnlyShowsNoIssuerInEveryFormat() throws {
        let verifier = try #require(OIDCFixtures.load("spring/public-key-only.yml").estate.verifiers.first)
        #expect(verifier.trustedIssuers.display == "classpath:keys/jwt.pub")
        #expect(verifier.trustedIssuers.path.hasSuffix("jwt.public-key-location"))
        #expect(verifier.trustedIssuers.location?.line == 2)
        #expect(verifier.trustedIssuers.note?.contains("no issuer-uri") == true)
        try ReportEstate.expectNoDebugDump(Fixtures.evaluate(["spring/public-key-only.yml"]))
    }

    @Test func springPropertiesWithContinuationRelaxedNamesAndSecret() throws {
        let verifier = try #require(OIDCFixtures.load("spring/application.properties").estate.verifiers.first)
        #expect(verifier.validates.issuer.value == true)
        let trusted = try #require(verifier.trustedIssuers.value?.first)
        #expect(trusted.jwksURI.value == "https://login.example.com/realms/ops/protocol/openid-connect/certs")
        #expect(verifier.secrets.map(\.location.line) == [5])
    }

    @Test func springPlaceholdersStayUnresolved() throws {
        let verifier = try #require(OIDCFixtures.load("spring/templated.properties").estate.verifiers.first)
        if case .placeholder = verifier.trustedIssuers.value?.first?.issuer.state {} else { Issue.record("issuer should be a placeholder") }
        #expect(verifier.audiences.unresolvedItems.count == 1)
    }

    @Test func oauth2ProxyConfig() throws {
        let result = OIDCFixtures.load("oauth2-proxy/oauth2_proxy.cfg")
        let verifier = try #require(result.estate.verifiers.first)
        #expect(verifier.trustedIssuers.value?.map(\.issuer.value) == ["http://dex.auth.svc:5556/dex", "https://token.actions.githubusercontent.com"])
        #expect(verifier.tokenSources.knownItems == ["cookie", "header"])
        #expect(verifier.forwardsToken.value == true)
        #expect(verifier.jwks.tlsVerify.value == false)
        #expect(verifier.secrets.map(\.location.line) == [4, 5])
        // "maybe" is not a boolean: reported, and the issuer check stays unknown.
        #expect(result.diagnostics.map(\.location.line) == [14])
        #expect(verifier.validates.issuer.value == nil)
    }

    @Test func oauth2ProxyTemplatedConfigHasNoSecretsAndReportsBadLines() throws {
        let result = OIDCFixtures.load("oauth2-proxy/templated.cfg")
        let verifier = try #require(result.estate.verifiers.first)
        #expect(verifier.secrets.isEmpty)
        #expect(result.diagnostics.map(\.location.line) == [5])
    }

    @Test func oauth2ProxyAlphaConfig() throws {
        let verifier = try #require(OIDCFixtures.load("oauth2-proxy/alpha-config.yaml").estate.verifiers.first)
        #expect(verifier.metadata.name == "oauth2-proxy/alpha-config.yaml#keycloak")
        #expect(verifier.validates.issuer.value == false)
        #expect(verifier.validates.issuer.path == "providers[0].oidcConfig.insecureSkipIssuerVerification")
        // Cited by the alpha names as written, not by the cfg names they map onto.
        #expect(verifier.trustedIssuers.path == "providers[0].oidcConfig.issuerURL")
        #expect(verifier.audiences.path == "providers[0].clientID")
        #expect(verifier.forwardsToken.value == true)
        #expect(verifier.secrets.map(\.location.line) == [11])
    }

    @Test func nginxAuthJWTPerLocationWithInheritance() throws {
        let result = OIDCFixtures.load("nginx/api-gateway.conf")
        let verifiers = result.estate.verifiers
        #expect(verifiers.map(\.metadata.name) == ["nginx/api-gateway.conf:7", "nginx/api-gateway.conf:14"])
        #expect(verifiers[0].tokenSources.knownItems == ["cookie"])
        #expect(verifiers[0].clockSkew.value == 30)
        #expect(verifiers[0].validates.issuer.value == false)
        #expect(verifiers[0].trustedIssuers.value?.first?.jwksURI.value == "/_jwks")
        #expect(verifiers[1].validates.audience.value == nil, "auth_jwt_require decides")
        #expect(verifiers[1].trustedIssuers.value?.first?.jwksURI.note?.contains("/etc/nginx/keys/admin.jwks") == true)
        #expect(verifiers[0].secrets.map(\.location.line) == [3])
        #expect(verifiers[1].secrets.isEmpty, "file-wide secrets are attached once")
    }

    @Test func nginxMissingSemicolonIsReported() {
        let result = OIDCFixtures.load("nginx/broken.conf")
        #expect(result.estate.verifiers.isEmpty)
        #expect(result.diagnostics.map(\.location.line).sorted() == [3, 6])
    }

    @Test func nginxConfigEmbeddedInYAMLIsLeftToTheYAMLImporters() {
        let text = """
            apiVersion: v1
            kind: ConfigMap
            data:
              nginx.conf: |
                location / { auth_jwt "api"; auth_jwt_key_file /keys.jwks; }
            """
        let result = EstateLoader().loadFile(path: "configmap.yaml", data: Data(text.utf8))
        #expect(result.record.format != "nginx/auth_jwt")
    }
}
