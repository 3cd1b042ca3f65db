import Foundation
import NHIAudit
import Yams

/// `swift run -c release nhi-audit-bench [--files N ...]`: generates a deterministic corpus and reports
/// time per phase, throughput, the read-and-parse floor, and the end-to-end CLI scan with its peak RSS.
@main
struct Benchmark {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        var sizes = [1_000, 10_000]
        var corpusRoot = URL(fileURLWithPath: ".build/bench-corpus")
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--files": sizes = (iterator.next() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--corpus": corpusRoot = URL(fileURLWithPath: iterator.next() ?? corpusRoot.path)
            case "generate-istio":
                // For bench/vs-checkov.sh: N Istio RequestAuthentication files with known broken shares.
                let count = Int(iterator.next() ?? "") ?? 1_000
                let directory = URL(fileURLWithPath: iterator.next() ?? "istio-corpus")
                let written = try CorpusGenerator(files: count).writeIstio(to: directory)
                print("wrote \(count) files: \(written.missingAudiences) without audiences, \(written.plainHTTP) with an http jwksUri, \(written.forwarding) forwarding the token")
                return
            default:
                print("usage: nhi-audit-bench [--files 1000,10000,100000] [--corpus DIR]")
                return
            }
        }
        guard let home = ResourceLocator.home() else { throw BenchError("run from the repository (mappings/ not found)") }
        let cli = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("nhi-audit")
        print("nhi-audit benchmark: \(ProcessInfo.processInfo.activeProcessorCount) cores, corpus in \(corpusRoot.path)")
        var endToEnd: [Int: Double] = [:]
        for size in sizes {
            let directory = corpusRoot.appendingPathComponent("\(size)")
            let bytes = try ensureCorpus(size: size, at: directory)
            print("\n== \(size) files, \(String(format: "%.1f", Double(bytes) / 1_048_576)) MB ==")
            try inProcessPhases(directory: directory, bytes: bytes, home: home)
            if FileManager.default.isExecutableFile(atPath: cli.path) {
                endToEnd[size] = try cliScan(
                    cli: cli, directory: directory, files: size, bytes: bytes, home: home, recordsHistory: true)
                _ = try cliScan(cli: cli, directory: directory, files: size, bytes: bytes, home: home, recordsHistory: false)
            } else {
                print("end-to-end: \(cli.path) not built; run `swift build -c release` first")
            }
        }
        let measured = endToEnd.keys.sorted()
        if measured.count >= 2, let small = measured.first, let large = measured.last, let a = endToEnd[small], let b = endToEnd[large] {
            let ratio = b / a
            print(String(format: "\nscaling: %d files took %.2fx the time of %d files (%.0fx the files)", large, ratio, small, Double(large) / Double(small)))
        }
    }

    static func ensureCorpus(size: Int, at directory: URL) throws -> Int {
        // Beside the corpus, not in it: a marker inside would be scanned as an unrecognised input.
        let marker = URL(fileURLWithPath: directory.path + ".complete")
        let oldMarker = directory.appendingPathComponent(".complete")
        if FileManager.default.fileExists(atPath: oldMarker.path) { try? FileManager.default.moveItem(at: oldMarker, to: marker) }
        if let text = try? String(contentsOf: marker, encoding: .utf8), let bytes = Int(text) { return bytes }
        try? FileManager.default.removeItem(at: directory)
        let (_, bytes) = try CorpusGenerator(files: size).write(to: directory)
        try String(bytes).write(to: marker, atomically: true, encoding: .utf8)
        return bytes
    }

    static func inProcessPhases(directory: URL, bytes: Int, home: URL) throws {
        let megabytes = Double(bytes) / 1_048_576
        let (found, discover) = timed { InputDiscovery().discover([directory.path]) }
        let files = found.files
        report("discover", discover, files: files.count, megabytes: nil)
        let (contents, read) = timed { ParallelMap.map(files) { FileReading.contents(atPath: $0) ?? Data() } }
        report("read", read, files: files.count, megabytes: megabytes)
        // Yams' composer: the floor until the scan read documents straight from libyaml's events.
        let (_, yams) = timed {
            ParallelMap.map(contents) { data -> Int in
                var documents = (try? Yams.compose_all(yaml: String(decoding: data, as: UTF8.self), .basic))
                var count = 0
                while documents?.next() != nil { count += 1 }
                return count
            }
        }
        report("parse (Yams compose)", yams, files: files.count, megabytes: megabytes)
        let (_, parse) = timed {
            ParallelMap.map(contents) { YAMLEventReader.parsedDocumentCount(String(decoding: $0, as: UTF8.self)) }
        }
        report("parse (as the scan does)", parse, files: files.count, megabytes: megabytes)
        print(pad("floor (read + parse)") + String(format: " %7.3f s", read.wall + parse.wall) + cpu(read.cpu + parse.cpu))
        let (loaded, load) = timed { EstateLoader().load(paths: [directory.path]) }
        report("load (read+parse+import)", load, files: files.count, megabytes: megabytes)
        let loadedRSS = residentMegabytes()
        let catalog = try Catalog.load(from: home.appendingPathComponent("mappings"))
        var document: ResultDocument
        let evaluate: Timing
        (document, evaluate) = timed { Evaluator(catalog: catalog).evaluate(loaded, clock: ReportClock(epochSeconds: 1_795_000_000)) }
        print(pad("evaluate") + String(format: " %7.3f s  %10.0f results/s (%d results, %d entities)", evaluate.wall,
                     Double(document.results.count) / evaluate.wall, document.results.count, loaded.estate.allEntities.count)
              + cpu(evaluate.cpu))
        // Held for the rest of the scan: the estate after loading, then the estate and every result.
        print(pad("resident memory") + String(format: " %.0f MB after load, %.0f MB after evaluate", loadedRSS, residentMegabytes()))
        let resources = ReportResources(templates: home.appendingPathComponent("templates"))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-bench-render")
        for renderer in ReportFormats.all {
            // Streamed to a file, as a scan writes it (one format at a time here; a scan writes them in parallel).
            let url = out.appendingPathComponent(renderer.fileName)
            let (_, time) = try timed {
                let file = try PendingReportFile(url)
                try file.write { try renderer.write(document, resources: resources, to: $0) }
                try file.commit()
            }
            let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            print(pad("render \(renderer.format)") + String(format: " %7.3f s  %8.1f MB", time.wall, Double(bytes) / 1_048_576)
                  + cpu(time.cpu))
        }
        try historyPhases(&document)
    }

    /// Records the evaluated document into a fresh history database, then again (the nightly case: the same
    /// estate the next night). In place, as the scan does (a copy would time copying 200k results). Each store
    /// is released before measuring, so SQLite checkpoints and the size is the database file's alone.
    static func historyPhases(_ document: inout ResultDocument) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-bench-record.sqlite").path
        for file in HistoryStore.files(at: path) { try? FileManager.default.removeItem(atPath: file) }
        var size = 0
        for phase in ["history record (fresh)", "history record (2nd run)"] {
            let time = try recordOnce(&document, at: path)
            let grown = ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) - size
            size += grown
            print(pad(phase) + String(format: " %7.3f s  %8.1f MB database growth", time.wall, Double(grown) / 1_048_576)
                  + cpu(time.cpu))
        }
        for file in HistoryStore.files(at: path) { try? FileManager.default.removeItem(atPath: file) }
    }

    /// Its own function so the store (and its connection) is gone when it returns.
    static func recordOnce(_ document: inout ResultDocument, at path: String) throws -> Timing {
        let store = try HistoryStore.open(at: path)
        return try timed { try store.record(&document, paths: ["corpus"]) }.1
    }

    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The whole scan as a user runs it, in its own process, so wall time and peak RSS are the real ones.
    /// With `recordsHistory`, into a fresh history database: the nightly case with no earlier runs to compare
    /// (see README, Performance); without, `--no-history`.
    static func cliScan(cli: URL, directory: URL, files: Int, bytes: Int, home: URL, recordsHistory: Bool) throws -> Double {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-bench-out-\(files)")
        let process = Process()
        process.executableURL = cli
        var arguments = [
            "scan", directory.path, "--out", out.path, "--format", "json,xml,html", "--fail-on", "none", "--home", home.path,
            "--no-history",
        ]
        if recordsHistory {
            let history = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-bench-history-\(files).sqlite")
            for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: history.path + suffix) }
            arguments[arguments.count - 1] = "--history"
            arguments.append(history.path)
        }
        process.arguments = arguments
        process.environment = ["SOURCE_DATE_EPOCH": "1795000000", "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        let childrenCPU = childrenCPUSeconds()
        let start = DispatchTime.now()
        try process.run()
        // Peak RSS from the child's own VmHWM, sampled while it runs: getrusage(RUSAGE_CHILDREN) would report
        // this benchmark's own size, which a forked child carries until exec (Linux keeps it in maxrss).
        var peakKilobytes = 0
        while process.isRunning {
            peakKilobytes = max(peakKilobytes, highWaterMark(pid: process.processIdentifier) ?? 0)
            usleep(10_000)
        }
        process.waitUntilExit()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        print(String(format: "  end-to-end CLI scan (json,xml,html, %@): %.3f s, %.0f files/s, %.1f MB/s, peak RSS %.0f MB (exit %d)",
                     recordsHistory ? "fresh history" : "no history", seconds, Double(files) / seconds, Double(bytes) / 1_048_576 / seconds, Double(peakKilobytes) / 1024, process.terminationStatus)
              + cpu(childrenCPUSeconds() - childrenCPU))
        return seconds
    }

    /// `VmHWM` (peak resident set, kB) of a running process, from /proc.
    static func highWaterMark(pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }

    /// Wall seconds and the process's CPU seconds (user + system, all threads). On a shared 2-core machine the
    /// CPU figure is the steadier one for comparing builds: wall time moves with the host's load.
    struct Timing {
        var wall: Double
        var cpu: Double
    }

    static func timed<T>(_ body: () throws -> T) rethrows -> (T, Timing) {
        let cpuStart = processCPUSeconds()
        let start = DispatchTime.now()
        let value = try body()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return (value, Timing(wall: wall, cpu: processCPUSeconds() - cpuStart))
    }

    /// User + system seconds of the finished child processes (`getrusage(RUSAGE_CHILDREN)`).
    static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Resident set size now (not the peak), from /proc/self/statm.
    static func residentMegabytes() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    static func cpu(_ seconds: Double) -> String { String(format: "  [%.3f s CPU]", seconds) }

    static func report(_ phase: String, _ time: Timing, files: Int, megabytes: Double?) {
        let throughput = megabytes.map { String(format: "  %7.1f MB/s", $0 / time.wall) } ?? ""
        print(pad(phase) + String(format: " %7.3f s  %10.0f files/s", time.wall, Double(files) / time.wall) + throughput
              + cpu(time.cpu))
    }

    /// `String(format: "%-26s")` does not take Swift strings on Linux; pad by hand.
    static func pad(_ label: String) -> String { "  " + label.padding(toLength: 26, withPad: " ", startingAt: 0) }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
