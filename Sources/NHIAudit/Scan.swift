import Foundation

/// One scan, as the CLI and library users run it: load, evaluate, render, write.
public struct Scan: Sendable {
    public var paths: [String]
    public var policyFiles: [String]
    public var outputDirectory: URL
    public var home: URL
    public var clock: ReportClock
    /// Files of `kind: Waiver` documents (`--waivers`); read like inputs, so their hashes enter the digests.
    public var waiverFiles: [String] = []
    /// Never read as inputs (the history database and its companions), besides the report folder.
    public var excludedPaths: [String] = []

    public init(paths: [String], policyFiles: [String] = [], outputDirectory: URL, home: URL, clock: ReportClock) {
        self.paths = paths
        self.policyFiles = policyFiles
        self.outputDirectory = outputDirectory
        self.home = home
        self.clock = clock
    }

    public func run() throws -> ResultDocument {
        let catalog = try Catalog.load(from: home.appendingPathComponent("mappings"))
        var loaded = EstateLoader().load(paths: paths + policyFiles + waiverFiles, excluding: [outputDirectory.path] + excludedPaths)
        loaded.estate.preferredPolicyFiles = Set(policyFiles)
        var document = Evaluator(catalog: catalog).evaluate(loaded, clock: clock)
        document.runDigest = try RunDigest.compute(
            inputDigest: document.inputDigest, mappings: home.appendingPathComponent("mappings"), waivers: loaded.estate.waivers)
        // The estate is millions of small objects: free them on another core while the reports are written.
        let release = Releaser(loaded)
        loaded = EstateLoader.Loaded()
        DispatchQueue.global(qos: .utility).async { release.release() }
        return document
    }

    /// Streams every requested format into a temporary file beside its final name, then renames them all,
    /// so a template error or a full disk leaves the previous reports intact.
    public func write(_ document: ResultDocument, formats: [any ReportRenderer]) throws -> [URL] {
        let resources = ReportResources(templates: home.appendingPathComponent("templates"))
        let files = try formats.map { try PendingReportFile(outputDirectory.appendingPathComponent($0.fileName)) }
        // Formats are independent renderings of one document: write them on every core.
        let outcomes = ParallelMap.map(Array(zip(formats, files))) { renderer, file in
            Result { try file.write { try renderer.write(document, resources: resources, to: $0) } }
        }
        for outcome in outcomes {
            if case .failure(let error) = outcome {
                files.forEach { $0.discard() }
                throw error
            }
        }
        try files.forEach { try $0.commit() }
        return files.map(\.url)
    }
}

/// Holds a value until `release()`, so its last reference goes on the thread that calls it.
private final class Releaser<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    init(_ value: Value) { self.value = value }
    func release() { value = nil }
}
