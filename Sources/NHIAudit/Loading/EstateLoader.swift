import Crypto
import Foundation
import Yams

/// Reads input files and imports them into one estate. A bad file never stops the run: it becomes
/// INP-* diagnostics and an input record saying what could not be assessed.
public struct EstateLoader: Sendable {
    public var importers: ImporterRegistry
    public var limits: LoadLimits

    public init(importers: ImporterRegistry = .standard, limits: LoadLimits = .standard) {
        self.importers = importers
        self.limits = limits
    }

    public struct Loaded: Sendable {
        public var estate = Estate()
        public var inputs: [InputRecord] = []
        public var diagnostics: [InputDiagnostic] = []

        public init() {}
    }

    public func load(paths: [String], excluding: [String] = []) -> Loaded {
        let found = InputDiscovery(excluding: excluding).discover(paths)
        var loaded = Loaded()
        for problem in found.problems {
            loaded.diagnostics.append(
                .init(.unreadable, at: SourceLocation(file: problem.path, line: 1, column: 1), problem.reason))
            loaded.inputs.append(
                InputRecord(
                    path: problem.path, sha256: "", bytes: 0, format: "unreadable", status: .notAssessed,
                    entities: 0, notes: [problem.reason]))
        }
        var files = found.files
        if files.count > limits.maxFiles {
            let skipped = files[limits.maxFiles...]
            loaded.diagnostics.append(
                .init(
                    .unreadable, at: SourceLocation(file: skipped.first ?? "", line: 1, column: 1),
                    "\(counted(skipped.count, "file")) beyond the limit of \(limits.maxFiles) inputs "
                        + (skipped.count == 1 ? "was not read" : "were not read")))
            files = Array(files[..<limits.maxFiles])
        }
        // Files are independent until linking: read, parse and import them on every core in contiguous parts,
        // then merge the parts in discovery order so the result does not depend on scheduling. Each part merges
        // its files' estates itself, so the serial merge appends a few large arrays instead of regrowing each
        // one thousands of times (entities are large structs), and per-file estates are freed on every core.
        let selected = files
        let partSize = max(1, (selected.count + 31) / 32)
        let parts = stride(from: 0, to: selected.count, by: partSize).map { $0..<min($0 + partSize, selected.count) }
        let threads = 4 * ProcessInfo.processInfo.activeProcessorCount
        let loadedParts = ParallelMap.map(parts, threads: threads) { range in
            TextInterner.$current.withValue(TextInterner()) {
                var part = Loaded()
                let yaml = YAMLParserSetup()
                for index in range {
                    let result = loadFile(path: selected[index], yaml: yaml)
                    part.estate.merge(result.estate)
                    part.inputs.append(result.record)
                    part.diagnostics.append(contentsOf: result.diagnostics)
                }
                return part
            }
        }
        for part in loadedParts {
            loaded.estate.merge(part.estate)
            loaded.inputs.append(contentsOf: part.inputs)
            loaded.diagnostics.append(contentsOf: part.diagnostics)
        }
        loaded.inputs.sort { $0.path < $1.path }
        let linkDiagnostics = DiagnosticSink()
        for linker in importers.linkers { linker.link(&loaded.estate, diagnostics: linkDiagnostics) }
        loaded.diagnostics.append(contentsOf: linkDiagnostics.diagnostics)
        return loaded
    }

    public struct FileResult: Sendable {
        public var record: InputRecord
        public var estate: Estate
        public var diagnostics: [InputDiagnostic]
    }

    public func loadFile(path: String) -> FileResult { loadFile(path: path, yaml: YAMLParserSetup()) }

    func loadFile(path: String, yaml: YAMLParserSetup) -> FileResult {
        switch FileReading.contents(atPath: path, maxBytes: limits.maxFileBytes) {
        case .tooLarge(let bytes):
            return Self.notRead(
                path, bytes: bytes, format: "unread",
                "file is \(bytes) bytes, over the limit of \(limits.maxFileBytes); not read")
        case .unreadable:
            return Self.notRead(path, format: "unreadable", "file cannot be read (permissions or I/O error)")
        case .notRegularFile(let kind):
            return Self.notRead(
                path, format: "unreadable",
                "not a regular file (a \(kind)): not read, since reading it could block or never end")
        case .contents(let data):
            return loadFile(path: path, data: data, yaml: yaml)
        }
    }

    /// A file left unread: a not-assessed input and an INP-001 at its first line, both giving `reason`.
    private static func notRead(_ path: String, bytes: Int = 0, format: String, _ reason: String) -> FileResult {
        FileResult(
            record: InputRecord(
                path: path, sha256: "", bytes: bytes, format: format, status: .notAssessed, entities: 0,
                notes: [reason]),
            estate: Estate(), diagnostics: [.init(.unreadable, at: .init(file: path, line: 1, column: 1), reason)])
    }

    /// Imports one file's bytes. Public so tests and examples can load in-memory snippets.
    public func loadFile(path: String, data: Data) -> FileResult { loadFile(path: path, data: data, yaml: YAMLParserSetup()) }

