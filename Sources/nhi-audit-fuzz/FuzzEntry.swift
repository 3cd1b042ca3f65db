import Foundation
import NHIAudit

// One fuzz entry for every importer: the input is loaded as a file whose extension selects the parser
// family (NHI_FUZZ_TARGET: yaml, json, tf, hcl, conf, properties, cfg, jwt), linked, evaluated and rendered
// in every report format, so a crash anywhere from parsing to reporting is found. `yaml-tree` instead holds the
// YAML event reader to Yams (differential: any difference is a crash).
//
// Built with `swift build --product nhi-audit-fuzz --sanitize=fuzzer -Xswiftc -DFUZZING` it is a libFuzzer
// binary (see bench/fuzz.sh). Built normally it replays files given as arguments (seed corpus, crash
// regressions) through the same function.

private let fuzzTarget = ProcessInfo.processInfo.environment["NHI_FUZZ_TARGET"] ?? "yaml"
private let home = ResourceLocator.home()
private let catalog: Catalog? = home.flatMap { try? Catalog.load(from: $0.appendingPathComponent("mappings")) }
private let resources = home.map { ReportResources(templates: $0.appendingPathComponent("templates")) }
/// NHI_FUZZ_FORMATS narrows the renderers (e.g. `json`) to spend the time on the parsers; default: all.
private let renderers = ProcessInfo.processInfo.environment["NHI_FUZZ_FORMATS"].map { names in
    names.split(separator: ",").compactMap { ReportFormats.renderer(named: String($0)) }
} ?? ReportFormats.all

func fuzzOne(_ data: Data, target: String = fuzzTarget) {
    if target == "yaml-tree" {
        // Differential: whatever YAML the event reader takes, Yams must compose to the same tree.
        guard let text = String(validating: data, as: UTF8.self) else { return }
        if let difference = YAMLEventReader.differenceFromYams(text) { fatalError("YAML event reader: \(difference)") }
        return
    }
    guard let catalog, let resources else {
        // Without the catalog and templates only the parsers would run: refuse to fuzz half the pipeline.
        FileHandle.standardError.write(Data("nhi-audit-fuzz: mappings/ and templates/ not found; set NHI_AUDIT_HOME\n".utf8))
        exit(2)
    }
    let result = EstateLoader().loadFile(path: "fuzz-input.\(target)", data: data)
    var loaded = EstateLoader.Loaded()
    loaded.estate = result.estate
    loaded.inputs = [result.record]
    loaded.diagnostics = result.diagnostics
    let linkDiagnostics = DiagnosticSink()
    for linker in ImporterRegistry.standard.linkers { linker.link(&loaded.estate, diagnostics: linkDiagnostics) }
    loaded.diagnostics += linkDiagnostics.diagnostics
    let document = Evaluator(catalog: catalog).evaluate(loaded, clock: ReportClock(epochSeconds: 0))
    for renderer in renderers {
        // With the shipped templates every document must render: a refusal means a hostile input hides a report.
        do { _ = try renderer.render(document, resources: resources) } catch {
            fatalError("\(renderer.format) renderer refused the document: \(error)")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    fuzzOne(Data(bytes: bytes, count: count))
    return 0
}

#if !FUZZING
@main
struct ReplayCorpus {
    static func main() throws {
        var replayed = 0
        for path in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { "\(path)/\($0)" } : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                let target = URL(fileURLWithPath: file).pathExtension
                fuzzOne(data, target: target.isEmpty ? fuzzTarget : target)
                replayed += 1
            }
        }
        print("replayed \(replayed) inputs without a crash")
    }
}
#endif
