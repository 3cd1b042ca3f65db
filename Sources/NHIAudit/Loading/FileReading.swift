import Foundation

/// Reads a whole file with POSIX calls: Foundation's `Data(contentsOf:)` costs far more per file on Linux,
/// and scans read tens of thousands of small files.
public enum FileReading {
    public enum Outcome {
        case contents(Data)
        case tooLarge(bytes: Int)
        case unreadable
    }

    public static func contents(atPath path: String) -> Data? {
        if case .contents(let data) = contents(atPath: path, maxBytes: .max) { return data }
        return nil
    }

    /// Reads the file unless it is larger than `maxBytes`; the size comes from the open descriptor, so no
    /// second lookup of the path.
    public static func contents(atPath path: String, maxBytes: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            var info = stat()
            if stat(path, &info) == 0, Int(info.st_size) > maxBytes { return .tooLarge(bytes: Int(info.st_size)) }
            return .unreadable
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable }
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
        // A file that grew while being read (or a pseudo-file reporting size 0): read the rest in chunks. The
        // buffer is left uninitialized: almost every file ends at once, and zeroing 64 KB per file cost more.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 65_536) { chunk in
            guard let start = chunk.baseAddress else { return }
            while true {
                let count = read(descriptor, start, chunk.count)
                if count <= 0 { break }
                data.append(start, count: count)
            }
        }
        return .contents(data)
    }
}