    func loadFile(path: String, data: Data, yaml: YAMLParserSetup) -> FileResult {
        let hash = Hex.string(SHA256.hash(data: data))
        var record = InputRecord(
            path: path, sha256: hash, bytes: data.count, format: "unrecognized", status: .notAssessed, entities: 0,
            notes: [])
        let start = SourceLocation(file: path, line: 1, column: 1)
        let text: String
        switch TextDecoding.decode(data) {
        case .failure(let problem):
            record.notes.append(problem.reason)
            let code: InputDiagnostic.Code = problem.isBinary ? .unrecognized : .unreadable
            return FileResult(record: record, estate: Estate(), diagnostics: [.init(code, at: start, problem.reason)])
        case .success(let decoded):
            text = decoded
        }
        let check = limits.scanText(text)
        if let breach = check.breach {
            record.notes.append(breach.reason)
            return FileResult(
                record: record, estate: Estate(),
                diagnostics: [.init(.unreadable, at: .init(file: path, line: breach.line, column: 1), "\(breach.reason); file not assessed")])
        }
        let sink = ImportSink()
        var formats: [String] = []
        let source = SourceText(path: path, text: text)
        if let importer = importers.textImporters.first(where: { $0.recognizes(source) }) {
            importer.importText(source, into: sink)
            formats.append(importer.format)
        } else {
            formats = importDocuments(source, into: sink, record: &record, hasAsterisk: check.hasAsterisk, yaml: yaml)
        }
        let entityCount = sink.estate.allEntities.count + sink.estate.waivers.count
        record.entities = entityCount
        if formats.isEmpty {
            if sink.diagnostics.diagnostics.isEmpty {
                let tried = importers.formatNames.joined(separator: ", ")
                let reason = "not a recognized format (tried: \(tried))"
                record.notes.append(reason)
                sink.report(.init(.unrecognized, at: start, reason))
            }
            record.status = .notAssessed
        } else {
            record.format = Array(Set(formats)).sorted().joined(separator: ", ")
            let hasProblems = sink.diagnostics.diagnostics.contains { $0.code != .unrecognized } || !record.notes.isEmpty
            record.status = entityCount == 0 ? .notAssessed : (hasProblems ? .partial : .assessed)
        }
        // The report lists why a file is not (fully) assessed from its notes: give the diagnostics when the
        // importer left none.
        if record.status != .assessed, record.notes.isEmpty {
            record.notes = sink.diagnostics.diagnostics.map { "\($0.location): \($0.message)" }
        }
        return FileResult(record: record, estate: sink.estate, diagnostics: sink.diagnostics.diagnostics)
    }

    /// Parses YAML/JSON documents and hands each to the first importer that recognises it.
    private func importDocuments(
        _ source: SourceText, into sink: ImportSink, record: inout InputRecord, hasAsterisk: Bool,
        yaml: YAMLParserSetup
    ) -> [String] {
        var formats: [String] = []
        var documentIndex = 0
        let looksStructured = ["yaml", "yml", "json"].contains(source.fileExtension)
        var unrecognizedDocuments: [String] = []
        // Without an alias (`*name`) a document has at most about one node per byte of text, so only a file with
        // an alias, or of more bytes than half the node limit, can breach the expansion limit: skip the walk.
        let mayExceedExpansion = source.text.utf8.count > limits.maxExpandedNodes / 2 || hasAsterisk
        /// Takes the next document (made only when it is to be imported); false once no more are read.
        func take(_ makeDocument: () -> DocumentNode?, at location: SourceLocation, expandsTooFar: Bool) -> Bool {
            documentIndex += 1
            if documentIndex > limits.maxDocumentsPerFile {
                sink.report(
                    .init(
                        .unreadable, at: location,
                        "more than \(limits.maxDocumentsPerFile) documents in one file; the rest are not assessed"))
                return false
            }
            guard !expandsTooFar, let document = makeDocument() else {
                sink.report(
                    .init(
                        .unreadable, at: location,
                        "document expands to more than \(limits.maxExpandedNodes) nodes through aliases; not assessed"))
                return true
            }
            guard let importer = importers.documentImporters.first(where: { $0.recognizes(document) }) else {
                unrecognizedDocuments.append(Self.describe(document, index: documentIndex))
                return true
            }
            importer.importDocument(document, into: sink)
            formats.append(importer.format)
            return true
        }
        do {
            switch YAMLEventReader.documents(source.text, file: source.path) {
            case .documents(let trees):
                // No aliases here: a document expands to exactly the nodes it holds.
                for tree in trees {
                    let document = DocumentNode(tree: tree)
                    let tooFar = tree.nodeCount > limits.maxExpandedNodes
                    guard take({ document }, at: document.location, expandsTooFar: tooFar) else { break }
                }
            case .leftToYams:
                // YamlSequence swallows a parse error and ends early; rethrow it so no document is silently lost.
                var documents = try Yams.compose_all(yaml: source.text, yaml.resolver, yaml.constructor, .utf8)
                while let node = documents.next() {
                    let location = SourceLocation(file: source.path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
                    let tooFar = mayExceedExpansion && limits.exceedsExpansion(node)
                    // Aliases expanded in the copy, under this loader's limit (the walk or the size check above
                    // ruled out a breach).
                    let make = {
                        YAMLTree.fromYams(node, file: source.path, rootPath: "", shift: nil, maxNodes: self.limits.maxExpandedNodes)
                            .map { DocumentNode(tree: $0) }
                    }
                    guard take(make, at: location, expandsTooFar: tooFar) else { break }
                }
                if let error = documents.error { throw error }
            }
        } catch {
            let (location, reason) = YAMLErrorReport.describe(error, file: source.path)
            if case YamlError.duplicatedKeysInMapping = error {
                sink.report(.init(.duplicateKey, at: location, reason))
            } else if looksStructured || !formats.isEmpty {
                sink.report(.init(.unreadable, at: location, reason))
            } else {
                // Not YAML at all and no text importer took it: unrecognized, with the parse problem as context.
                let tried = importers.formatNames.joined(separator: ", ")
                let message = "not a recognized format (tried: \(tried)); as YAML: \(reason)"
                sink.report(.init(.unrecognized, at: location, message))
                record.notes.append(message)
                return formats
            }
            record.notes.append("\(location): \(reason)")
        }
        if !formats.isEmpty, !unrecognizedDocuments.isEmpty {
            record.notes.append("documents not assessed (no importer for them): " + unrecognizedDocuments.joined(separator: "; "))
        } else if formats.isEmpty, documentIndex > 0, sink.diagnostics.diagnostics.isEmpty {
            let tried = importers.formatNames.joined(separator: ", ")
            let reason = "not a recognized format (tried: \(tried)); found " + unrecognizedDocuments.joined(separator: "; ")
            sink.report(.init(.unrecognized, at: SourceLocation(file: source.path, line: 1, column: 1), reason))
            record.notes.append(reason)
        }
        return formats
    }

    private static func describe(_ document: DocumentNode, index: Int) -> String {
        let apiVersion = document["apiVersion"]?.scalar
        let kind = document["kind"]?.scalar
        let what = [apiVersion, kind].compactMap { $0 }.joined(separator: " ")
        let label = what.isEmpty ? (document.isMapping ? "a mapping" : "a non-mapping document") : what
        return "document \(index) (\(label)) at line \(document.location.line)"
    }
}

/// UTF-8 decoding with the cases real repositories contain: BOM, CRLF, binary, other encodings.
enum TextDecoding {
    struct Problem: Error {
        var reason: String
        var isBinary: Bool
    }

