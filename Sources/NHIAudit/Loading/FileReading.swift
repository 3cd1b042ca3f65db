import Foundation

/// Reads a whole file with POSIX calls: Foundation's `Data(contentsOf:)` costs far more per file on Linux,
/// and scans read tens of thousands of small files.
public enum FileReading {
    public enum Outcome {
        case contents(Data)
        /// Over the limit: `bytes` is the size, or what was read before the limit for a file still growing.
        case tooLarge(bytes: Int)
        case unreadable
        /// A FIFO, socket or device (`kind`): reading it could block forever or never end, so it is not read.
        case notRegularFile(kind: String)
    }

    /// What a non-regular file is, for the report ("FIFO", "character device"); nil for a regular file or folder.
    public static func specialKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFIFO: return "FIFO"
        case S_IFSOCK: return "socket"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        default: return "special file"
        }
    }

    public static func contents(atPath path: String) -> Data? {
        if case .contents(let data) = contents(atPath: path, maxBytes: .max) { return data }
        return nil
    }

    /// Reads the file unless it is larger than `maxBytes`; the size comes from the open descriptor, so no
    /// second lookup of the path. Opened without blocking: opening a FIFO otherwise waits for a writer forever.
    public static func contents(atPath path: String, maxBytes: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            var info = stat()
            if stat(path, &info) == 0, Int(info.st_size) > maxBytes { return .tooLarge(bytes: Int(info.st_size)) }
            return .unreadable
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable }
        if let kind = specialKind(info.st_mode) { return .notRegularFile(kind: kind) }
        if Int(info.st_size) > maxBytes { return .tooLarge(bytes: Int(info.st_size)) }
        var data = Data(count: max(Int(info.st_size), 0))
        var filled = 0
        let ok = data.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if count == 0 { break }
                filled += count
            }
            return true
        }
        guard ok else { return .unreadable }
        if filled < data.count { data.removeSubrange(filled...) }
        // A file that grew while being read (or a pseudo-file reporting size 0): read the rest in chunks, up to
        // the limit. The buffer is left uninitialized: almost every file ends at once, and zeroing 64 KB per file
        // cost more.
        let complete = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 65_536) { chunk -> Bool in
            guard let start = chunk.baseAddress else { return true }
            while true {
                let count = read(descriptor, start, chunk.count)
                if count <= 0 { return true }
                data.append(start, count: count)
                if data.count > maxBytes { return false }
            }
        }
        return complete ? .contents(data) : .tooLarge(bytes: data.count)
    }
}
