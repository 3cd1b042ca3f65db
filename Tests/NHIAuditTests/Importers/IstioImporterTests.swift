import Foundation
import NHIAudit
import Testing

@Suite struct IstioImporterTests {
    private func verifier(_ loaded: EstateLoader.Loaded, _ name: String) throws -> Verifier {
        try #require(loaded.estate.verifiers.first { $0.metadata.name == name }, "no verifier \(name)")
    }

    @Test func denyWithoutPrincipalMakesTheTokenRequired() throws {
        let loaded = MeshFixtures.load("istio/good-require-jwt.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.oneLine))")
        let api = try verifier(loaded, "shop/api-jwt")
        #expect(api.requiresToken.value == true)
        #expect(api.requiresToken.location?.line == 32)
        #expect(api.requiresToken.note?.contains("shop/require-jwt") == true)
        #expect(api.validates.audience.value == true)
        #expect(api.audiences.knownItems == ["shop-api"])
        #expect(api.jwks.tlsVerify.value == true)
        #expect(api.jwks.cacheTTL.value == 1200)
        #expect(api.metadata.owner.value == "team-payments")
        #expect(api.scope?.matchLabels == ["app": "api"])
        let policy = try #require(loaded.estate.accessPolicies.first)
        #expect(policy.action.value == "DENY")
    }

    @Test func requestAuthenticationAloneLeavesTokensOptionalWithIstioDefaults() throws {
        let loaded = MeshFixtures.load("istio/broken-token-optional.yaml")
        let first = try verifier(loaded, "default/legacy/jwtRules[0]")
        let second = try verifier(loaded, "default/legacy/jwtRules[1]")
        #expect(first.requiresToken.value == false)
        #expect(first.requiresToken.note?.contains("Istio") == true)
        #expect(first.validates.audience.value == false)
        #expect(first.validates.audience.note?.contains("aud is not checked") == true)
        #expect(first.jwks.tlsVerify.value == false)
        #expect(first.jwks.tlsVerify.location?.line == 9)
        #expect(first.forwardsToken.value == true)
        #expect(first.tokenSources.knownItems == ["header", "query"])
        #expect(first.clockSkew.value == 60)
        #expect(first.revocationCheck.value == "none")
        #expect(first.metadata.owner.isAbsent)
        #expect(second.tokenSources.knownItems == ["cookie"])
        #expect(second.forwardsToken.value == false)
        #expect(second.forwardsToken.note != nil)
        // No jwksUri: istiod discovers it from the issuer, which is https.
        #expect(second.trustedIssuers.value?.first?.jwksURI.isAbsent == true)
        #expect(second.jwks.tlsVerify.value == true)
        #expect(loaded.estate.verifiers.first?.metadata.name.hasPrefix("default/") == true)
    }

    @Test func allowAnyPrincipalInAnotherFileRequiresTokensAndFailsVerPrin() throws {
        let loaded = MeshFixtures.load("istio/allow-any")
        let frontend = try verifier(loaded, "web/frontend-jwt")
        #expect(frontend.requiresToken.value == true)
        #expect(frontend.requiresToken.location?.file.hasSuffix("authorization-policy.yaml") == true)
        let document = Evaluator(catalog: Repository.catalog).evaluate(loaded, clock: Harness.clock)
        let prin = document.results.filter { $0.control == "VER-PRIN-001" }
        #expect(prin.map(\.status) == [.fail])
        #expect(prin.first?.location.line == 14)
    }

    @Test func malformedDocumentsReportWhyAndTheRunGoesOn() throws {
        let loaded = MeshFixtures.load("istio/malformed.yaml")
        let messages = loaded.diagnostics.map(\.oneLine)
        #expect(messages.contains { $0.contains(":9:") && $0.contains("unknown field 'audience'") })
        #expect(messages.contains { $0.contains(":18:") && $0.contains("expected a list of JWT rules") })
        #expect(messages.contains { $0.contains("jwks is not valid JSON") })
        #expect(messages.contains { $0.contains("metadata.name is not set") })
        #expect(messages.contains { $0.contains("unsupported apiVersion 'security.istio.io/v1alpha9'") })
        let typo = try verifier(loaded, "ops/typo")
        #expect(typo.validates.audience.value == false)
        #expect(loaded.estate.keySets.first?.keys.isEmpty == true)
        #expect(loaded.inputs.first?.status == .partial)
    }

