import Foundation
import NHIAudit
import Testing

/// Hostile and odd inputs: each is reported with a location and a reason, and the rest of the run goes on.
@Suite struct HardeningTests {
    let goodIssuer = """
        apiVersion: nhi-audit/v1
        kind: Issuer
        metadata: {name: good}
        spec: {tokens: {defaultTTL: 15m}}
        """

    private func scan(_ files: [String: Data], limits: LoadLimits = .standard) throws -> EstateLoader.Loaded {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-hardening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, data) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try Data(goodIssuer.utf8).write(to: directory.appendingPathComponent("good.yaml"))
        return EstateLoader(limits: limits).load(paths: [directory.path])
    }

    private func diagnostic(_ loaded: EstateLoader.Loaded, file: String) -> InputDiagnostic? {
        loaded.diagnostics.first { $0.location.file.hasSuffix("/" + file) }
    }

    @Test func billionLaughsIsStoppedAndTheRestIsAssessed() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let loaded = try scan(["laughs.yaml": Data(text.utf8)])
        let problem = try #require(diagnostic(loaded, file: "laughs.yaml"))
        #expect(problem.code == .unreadable)
        #expect(problem.message.contains("aliases"))
        #expect(loaded.estate.issuers.map(\.metadata.name) == ["good"])
    }

    @Test func deepNestingIsRefusedBeforeParsing() throws {
        let text = "a: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let loaded = try scan(["deep.yaml": Data(text.utf8)])
        let problem = try #require(diagnostic(loaded, file: "deep.yaml"))
        #expect(problem.message.contains("nesting deeper than"))
        #expect(loaded.estate.issuers.count == 1)
    }

    @Test func quotesDoNotHideNesting() throws {
        let text = "a: [don't, " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "]\n"
        let loaded = try scan(["apostrophe.yaml": Data(text.utf8)])
        #expect(diagnostic(loaded, file: "apostrophe.yaml")?.message.contains("nesting") == true)
    }

    @Test func oversizedFilesAndLinesAreNamedWithTheirLimit() throws {
        var limits = LoadLimits()
        limits.maxFileBytes = 1_000
        limits.maxLineBytes = 100
        let loaded = try scan(
            [
                "big.yaml": Data(String(repeating: "k: v\n", count: 400).utf8),
                "long.yaml": Data(("ok: 1\nlong: " + String(repeating: "x", count: 200) + "\n").utf8),
            ], limits: limits)
        #expect(diagnostic(loaded, file: "big.yaml")?.message.contains("over the limit of 1000") == true)
        let long = try #require(diagnostic(loaded, file: "long.yaml"))
        #expect(long.location.line == 2)
        #expect(long.message.contains("over the limit of 100"))
    }

    @Test func tooManyDocumentsStopsAtTheLimit() throws {
        var limits = LoadLimits()
        limits.maxDocumentsPerFile = 3
        let text = (1...5).map { "apiVersion: nhi-audit/v1\nkind: Issuer\nmetadata: {name: i\($0)}\nspec: {}\n" }
            .joined(separator: "---\n")
        let loaded = try scan(["many.yaml": Data(text.utf8)], limits: limits)
        #expect(diagnostic(loaded, file: "many.yaml")?.message.contains("more than 3 documents") == true)
        #expect(loaded.estate.issuers.count == 4)  // 3 from many.yaml + good
    }

    @Test func encodingsAndOddFiles() throws {
        let loaded = try scan([
            "latin1.yaml": Data([0x6B, 0x3A, 0x20, 0xE9, 0x0A]),
            "utf16.yaml": Data([0xFF, 0xFE, 0x6B, 0x00]),
            "binary.bin": Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]),
            "empty.yaml": Data(),
            "bom-crlf.yaml": Data([0xEF, 0xBB, 0xBF] + Array(goodIssuer.replacingOccurrences(of: "good", with: "bom").replacingOccurrences(of: "\n", with: "\r\n").utf8)),
        ])
        #expect(diagnostic(loaded, file: "latin1.yaml")?.message.contains("not valid UTF-8") == true)
        #expect(diagnostic(loaded, file: "utf16.yaml")?.message.contains("UTF-16") == true)
        #expect(diagnostic(loaded, file: "binary.bin")?.code == .unrecognized)
        #expect(diagnostic(loaded, file: "empty.yaml")?.code == .unrecognized)
        #expect(Set(loaded.estate.issuers.map(\.metadata.name)) == ["good", "bom"])
        let bom = try #require(loaded.estate.issuers.first { $0.metadata.name == "bom" })
        #expect(bom.tokens.defaultTTL.location?.line == 4)
        #expect(loaded.inputs.count == 6)
    }

    @Test func symlinkLoopsAndDanglingLinksDoNotHang() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("a"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(goodIssuer.utf8).write(to: directory.appendingPathComponent("a/good.yaml"))
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("a/loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("dangling.yaml").path, withDestinationPath: "nowhere")
        let loaded = EstateLoader().load(paths: [directory.path])
        #expect(loaded.estate.issuers.count == 1)
        #expect(loaded.diagnostics.contains { $0.location.file.hasSuffix("dangling.yaml") && $0.message.contains("cannot be read") })
    }

    /// Opening a FIFO waits for a writer and /dev/zero never ends: both hung a scan that named them, and inside
    /// a folder they (and sockets) were skipped without a word. Each is now listed as not assessed, never read.
    @Test(.timeLimit(.minutes(1))) func fifosSocketsAndDevicesAreListedAndNeverRead() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-special-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(goodIssuer.utf8).write(to: directory.appendingPathComponent("good.yaml"))
        let fifo = directory.appendingPathComponent("pipe.yaml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let zero = directory.appendingPathComponent("zero.yaml").path
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        let loaded = EstateLoader().load(paths: [directory.path])
        #expect(loaded.estate.issuers.count == 1)
        let expected = [
            "pipe.yaml": "not a regular file (a FIFO): not read",
            // A link out of the scanned folder is not followed at all (see the next test).
            "zero.yaml": "a symbolic link to /dev/zero, outside the scanned paths: not followed",
        ]
        for (file, message) in expected {
            let input = loaded.inputs.first { $0.path.hasSuffix("/" + file) }
            #expect(input?.status == .notAssessed, "\(file)")
            #expect(diagnostic(loaded, file: file)?.message == message)
        }
        // Named on the command line, they reach the reader, which opens without blocking and checks the type.
        let named = EstateLoader().load(paths: [fifo, zero])
        #expect(named.inputs.map(\.status) == [.notAssessed, .notAssessed])
        #expect(named.diagnostics.allSatisfy { $0.message.contains("not a regular file") })
    }

    /// A name whose bytes are not UTF-8 cannot be named back from its (repaired) String: it was reported as
    /// "No such file or directory". It is listed with the real reason.
    @Test func aFileNameThatIsNotUTF8IsListedWithTheReason() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(goodIssuer.utf8).write(to: directory.appendingPathComponent("good.yaml"))
        let name = Array((directory.path + "/bad").utf8) + [0xFF] + Array("name.yaml".utf8) + [0]
        let descriptor = name.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer {
            open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644)
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let loaded = EstateLoader().load(paths: [directory.path])
        #expect(loaded.estate.issuers.count == 1)
        let problem = loaded.diagnostics.first { $0.location.file.hasSuffix("/bad\u{FFFD}name.yaml") }
        #expect(problem?.message == "the name is not valid UTF-8: not read (rename it to scan it)")
    }

    #if os(Linux)
        /// A file that reports size 0 but has content (procfs), or grows while read, is read only up to the limit.
        @Test func aFileLargerThanItsReportedSizeStopsAtTheLimit() {
            guard case .tooLarge = FileReading.contents(atPath: "/proc/self/maps", maxBytes: 16) else {
                Issue.record("read past the limit")
                return
            }
        }
    #endif

    /// A repository under review linking out of itself (`etc -> /etc`, `creds.yaml -> ~/.kube/config`) made the
    /// scan read the machine it ran on. Links leading outside the scanned paths are listed, not followed; links
    /// inside them still are.
    @Test func symbolicLinksOutOfTheScannedPathsAreNotFollowed() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-escape-\(UUID().uuidString)")
        let repository = base.appendingPathComponent("repository")
        let elsewhere = base.appendingPathComponent("elsewhere")
        for folder in [repository.appendingPathComponent("shared"), elsewhere] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(at: base) }
        try Data(goodIssuer.utf8).write(to: repository.appendingPathComponent("shared/good.yaml"))
        try Data(goodIssuer.replacingOccurrences(of: "good", with: "secret").utf8)
            .write(to: elsewhere.appendingPathComponent("creds.yaml"))
        let links = [
            ("out-folder", elsewhere.path), ("out-file.yaml", elsewhere.appendingPathComponent("creds.yaml").path),
            ("in-folder", "shared"), (".cache", elsewhere.path),
        ]
        for (name, target) in links {
            try FileManager.default.createSymbolicLink(
                atPath: repository.appendingPathComponent(name).path, withDestinationPath: target)
        }
        let loaded = EstateLoader().load(paths: [repository.path])
        #expect(loaded.estate.issuers.map(\.metadata.name) == ["good"])
        for name in ["out-folder", "out-file.yaml"] {
            let message = diagnostic(loaded, file: name)?.message ?? ""
            #expect(message.hasSuffix("outside the scanned paths: not followed"), "\(name): \(message)")
        }
        #expect(loaded.inputs.contains { $0.path.hasSuffix("/in-folder/good.yaml") && $0.status == .assessed })
        // A hidden folder is skipped as any hidden folder is, wherever it leads: nothing to report.
        #expect(diagnostic(loaded, file: ".cache") == nil)
        // Named on the command line, the other folder is scanned: the rule is about where a link leads.
        let both = EstateLoader().load(paths: [repository.path, elsewhere.path])
        #expect(Set(both.estate.issuers.map(\.metadata.name)) == ["good", "secret"])
    }

    @Test func theReportFolderInsideTheScannedTreeIsNeverScanned() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("report"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(goodIssuer.utf8).write(to: directory.appendingPathComponent("good.yaml"))
        try Data(goodIssuer.utf8).write(to: directory.appendingPathComponent("report/report.json"))
        let loaded = EstateLoader().load(paths: [directory.path], excluding: [directory.appendingPathComponent("report").path])
        #expect(loaded.inputs.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["good.yaml"])
    }
}
