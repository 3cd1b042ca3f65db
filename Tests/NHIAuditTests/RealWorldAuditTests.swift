import Foundation
import NHIAudit
import Testing

/// Regressions for what the audit of `../shared/realworld` found (docs/realworld-results.md), each on a fixture
/// of our own, and the whole-corpus scan when `../shared/realworld` is present.
@Suite struct RealWorldAuditTests {
    private func only(_ document: ResultDocument, _ control: String, entity suffix: String) throws
        -> ResultDocument.Result
    {
        let matches = document.results.filter { $0.control == control && $0.entity.name.hasSuffix(suffix) }
        #expect(matches.count == 1, "\(control) on \(suffix): \(matches.map(\.message))")
        return try #require(matches.first)
    }

    @Test func fillInNamesArePlaceholders() {
        for text in ["YOUR_AUDIENCE", "MY_CLIENT_ID", "EXAMPLE_ISSUER_2"] { #expect(Placeholder.detect(text) == text) }
        for text in ["your-api", "my_service", "YOUR_", "MY_lower", "EXAMPLE", "https://YOUR_HOST.example", "orders"] {
            #expect(Placeholder.detect(text) == nil, "\(text) is a real value")
        }
    }

    @Test func envoyLocalKeysUndefinedProviderAndFillInAudience() throws {
        let document = Fixtures.evaluate(["realworld-audit/envoy-local-keys.yaml"])
        // Nothing is fetched for local or inline keys: no transport to judge.
        #expect(try only(document, "VER-JWKS-001", entity: "/from-file").status == .notApplicable)
        #expect(try only(document, "VER-JWKS-001", entity: "/inline").status == .notApplicable)
        // The key file is named; the message must not claim it is missing.
        let algorithms = try only(document, "VER-ALG-001", entity: "/from-file")
        #expect(algorithms.status == .indeterminate)
        #expect(algorithms.message.contains("not among the inputs") && !algorithms.message.contains("is not set"))
        // `YOUR_AUDIENCE` is a fill-in, not an audience.
        #expect(try only(document, "VER-AUD-001", entity: "/from-file").status == .indeterminate)
        // Envoy rejects a config whose rule names an undefined provider: no "token-less requests pass" finding.
        let required = try only(document, "VER-REQ-001", entity: "/inline")
        #expect(required.status == .indeterminate)
        #expect(required.message.contains("missing-provider"))
    }

    @Test func blockScalarKeysPointAtTheirColumns() throws {
        let document = Fixtures.evaluate(["realworld-audit/envoy-local-keys.yaml"])
        let symmetric = try only(document, "SEC-001", entity: "/inline/local_jwks")
        #expect(symmetric.status == .fail)
        let evidence = try #require(symmetric.evidence.first { $0.field.hasSuffix(".k") })
        // `"k": "Rml4…"` is on line 29; the value's quote is at column 30 of the file.
        #expect(evidence.line == 29)
        #expect(evidence.column == 30)
    }

    @Test func plainHTTPDiscoveryIsNoTLSNotUnverifiedTLS() throws {
        let document = Fixtures.evaluate(["realworld-audit/istio-http-discovery.yaml"])
        let transport = try only(document, "VER-JWKS-001", entity: "fixture/http-discovery")
        #expect(transport.status == .fail)
        #expect(transport.message.contains("without TLS"))
        #expect(transport.message.contains("http://idp.fixture.svc.cluster.local:5556/dex"))
        #expect(!transport.message.contains("certificate is not verified"))
    }

    @Test func vaultStaticKeysAreNotFetchedAndGovernanceIsJudgedOncePerRole() throws {
        let document = Fixtures.evaluate(["realworld-audit/vault-static-keys.tf"])
        #expect(try only(document, "VER-JWKS-001", entity: "reader").status == .notApplicable)
        for control in ["POL-002", "POL-003"] {
            let results = document.results.filter { $0.control == control && $0.entity.name.hasSuffix("reader") }
            #expect(results.map(\.status).sorted { $0.rawValue < $1.rawValue } == [.fail, .notApplicable], "\(control)")
            #expect(Set(results.map(\.location.line)) == [8])
        }
    }

    @Test func spireServerDefaultsAreNotMissingSettings() throws {
        let document = Fixtures.evaluate(["realworld-audit/spire-server.conf"])
        let issuer = "(spire-server.conf)"
        // ca_ttl (default 24h) bounds the signing key's life; SPIRE rotates it itself.
        #expect(try only(document, "ISS-ROT-001", entity: issuer).status == .pass)
        // Audiences and per-entry lifetimes are chosen outside the server configuration.
        let audience = try only(document, "ISS-AUD-001", entity: issuer)
        #expect(audience.status == .indeterminate)
        #expect(audience.message.contains("SPIFFE JWT-SVID"))
        #expect(try only(document, "ISS-TTL-002", entity: issuer).status == .indeterminate)
        // The issuer and the deployment are one server block: one owner finding, not two.
        #expect(document.results.filter { $0.control == "POL-002" && $0.status == .fail }.count == 1)
    }

    // MARK: the corpus

    /// Fragments of secrets committed in the corpus (private JWK members, symmetric keys, client and cookie
    /// secrets, Keycloak realm keys): none may reach any report.
    static let secretFragments = [
        "ERXysr9xiY4k0KABUXFetWFo",  // Ret2skillz jwk.json d
        "tuIc00J7ijKE46duF-cGuMIY",  // Ret2skillz jwk.json q
        "VEVTVF9TRUNSRVRfSktTX0RP",  // zekizeki jwks.json oct k
        "M35jxFjLqzjZ-LRmh0o4J6y6",  // graham jwks-private.json d
        "Vnwi4NMnohYTtL6Ej2J06GTd",  // yiyouguisu front-envoy.yaml inline d
        "72341b6d-7065-4518-a0e4",  // oauth2-proxy realm/client secret
        "tlNnq69vQZTeLoFloXv0SlEW",  // realm1 client secret
        "MIIEowIBAAKCAQEAjdo2HZ5r",  // oauth2-proxy realm RSA private key
        "MIIEpAIBAAKCAQEAzn/6qOCj",  // realm1 RSA private key
        "b2F1dGgyLXByb3h5LWNsaWVu",  // oauth2-proxy alpha config clientSecret
    ]

    /// The corpus evaluated once at the pinned time, or nil where `../shared/realworld` is absent.
    static let evaluatedCorpus: (URL, ResultDocument)? = MeshRealWorldTests.realworld.map { realworld in
        let loaded = EstateLoader().load(paths: [realworld.path])
        return (realworld, Evaluator(catalog: Repository.catalog).evaluate(loaded, clock: Harness.clock))
    }

    static func corpus() -> (URL, ResultDocument)? {
        if evaluatedCorpus == nil { print("SKIPPED: ../shared/realworld is not present") }
        return evaluatedCorpus
    }

    @Test func corpusScanListsEveryFileWithReasonsAndLeaksNoSecret() throws {
        guard let (realworld, document) = Self.corpus() else { return }
        let files = try FileManager.default.subpathsOfDirectory(atPath: realworld.path)
            .filter { path in
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(
                    atPath: realworld.appendingPathComponent(path).path, isDirectory: &isDirectory)
                return exists && !isDirectory.boolValue
            }
        #expect(files.count >= 58)
        let listed = Set(document.inputs.map { URL(fileURLWithPath: $0.path).standardizedFileURL.path })
        for file in files {
            #expect(listed.contains(realworld.appendingPathComponent(file).standardizedFileURL.path), "\(file) is not listed")
        }
        for input in document.inputs where input.status != .assessed {
            #expect(!input.notes.isEmpty, "\(input.path) is \(input.status.rawValue) without a reason")
            if input.status == .notAssessed {
                #expect(document.results.contains { $0.control.hasPrefix("INP-") && $0.location.file == input.path },
                    "\(input.path) has no INP result")
            }
        }
        let misplaced = EvidencePlacement.misplaced(in: document)
        #expect(misplaced.isEmpty, "evidence not where it says:\n\(misplaced.prefix(20).joined(separator: "\n"))")
        let resources = ReportResources(templates: Repository.templates)
        for renderer in ReportFormats.all where ["json", "xml", "html", "csv", "sarif"].contains(renderer.format) {
            let text = String(decoding: try renderer.render(document, resources: resources), as: UTF8.self)
            for fragment in Self.secretFragments {
                #expect(!text.contains(fragment), "\(renderer.format) report leaks \(fragment)")
            }
        }
    }

