import Foundation
import NHIAudit
import Testing

/// Reports are written beside their final names and renamed when complete. A scan stopped by a signal (a nightly
/// job's timeout) used to leave those temporary files behind, hundreds of megabytes per run on a large estate.
@Suite struct TerminationTests {
    static let verifier = """
        apiVersion: nhi-audit/v1
        kind: Verifier
        metadata: {name: api-NUMBER}
        spec:
          trustedIssuers: [{issuer: "https://issuer.example.com"}]
          audiences: [api-NUMBER]
          algorithms: [ES256]
        """

    static func temporaryReports(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".tmp") }
    }

    @Test(.timeLimit(.minutes(1))) func aScanStoppedBySIGTERMRemovesItsTemporaryReports() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let estate = folder.appendingPathComponent("estate")
        try FileManager.default.createDirectory(at: estate, withIntermediateDirectories: true)
        for number in 0..<4000 {
            try Data(Self.verifier.replacingOccurrences(of: "NUMBER", with: "\(number)").utf8)
                .write(to: estate.appendingPathComponent("verifier-\(number).yaml"))
        }
        let out = folder.appendingPathComponent("out")
        let (process, _, _) = try CommandRunner(workingDirectory: folder).start(
            ["scan", "estate", "--history", "h.sqlite", "--out", "out", "--format", "json,xml"])
        var stopped = false
        while process.isRunning {
            if !Self.temporaryReports(in: out).isEmpty {
                kill(process.processIdentifier, SIGTERM)
                stopped = true
                break
            }
            usleep(200)
        }
        process.waitUntilExit()
        try #require(stopped, "the scan ended before its reports were being written")
        #expect(process.terminationStatus == 128 + SIGTERM)
        #expect(Self.temporaryReports(in: out).isEmpty)
        // Nor is the run recorded: the next --fail-on-new must not take its findings as known.
        #expect(try HistoryStore.open(at: folder.appendingPathComponent("h.sqlite").path).runs().isEmpty)
    }

    /// A scan killed outright (SIGKILL) cannot clean up: the next scan writing to the folder removes what dead
    /// scans left, and nothing else.
    @Test func theNextScanRemovesTemporaryReportsOfScansThatNoLongerRun() throws {
        let folder = try HistoryFixtures.temporaryFolder()
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let abandoned = ".report.json.\(ended.processIdentifier).tmp"
        let running = ".report.json.\(getpid()).tmp"  // this test process: alive, so left alone
        let ours = ".notes.\(ended.processIdentifier).tmp"  // not a report's name: never touched
        for name in [abandoned, running, ours] { try Data().write(to: out.appendingPathComponent(name)) }
        let output = try CommandRunner(workingDirectory: folder).run(
            ["scan", Repository.examples.appendingPathComponent("acme/platform").path, "--no-history", "--out", "out",
             "--format", "json"])
        #expect(output.status == 1, "\(output.stderr)")
        #expect(Set(Self.temporaryReports(in: out)) == [running, ours])
    }
}