    @Test func templateExpressionsArePlaceholdersNotValues() throws {
        let loaded = MeshFixtures.load("istio/templated.yaml")
        let messages = loaded.diagnostics.map(\.oneLine)
        #expect(messages.contains { $0.contains("metadata.name is the unresolved placeholder") })
        let fixed = try verifier(loaded, "apps/fixed")
        let issuer = try #require(fixed.trustedIssuers.value?.first)
        #expect(issuer.issuer.value == nil)
        #expect(issuer.issuer.unknownReason?.contains("placeholder") == true)
        #expect(fixed.jwks.tlsVerify.value == nil)
        #expect(fixed.jwks.tlsVerify.unknownReason?.contains("placeholder") == true)
    }

    @Test func listItemsAreImportedAndUnknownItemsNoted() throws {
        let loaded = MeshFixtures.load("istio/list.yaml")
        let listed = try verifier(loaded, "team-a/listed")
        // The ALLOW policy names a specific principal for the whole namespace, so tokens are required.
        #expect(listed.requiresToken.value == true)
        #expect(loaded.diagnostics.contains { $0.message.contains("List item of kind ConfigMap") && $0.severity == .info })
    }

    @Test func inlineJWKSBecomesAKeySetUsedByTheVerifier() throws {
        let result = MeshFixtures.loadText(
            """
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: inline, namespace: shop}
            spec:
              jwtRules:
              - issuer: https://issuer.example.com
                jwks: '{"keys": [{"e": "AQAB", "kty": "RSA", "kid": "k1", "n": "abc"}]}'
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.oneLine))")
        let keySet = try #require(result.estate.keySets.first)
        let verifier = try #require(result.estate.verifiers.first)
        #expect(keySet.origin == .verifierInline)
        #expect(keySet.usedBy == verifier.ref)
        #expect(keySet.keys.first?.location.line == 7)
        #expect(verifier.algorithms.knownItems.contains("RS256"))
        #expect(!verifier.algorithms.knownItems.contains("ES256"))
        #expect(verifier.jwks.tlsVerify.isAbsent)
    }
}

@Suite struct DuplicateNameLinkerTests {
    @Test func sameNameInTwoFilesGetsFileSuffixesAndKeySetsFollow() throws {
        let loaded = MeshFixtures.load("istio/overlays")
        let names = loaded.estate.verifiers.map(\.metadata.name).sorted()
        #expect(Set(names).count == 2)
        #expect(names.allSatisfy { $0.hasPrefix("shop/api @") && $0.hasSuffix("/ra.yaml:1:1") })
        for keySet in loaded.estate.keySets {
            let user = try #require(loaded.estate.verifiers.first { $0.ref == keySet.usedBy })
            #expect(user.metadata.location.file == keySet.metadata.location.file)
        }
    }
}

@Suite struct IstioTargetRefTests {
    @Test func targetRefScopedResourcesAreNotLinkedByNamespace() throws {
        let result = MeshFixtures.loadText(
            """
            apiVersion: security.istio.io/v1
            kind: RequestAuthentication
            metadata: {name: gw, namespace: edge}
            spec:
              targetRefs:
              - {kind: Gateway, group: gateway.networking.k8s.io, name: public}
              jwtRules:
              - issuer: https://issuer.example.com
            """)
        let verifier = try #require(result.estate.verifiers.first)
        #expect(verifier.scope?.namespace.value == nil)
        #expect(result.diagnostics.contains { $0.message.contains("targetRef(s)") && $0.severity == .low })
        let policyScope = WorkloadScope(
            namespace: .known("edge", path: "metadata.namespace", at: nil), matchLabels: [:], selectorLocation: nil)
        #expect(verifier.scope.map(policyScope.covers) == false)
    }
}
