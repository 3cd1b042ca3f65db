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
        return document
    }

    /// Renders every requested format first, then writes them, so a template error leaves old reports intact.
    public func write(_ document: ResultDocument, formats: [any ReportRenderer]) throws -> [URL] {
        let resources = ReportResources(templates: home.appendingPathComponent("templates"))
        // Formats are independent renderings of one document: render them on every core.
        let rendered = try ParallelMap.map(formats.map { $0 as any ReportRenderer }) { renderer in
            Result { (renderer.fileName, try renderer.render(document, resources: resources)) }
        }.map { try $0.get() }
        return try rendered.map { name, data in
            let url = outputDirectory.appendingPathComponent(name)
            try AtomicWriter.write(data, to: url)
            return url
        }
    }
}
