import Foundation
import NHIAudit
import Testing

@Suite struct CatalogTests {
    @Test func catalogLoadsAndEveryControlHasCodeAndData() throws {
        let catalog = try Catalog.load(from: Repository.mappings)
        #expect(Set(catalog.controls.map(\.id)) == Set(ControlRegistry.standard.controlIDs))
    }

    @Test func frameworkCatalogsMatchTheOfficialReferenceLists() throws {
        let reference = Repository.shared.appendingPathComponent("reference")
        guard FileManager.default.fileExists(atPath: reference.path) else {
            print("SKIPPED: ../shared/reference not found; framework catalogs not compared with the official lists")
            return
        }
        let files = ["owasp-nhi-2025": "owasp-nhi-2025.tsv", "nist-csf-2.0": "nist-csf-2.0.tsv", "nist-sp-800-207": "nist-sp-800-207-tenets.tsv"]
        for (framework, file) in files {
            let rows = try String(contentsOf: reference.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            let official = Dictionary(uniqueKeysWithValues: rows.map { (String($0[0]), String($0[$0.count - 1])) })
            let catalog = try #require(Repository.catalog.framework(framework))
            let ours = Dictionary(uniqueKeysWithValues: catalog.requirements.map { ($0.id, $0.title) })
            #expect(ours == official, "\(framework) differs from \(file)")
        }
        #expect(Repository.catalog.framework("nist-csf-2.0")?.requirements.count == 106)
    }

    @Test func aControlCitingAnUnknownIDFailsToLoad() throws {
        var catalog = Repository.catalog
        catalog.controls[0].frameworks["nist-csf-2.0"] = ["PR.AC-1"]
        #expect(throws: Catalog.LoadError.self) { try catalog.validate(registry: .standard) }
    }

    @Test func everyFrameworkIDInAReportExistsInTheOfficialCatalog() throws {
        let document = Harness.evaluate(
            files: try FileManager.default.subpathsOfDirectory(atPath: Repository.examples.appendingPathComponent("acme").path)
                .filter { $0.hasSuffix(".yaml") }.sorted().map { name in
                    let url = Repository.examples.appendingPathComponent("acme/\(name)")
                    return (url.path, try String(contentsOf: url, encoding: .utf8))
                })
        for result in document.results {
            for (framework, ids) in result.frameworks {
                let catalog = try #require(Repository.catalog.framework(framework))
                for id in ids { #expect(catalog.requirement(id) != nil, "\(result.control) cites \(framework) \(id)") }
            }
        }
    }
}
