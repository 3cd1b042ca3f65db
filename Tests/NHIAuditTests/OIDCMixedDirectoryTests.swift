import Foundation
import NHIAudit
import Testing

/// Every OIDC/key/token/app-verifier fixture scanned together, as `nhi-audit scan` does.
@Suite struct OIDCMixedDirectoryTests {
    @Test func everyFileIsAssessedOrListedWithAReasonAndResultsPointAtTheirOwnFile() {
        let root = OIDCFixtures.root.path
        let folders = ["keycloak", "discovery", "jwks", "jwt", "spring", "oauth2-proxy", "nginx"].map { "\(root)/\($0)" }
        let loaded = EstateLoader().load(paths: folders)
        #expect(loaded.inputs.count >= 25)
        for input in loaded.inputs {
            let explained = input.status != .notAssessed || !input.notes.isEmpty
                || loaded.diagnostics.contains { $0.location.file == input.path }
            #expect(explained, "\(input.path) is neither assessed nor explained")
        }
        let document = Evaluator(catalog: Repository.catalog).evaluate(loaded, clock: Harness.clock)
        let byName = Dictionary(grouping: document.entities, by: \.name)
        for result in document.results where result.entity.kind != .file {
            let files = byName[result.entity.name]?.map(\.file) ?? []
            #expect(files.contains(result.location.file), "\(result.control) on \(result.entity) points at \(result.location.file)")
        }
        let kinds = Set(document.entities.map(\.kind.rawValue))
        #expect(kinds.isSuperset(of: ["issuer", "verifier", "keyset", "discovery", "machine-client", "token-sample"]))
    }
}
