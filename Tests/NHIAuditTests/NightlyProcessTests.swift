import Foundation
import GRDB
import NHIAudit
import Testing

/// The nightly guarantees, on the real executable: concurrent writers, SIGKILL, refusals, gates, diff.
@Suite(.serialized) struct NightlyProcessTests {
    let folder: URL
    let runner: CommandRunner

    init() throws {
        folder = try HistoryFixtures.temporaryFolder()
        try FileManager.default.copyItem(at: HistoryFixtures.estate, to: folder.appendingPathComponent("estate"))
        try FileManager.default.copyItem(at: HistoryFixtures.waivers, to: folder.appendingPathComponent("waivers.yaml"))
        runner = CommandRunner(workingDirectory: folder)
    }

    func scan(_ extra: [String] = [], out: String = "report") -> [String] {
        ["scan", "estate", "--waivers", "waivers.yaml", "--out", out, "--format", "json"] + extra
    }

    func runCount(_ database: String = ".nhi-audit/history.sqlite") throws -> Int {
        let output = try runner.run(["history", "--format", "json", "--history", database])
        #expect(output.status == 0, "\(output.stderr)")
        let runs = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [Any]
        return runs?.count ?? -1
    }

    func editIssuer() throws {
        let file = folder.appendingPathComponent("estate/issuers.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try ("# reviewed by platform team\n# see SEC-2001\n" + text.replacingOccurrences(of: "defaultTTL: 15m", with: "defaultTTL: 2h"))
            .write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func twoScansWritingOneDatabaseAtOnceBothRecordTheirRun() throws {
        for round in 0..<3 {
            let first = try runner.start(scan(out: "a\(round)"))
            let second = try runner.start(scan(out: "b\(round)"))
            for (process, out, err) in [first, second] {
                _ = out.fileHandleForReading.readDataToEndOfFile()
                let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "round \(round): \(stderr)")
            }
        }
        #expect(try runCount() == 6)
        let store = try HistoryStore.open(at: folder.appendingPathComponent(".nhi-audit/history.sqlite").path, create: false)
        let expected = try JSONDecoder().decode(ResultDocument.self, from: Data(contentsOf: folder.appendingPathComponent("a0/report.json")))
        for run in try store.runs() { #expect(try store.results(of: run.id).count == expected.results.count, "run \(run.id) lost results") }
    }

    @Test func scanKilledAtAnyPointLeavesDatabaseAndReportsIntact() throws {
        #expect(try runner.run(scan()).status == 0)
        let report = folder.appendingPathComponent("report/report.json")
        let database = folder.appendingPathComponent(".nhi-audit/history.sqlite").path
        let firstReport = try Data(contentsOf: report)
        let firstResults = try HistoryStore.open(at: database, create: false).results(of: 1)
        #expect(!firstResults.isEmpty)
        let storedRunOne = "SELECT (SELECT count(*) FROM results WHERE run = 1) || '/' || (SELECT length(results) FROM packed_results WHERE run = 1)"
        let firstStored = try DatabaseQueue(path: database).read { try String.fetchOne($0, sql: storedRunOne) }
        for delay in [0, 2, 5, 10, 20, 35, 50, 75, 100, 120, 140, 160, 180, 200, 250, 300] {
            let (process, _, _) = try runner.start(scan())
            usleep(useconds_t(delay * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let queue = try DatabaseQueue(path: database)
            let (check, runOne) = try queue.read { db in
                (try String.fetchAll(db, sql: "PRAGMA integrity_check"), try String.fetchOne(db, sql: storedRunOne))
            }
            try queue.close()
            #expect(check == ["ok"], "killed after \(delay) ms")
            #expect(runOne == firstStored, "killed after \(delay) ms: run 1 changed")
            let current = try Data(contentsOf: report)
            let parsed = try? JSONDecoder().decode(ResultDocument.self, from: current)
            #expect(current == firstReport || parsed != nil, "killed after \(delay) ms: report.json is torn")
        }
        let after = try runner.run(scan())
        #expect(after.status == 0, "\(after.stderr)")
        let store = try HistoryStore.open(at: database, create: false)
        #expect(try store.results(of: 1) == firstResults)
        // Every run a killed scan managed to commit is whole: all its results or no run at all.
        for run in try store.runs() { #expect(try store.results(of: run.id).count == firstResults.count, "run \(run.id) is partial") }
        #expect(try store.runs().first.map { try store.results(of: $0.id).count } == firstResults.count)
    }

    @Test func historyInsideTheScannedFolderIsNotAnInput() throws {
        let arguments = scan(["--history", "estate/history.sqlite"])
        #expect(try runner.run(arguments).status == 0)
        #expect(try runner.run(arguments).status == 0)
        let store = try HistoryStore.open(at: folder.appendingPathComponent("estate/history.sqlite").path, create: false)
        let runs = try store.runs()
        #expect(runs.count == 2)
        #expect(runs[0].runDigest == runs[1].runDigest, "the database must not enter the digest")
    }

    @Test func corruptHistoryIsRefusedByScanWithExitCode2() throws {
        let database = folder.appendingPathComponent("notes.sqlite")
        let garbage = Data(String(repeating: "meeting notes, not a database\n", count: 40).utf8)
        try garbage.write(to: database)
        let output = try runner.run(scan(["--history", database.path]))
        #expect(output.status == 2)
        #expect(output.stderr.contains("not an SQLite database"))
        #expect(try Data(contentsOf: database) == garbage)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("report/report.json").path), "no report for a refused run")
    }

    @Test func expiredWaiverAndCoverageBelowTargetExitWith3() throws {
        var later = runner
        later.epoch = 1_798_848_000  // 2027-01-02: the fixture waiver expired on 2026-12-31
        let expired = try later.run(scan(["--no-history"]))
        #expect(expired.status == 3, "\(expired.stdout)\n\(expired.stderr)")
        #expect(expired.stdout.contains("EXIT 3: expired waiver"))
        let coverage = try runner.run(scan(["--no-history", "--min-coverage", "100"]))
        #expect(coverage.status == 3)
        #expect(coverage.stdout.contains("below --min-coverage"))
        #expect(try runner.run(scan(["--no-history", "--min-coverage", "nist-csf-2.0=0"])).status == 0)
        #expect(try runner.run(scan(["--no-history", "--min-coverage", "nist-csf=50"])).status == 2)
        #expect(try runner.run(scan(["--no-history", "--fail-on-new"])).status == 2)
    }

    @Test func baselineAndFailOnNewJudgeOnlyNewFindings() throws {
        try editIssuer()
        #expect(try runner.run(scan()).status == 1, "payments-sts now fails ISS-TTL-001 (high)")
        let written = try runner.run(["baseline", "write", "baseline.json"])
        #expect(written.status == 0, "\(written.stderr)")
        let withBaseline = try runner.run(scan(["--baseline", "baseline.json"]))
        #expect(withBaseline.status == 0, "\(withBaseline.stdout)")
        #expect(withBaseline.stdout.contains("new debt: 0 failures"))
        let report = try JSONDecoder().decode(ResultDocument.self, from: Data(contentsOf: folder.appendingPathComponent("report/report.json")))
        #expect(report.results.contains { $0.status == .fail && $0.inBaseline == true }, "the report still shows the full picture")
        #expect(try runner.run(scan(["--baseline", "1"])).status == 0)
        #expect(try runner.run(scan(["--fail-on-new"])).status == 0)
        #expect(try runner.run(scan(["--baseline", "no-such-thing"])).status == 2)
    }

    /// A report folder that cannot be made is a tool error (2), never "failures found" (1): any error the
    /// commands do not name used to reach ArgumentParser, which exits 1.
    @Test func aReportFolderThatIsAFileExitsWith2() throws {
        try Data("not a folder".utf8).write(to: folder.appendingPathComponent("taken"))
        let output = try runner.run(scan(["--no-history"], out: "taken"))
        #expect(output.status == 2, "\(output.stdout)\n\(output.stderr)")
        #expect(output.stderr.contains("cannot write reports to"))
        #expect(output.stderr.contains("taken: it is a file, not a folder"))
    }

    /// Done-when: the estate scanned twice with one file edited in between shows the change in `diff`.
    @Test func editBetweenTwoScansShowsInDiffAndReport() throws {
        #expect(try runner.run(scan()).status == 0)
        try editIssuer()
        var nextDay = runner
        nextDay.epoch += 86_400
        #expect(try nextDay.run(scan()).status == 1)
        let diff = try runner.run(["diff", "--format", "json"])
        #expect(diff.status == 0, "\(diff.stderr)")
        let parsed = try JSONDecoder().decode(RunDiff.self, from: Data(diff.stdout.utf8))
        let change = try #require(parsed.entries.first { $0.entity.name == "payments-sts" && $0.control == "ISS-TTL-001" })
        #expect(change.category == .regressed)
        #expect(change.previousStatus == .pass)
        #expect(parsed.entries.first { $0.entity.name == "legacy-billing-sts" }?.category == .stillFailing)
        let text = try runner.run(["diff", "1", "2"])
        #expect(text.stdout.contains("regressed: 1"))
        let report = try JSONDecoder().decode(ResultDocument.self, from: Data(contentsOf: folder.appendingPathComponent("report/report.json")))
        #expect(report.history?.trend.count == 2)
        let finding = try #require(report.results.first { $0.entity.name == "payments-sts" && $0.control == "ISS-TTL-001" })
        #expect(finding.isNew == true)
        #expect(finding.firstSeen == report.generatedAt)
        let old = try #require(report.results.first { $0.entity.name == "legacy-billing-sts" && $0.control == "ISS-TTL-001" })
        #expect(old.isNew == false)
        #expect(old.firstSeen == report.history?.trend.first?.generatedAt)
        #expect(report.runDigest?.count == 64)
    }
}

extension NightlyProcessTests {
    @Test func historyListAndPrune() throws {
        for day in 0..<4 {
            var runner = runner
            runner.epoch += day * 86_400
            #expect(try runner.run(scan()).status == 0)
        }
        let list = try runner.run(["history"])
        #expect(list.stdout.contains("4 runs in .nhi-audit/history.sqlite"))
        #expect(try runner.run(["history", "prune"]).status == 2)
        let older = try runner.run(["history", "prune", "--older-than", "1d"])
        #expect(older.stdout.contains("pruned 0 runs"), "the clock is the first run's day: \(older.stdout)")
        var later = runner
        later.epoch += 3 * 86_400
        #expect(try later.run(["history", "prune", "--older-than", "36h"]).stdout.contains("pruned 2 runs"))
        #expect(try runner.run(["history", "prune", "--keep", "1"]).stdout.contains("pruned 1 runs"))
        #expect(try runCount() == 1)
        let diff = try runner.run(["diff"])
        #expect(diff.status == 2, "one run left: nothing to compare")
        #expect(diff.stderr.contains("fewer runs than needed"))
    }
}