    static func decode(_ data: Data) -> Result<String, Problem> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(Problem(reason: "UTF-16 text is not supported; save the file as UTF-8", isBinary: false))
        }
        // Scan through a raw pointer: Data's element-wise access costs more than the YAML parse.
        let bomLength = bytes.startIndex - data.startIndex
        let (nul, hasCarriageReturn, decoded) = data.withUnsafeBytes { raw -> (Int?, Bool, String?) in
            let body = UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[bomLength...])
            // memchr: the element-wise searches cost as much as the UTF-8 validation.
            guard let base = body.baseAddress else { return (nil, false, "") }
            if let nul = memchr(base, 0, body.count) { return (UnsafeRawPointer(base).distance(to: nul), false, nil) }
            return (nil, memchr(base, 0x0D, body.count) != nil, String(validating: body, as: UTF8.self))
        }
        if let nul {
            return .failure(Problem(reason: "binary file (NUL byte at offset \(bomLength + nul))", isBinary: true))
        }
        guard let text = decoded else {
            let offset = firstInvalidUTF8Offset(bytes)
            return .failure(Problem(reason: "not valid UTF-8 (first bad byte at offset \(offset))", isBinary: false))
        }
        guard hasCarriageReturn, text.contains("\r\n") else { return .success(text) }
        return .success(text.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    private static func firstInvalidUTF8Offset(_ bytes: Data.SubSequence) -> Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let end = min(bytes.endIndex, index + 4)
            var matched = false
            for length in 1...4 where index + length <= end {
                if String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil {
                    index += length
                    matched = true
                    break
                }
            }
            if !matched { return index - bytes.startIndex }
        }
        return bytes.count
    }
}

/// Turns a Yams error into a location and a one-line reason.
enum YAMLErrorReport {
    static func describe(_ error: any Error, file: String) -> (SourceLocation, String) {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case YamlError.scanner(let context, let problem, let mark, _),
            YamlError.parser(let context, let problem, let mark, _),
            YamlError.composer(let context, let problem, let mark, _):
            let contextText = context.map { " (\($0.text))" } ?? ""
            return (at(mark), "YAML syntax error: \(problem)\(contextText)")
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            return (
                at(context.mark),
                "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping; "
                    + "which value a consumer uses is undefined, so the document is not assessed"
            )
        case YamlError.reader(let problem, let offset, _, _):
            return (SourceLocation(file: file, line: 1, column: 1), "unreadable text: \(problem) at offset \(offset ?? 0)")
        default:
            return (SourceLocation(file: file, line: 1, column: 1), "YAML error: \(error)")
        }
    }
}
