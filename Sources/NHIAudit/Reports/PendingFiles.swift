import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The temporary files of reports being written. A scan stopped by a signal (a nightly job's timeout sends
/// SIGTERM) removes them before it exits; a scan killed outright cannot, so the next scan writing to the same
/// folder removes those its dead predecessors left (`.report.json.<pid>.tmp` whose process is gone).
public enum PendingFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func add(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    static func remove(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    /// On SIGINT, SIGTERM or SIGHUP: remove every pending file, then exit with 128 + the signal, as a shell
    /// reports a process ended by it.
    public static func removeOnTermination() {
        let queue = DispatchQueue(label: "nhi-audit.termination")
        lock.withLock {
            for number in [SIGINT, SIGTERM, SIGHUP] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    lock.withLock { for path in paths { unlink(path) } }
                    _exit(128 + number)
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// Removes `.report.<format>.<pid>.tmp` files in `directory` whose process no longer runs (only names of
    /// that shape: a user's own hidden files are never touched).
    static func removeAbandoned(in directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(".report.") && name.hasSuffix(".tmp") {
            let parts = name.dropLast(4).split(separator: ".")
            guard parts.count >= 2, let pid = Int32(parts[parts.count - 1]), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(directory.appendingPathComponent(name).path) }
        }
    }
}
