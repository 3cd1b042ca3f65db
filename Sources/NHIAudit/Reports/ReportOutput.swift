import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where a renderer writes its bytes: to a file in chunks of about 1 MiB, or into memory (`render`, tests).
/// Streaming keeps a report of hundreds of megabytes from ever existing whole in memory, and avoids the
/// repeated reallocation (and page remapping) of one ever-growing buffer.
public final class ReportOutput {
    /// Bytes not yet flushed. Writers append here directly, then call `flushIfFull()` between records.
    var pending: [UInt8] = []
    private let descriptor: Int32?
    private var collected = Data()
    static let chunkSize = 1 << 20

    /// A failed write(2) (a full disk, say); `PendingReportFile` names the report it was for.
    struct WriteFailure: Error {
        var reason: String
    }

    /// Collects everything in memory; read it back with `data`.
    public init() {
        descriptor = nil
        pending.reserveCapacity(1 << 16)
    }

    init(descriptor: Int32) {
        self.descriptor = descriptor
        pending.reserveCapacity(Self.chunkSize + (1 << 16))
    }

    public func append(_ text: String) { pending.append(contentsOf: text.utf8) }

    public func append(_ bytes: some Sequence<UInt8>) { pending.append(contentsOf: bytes) }

    @inline(__always)
    func flushIfFull() throws {
        if pending.count >= Self.chunkSize { try flush() }
    }

    /// Appends bytes rendered elsewhere; a large chunk is written as it is, not copied into `pending` first.
    func appendChunk(_ bytes: [UInt8]) throws {
        guard pending.count + bytes.count >= Self.chunkSize else { return pending.append(contentsOf: bytes) }
        try flush()
        try write(bytes)
    }

    func flush() throws {
        try write(pending)
        pending.removeAll(keepingCapacity: true)
    }

    private func write(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        guard let descriptor else { return collected.append(contentsOf: bytes) }
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteFailure(reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    /// Everything written so far (memory outputs).
    public var data: Data {
        get throws {
            try flush()
            return collected
        }
    }
}

/// A report being written beside its final name: committed by a rename, so a reader or a killed run never
/// sees half a report, and a failed run leaves the previous report in place. Sendable so formats can be
/// written in parallel; each file is written by one worker only.
public final class PendingReportFile: @unchecked Sendable {
    public let url: URL
    private let temporary: URL
    private var descriptor: Int32

    public init(_ url: URL) throws {
        self.url = url
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory)
            throw ReportError(
                exists && !isDirectory.boolValue
                    ? "cannot write reports to \(directory.path): it is a file, not a folder"
                    : "cannot create the report folder \(directory.path): \((error as NSError).localizedDescription)")
        }
        PendingFiles.removeAbandoned(in: directory)
        temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        PendingFiles.add(temporary.path)
        descriptor = Glibc.open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            PendingFiles.remove(temporary.path)
            throw ReportError("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    deinit { discard() }

    /// Streams `body`'s output into the temporary file.
    public func write(_ body: (ReportOutput) throws -> Void) throws {
        let output = ReportOutput(descriptor: descriptor)
        do {
            try body(output)
            try output.flush()
        } catch let failure as ReportOutput.WriteFailure {
            throw ReportError("cannot write \(url.path): \(failure.reason)")
        }
    }

    public func commit() throws {
        Glibc.close(descriptor)
        descriptor = -1
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            discard()
            throw ReportError("cannot write \(url.path): \(reason)")
        }
        PendingFiles.remove(temporary.path)
    }

    public func discard() {
        if descriptor >= 0 {
            Glibc.close(descriptor)
            descriptor = -1
        }
        unlink(temporary.path)
        PendingFiles.remove(temporary.path)
    }
}

/// Writes one small file atomically (temp file, then rename).
public enum AtomicWriter {
    public static func write(_ data: Data, to url: URL) throws {
        let file = try PendingReportFile(url)
        try file.write { $0.append(data) }
        try file.commit()
    }
}
