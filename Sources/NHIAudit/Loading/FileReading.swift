import Foundation

/// Reads a whole file with POSIX calls: Foundation's `Data(contentsOf:)` costs far more per file on Linux,
/// and scans read tens of thousands of small files.
public enum FileReading {
    public static func contents(atPath path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
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
        guard ok else { return nil }
        if filled < data.count { data.removeSubrange(filled...) }
        // A file that grew while being read (or a pseudo-file reporting size 0): read the rest in chunks.
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count <= 0 { break }
            data.append(contentsOf: chunk[0..<count])
        }
        return data
    }
}
