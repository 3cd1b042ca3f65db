@testable import NHIAudit
import Testing

/// Outcomes keep their sources as drafts taken when they are made, and one-source factories read the source in
/// place instead of boxing it: the evidence must be what the source itself says, on every path.
@Suite struct OutcomeEvidenceTests {
    static let anchor = SourceLocation(file: "estate/anchor.yaml", line: 2, column: 1)
    static let place = SourceLocation(file: "estate/a.yaml", line: 7, column: 9)

    static let fields: [Field<String>] = [
        .known("RS256", path: "spec.signing.algorithm", at: place),
        .known("x", path: "spec.audiences", at: place, display: "[x, \"q\" <&>]", note: "Grüße 🔐"),
        .productDefault("true", path: "spec.jwks.tlsVerify", at: place, note: "Istio default: verified"),
        Field(.absent, path: "spec.tokens.maxTTL", location: place, display: "shown only when known"),
        Field(.absent, path: "spec.tokens.maxTTL", location: nil, note: "read from a local file"),
        Field(.placeholder("${TTL}"), path: "spec.tokens.ttl", location: nil, display: "${TTL}"),
        Field(.invalid("not a duration"), path: "spec.tokens.ttl", location: place, display: "3 parsecs"),
    ]

    /// What a field cites: its own place (else the entity's), its path, its text unless absent, and its note.
    static func reference(_ field: Field<String>) -> Evidence {
        Evidence(
            at: field.location ?? anchor, field: field.path, value: field.isAbsent ? nil : field.display,
            note: field.note)
    }

    static func evidence(_ outcome: Outcome) -> [Evidence] {
        outcome.sources.map { $0.evidence(fallback: anchor) }
    }

    @Test func oneSourceFactoriesCiteTheSourceAsTheArrayPathDoes() {
        for field in Self.fields {
            let expected = [Self.reference(field)]
            let outcomes: [(Outcome, ResultStatus, Severity?)] = [
                (.pass("ok", at: field), .pass, nil),
                (.fail("bad", at: field), .fail, nil),
                (.fail("bad", at: field, severity: .critical), .fail, .critical),
                (.indeterminate("unsure", at: field), .indeterminate, nil),
                (.notApplicable("n/a", at: field), .notApplicable, nil),
                (Outcome(status: .fail, message: "bad", sources: [field], severity: .low), .fail, .low),
                (.fail("bad", sources: [field]), .fail, nil),
            ]
            for (outcome, status, severity) in outcomes {
                #expect(outcome.status == status)
                #expect(outcome.severity == severity)
                #expect(Self.evidence(outcome) == expected, "\(field.path) \(status)")
            }
            let existential: any EvidenceSource & Sendable = field
            #expect(Self.evidence(.pass("ok", at: existential)) == expected)
        }
    }

    @Test func severalSourcesKeepTheirOrderAndNoneCitesNothing() {
        let (first, second) = (Self.fields[1], Self.fields[4])
        let expected = [Self.reference(first), Self.reference(second)]
        #expect(Self.evidence(.pass("ok", at: first, second)) == expected)
        #expect(Self.evidence(.fail("bad", at: first, second, severity: .high)) == expected)
        #expect(Self.evidence(.fail("bad", sources: [first, second])) == expected)
        #expect(Self.evidence(.indeterminate("unsure")).isEmpty)
        #expect(Self.evidence(.fail("bad", sources: [])).isEmpty)
    }

    @Test func unknownCitesTheFieldItCannotJudge() {
        for field in Self.fields where field.value == nil {
            let outcome = Outcome.unknown(field, needed: "why")
            #expect(outcome.status == .indeterminate)
            #expect(outcome.message == "cannot decide: \(field.unknownReason ?? "")" + "; why")
            #expect(Self.evidence(outcome) == [Self.reference(field)])
        }
    }

    @Test func secretsAndRelatedEvidenceCiteWhatTheySay() {
        let secret = SecretMaterial(
            kind: "HMAC signing secret", value: "s3cr3t-value", path: "spec.signing.secret", location: Self.place)
        #expect(
            Self.evidence(.fail("leaked", at: secret))
                == [Evidence(at: Self.place, field: secret.path, value: secret.redactedDisplay, note: secret.kind)])
        for field in Self.fields {
            var expected = Self.reference(field)
            expected.note = [field.note, "also accepted by verifiers 'b'"].compactMap { $0 }.joined(separator: "; ")
            let related = RelatedEvidence(field: field, note: "also accepted by verifiers 'b'")
            #expect(Self.evidence(.fail("shared", at: related)) == [expected])
            #expect(Self.evidence(.fail("shared", sources: [related])) == [expected])
        }
    }

    /// Several sources that resolve to one place are cited once: an Envoy provider's implied algorithms all point
    /// at its `remote_jwks` (named as written, not as `local_jwks`), and its audience check and audience list are
    /// the same `audiences` field.
    @Test func aResultCitesEachPieceOfEvidenceOnce() {
        let document = Harness.evaluate(files: [
            (
                "issuer.yaml",
                """
                apiVersion: nhi-audit/v1
                kind: Issuer
                metadata: {name: hmac-issuer}
                spec:
                  issuer: https://issuer.example.com
                  signing: {algorithm: HS256}
                """
            ),
            (
                "envoy.yaml",
                """
                static_resources:
                  listeners:
                  - name: ingress
                    filter_chains:
                    - filters:
                      - name: envoy.filters.network.http_connection_manager
                        typed_config:
                          "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
                          http_filters:
                          - name: envoy.filters.http.jwt_authn
                            typed_config:
                              "@type": type.googleapis.com/envoy.extensions.filters.http.jwt_authn.v3.JwtAuthentication
                              providers:
                                corp:
                                  issuer: https://issuer.example.com
                                  audiences: [orders-api]
                                  remote_jwks:
                                    http_uri: {uri: "https://issuer.example.com/jwks.json", cluster: jwks, timeout: 5s}
                              rules:
                              - match: {prefix: /}
                                requires: {provider_name: corp}
                """
            ),
        ])
        let unused = document.results.filter { $0.control == "GRAPH-004" && $0.entity.kind == .verifier }
        #expect(unused.map(\.status) == [.fail])
        #expect(unused.first?.evidence.count == 1)
        #expect(unused.first?.evidence.first?.field.hasSuffix("providers.corp.remote_jwks") == true)
        #expect(unused.first?.evidence.first?.line == 17)
        let audience = document.results.filter { $0.control == "VER-AUD-001" }
        #expect(audience.map(\.status) == [.pass])
        #expect(audience.first?.evidence.count == 1)
        for result in document.results {
            #expect(Set(result.evidence).count == result.evidence.count, "\(result.control) repeats evidence")
        }
    }
}