    /// docs/realworld-results.md lists each file's failures (other than POL-002/POL-003) with their lines, and the
    /// controls that could not decide (GRAPH-005 aside), as a scan at its pinned time reports them: the page must
    /// not drift from what the tool says.
    @Test func theDocumentedFindingsAreTheScansFindings() throws {
        guard let (_, document) = Self.corpus() else { return }
        var scanned: [String: Set<String>] = [:]
        var undecided: [String: Set<String>] = [:]
        for result in document.results {
            let file = URL(fileURLWithPath: result.location.file).lastPathComponent
            if result.status == .fail, !["POL-002", "POL-003"].contains(result.control) {
                scanned[file, default: []].insert("\(result.control) \(result.severity.rawValue) L\(result.location.line)")
            } else if result.status == .indeterminate, result.control != "GRAPH-005" {
                undecided[file, default: []].insert(result.control)
            }
        }
        let page = try String(
            contentsOf: Repository.root.appendingPathComponent("docs/realworld-results.md"), encoding: .utf8)
        let finding = /([A-Z]+(?:-[A-Z]+)*-\d+) (critical|high|medium|low|info) L(\d+(?:,\d+)*)/
        var rows = 0
        for line in page.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count > 4 else { continue }
            let file = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            var documented: Set<String> = []
            for match in cells[3].matches(of: finding) {
                for number in match.output.3.split(separator: ",") {
                    documented.insert("\(match.output.1) \(match.output.2) L\(number)")
                }
            }
            rows += 1
            #expect(documented == scanned[file, default: []], "\(file)")
            let listed = cells[4].firstMatch(of: /Indeterminate: ([A-Z0-9, -]+?)(\.|$| \()/).map {
                Set($0.output.1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            }
            #expect((listed ?? []) == undecided[file, default: []], "\(file): indeterminate")
        }
        #expect(rows >= 57)
    }
}
