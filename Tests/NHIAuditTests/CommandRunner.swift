import Foundation
import Testing

/// Runs the real `nhi-audit` executable built next to the test bundle (`swift test` builds it too).
struct CommandRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let executable: URL? = {
        let candidates = [
            Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        return candidates.map { $0.appendingPathComponent("nhi-audit") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    var workingDirectory: URL
    var epoch: Int = 1_795_000_000

    func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let binary = try #require(Self.executable, "nhi-audit is not built next to the test bundle; run `swift build` first")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments + (arguments.first == "scan" ? ["--home", Repository.root.path] : [])
        process.currentDirectoryURL = workingDirectory
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(epoch)
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    func run(_ arguments: [String]) throws -> Output {
        let (process, out, err) = try start(arguments)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
