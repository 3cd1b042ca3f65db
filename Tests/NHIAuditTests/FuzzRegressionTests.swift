import Foundation
import NHIAudit
import Testing

/// Inputs the fuzzer (bench/fuzz.sh) once crashed, hung or exhausted memory with. Each is loaded as the file
/// family its extension names, linked, evaluated and rendered in every format, exactly as the fuzz entry does.
@Suite struct FuzzRegressionTests {
    static let folder = Repository.root.appendingPathComponent("Tests/Fixtures/fuzz-seeds")
    static let seeds: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }()

    @Test func thereAreSeeds() {
        #expect(!Self.seeds.isEmpty, "Tests/Fixtures/fuzz-seeds/ holds no regression seeds")
    }

    @Test(arguments: seeds) func seedIsAssessedOrReportedAndEveryFormatRenders(_ name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let result = EstateLoader().loadFile(path: name, data: data)
        var loaded = EstateLoader.Loaded()
        loaded.estate = result.estate
        loaded.inputs = [result.record]
        loaded.diagnostics = result.diagnostics
        let linkDiagnostics = DiagnosticSink()
        for linker in ImporterRegistry.standard.linkers { linker.link(&loaded.estate, diagnostics: linkDiagnostics) }
        loaded.diagnostics += linkDiagnostics.diagnostics
        let document = Evaluator(catalog: Repository.catalog).evaluate(loaded, clock: Harness.clock)

        let inputResults = document.results.filter { $0.control.hasPrefix("INP-") }
        #expect(!loaded.estate.allEntities.isEmpty || !inputResults.isEmpty, "\(name) yielded neither entities nor an INP result")
        #expect(!document.results.isEmpty)
        for renderer in ReportFormats.all {
            let rendered = try renderer.render(document, resources: ReportResources(templates: Repository.templates))
            #expect(!rendered.isEmpty, "\(renderer.format) rendered nothing for \(name)")
        }
    }
}
