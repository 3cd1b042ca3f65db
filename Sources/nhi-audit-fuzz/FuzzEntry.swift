import Foundation
import NHIAudit

// One fuzz entry for every importer: the input is loaded as a file whose extension selects the parser
// family (NHI_FUZZ_TARGET: yaml, json, tf, hcl, conf, properties, cfg, jwt), then evaluated and rendered,
// so a crash anywhere from parsing to reporting is found.
//
// Built with `swift build --product nhi-audit-fuzz --sanitize=fuzzer -Xswiftc -DFUZZING` it is a libFuzzer
// binary (see bench/fuzz.sh). Built normally it replays files given as arguments (seed corpus, crash
// regressions) through the same function.

private let fuzzTarget = ProcessInfo.processInfo.environment["NHI_FUZZ_TARGET"] ?? "yaml"
private let catalog: Catalog? = ResourceLocator.home().flatMap { try? Catalog.load(from: $0.appendingPathComponent("mappings")) }

func fuzzOne(_ data: Data, target: String = fuzzTarget) {
    let result = EstateLoader().loadFile(path: "fuzz-input.\(target)", data: data)
    guard let catalog else { return }
    var loaded = EstateLoader.Loaded()
    loaded.estate = result.estate
    loaded.inputs = [result.record]
    loaded.diagnostics = result.diagnostics
    let document = Evaluator(catalog: catalog).evaluate(loaded, clock: ReportClock(epochSeconds: 0))
    _ = try? JSONReportRenderer().render(document, resources: ReportResources(templates: URL(fileURLWithPath: "/nonexistent")))
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
