import Foundation

/// Finds the files a scan reads: walks directories recursively in sorted order, skips hidden folders,
/// never follows a directory twice (symlink loops), and leaves out excluded paths (the report folder).
public struct InputDiscovery {
    public var excludedPaths: [String]

    public init(excluding excludedPaths: [String] = []) {
        self.excludedPaths = excludedPaths.map { Self.canonical($0) }
    }

    public struct Found: Sendable {
        public var files: [String] = []
        /// Paths that could not be walked, with the reason (reported as INP-001).
        public var problems: [(path: String, reason: String)] = []
    }

    public func discover(_ roots: [String]) -> Found {
        var found = Found()
        var visitedDirectories = Set<DirectoryIdentity>()
        for root in roots {
            var info = stat()
            guard stat(root, &info) == 0 else {
                found.problems.append((root, "cannot be read: \(String(cString: strerror(errno)))"))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(root, into: &found, visited: &visitedDirectories)
            } else if !isExcluded(root) {
                found.files.append(root)
            }
        }
        return found
    }

    private func walk(_ directory: String, into found: inout Found, visited: inout Set<DirectoryIdentity>) {
        var info = stat()
        guard stat(directory, &info) == 0 else { return }
        guard visited.insert(DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted
        else { return }
        guard !isExcluded(directory) else { return }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            found.problems.append((directory, "directory cannot be listed"))
            return
        }
        for name in entries {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var entryInfo = stat()
            guard stat(path, &entryInfo) == 0 else {
                found.problems.append((path, "cannot be read: \(String(cString: strerror(errno)))"))
                continue
            }
            switch entryInfo.st_mode & S_IFMT {
            case S_IFDIR:
                if name.hasPrefix(".") { continue }
                walk(path, into: &found, visited: &visited)
            case S_IFREG:
                if !isExcluded(path) { found.files.append(path) }
            default:
                continue
            }
        }
    }

    private func isExcluded(_ path: String) -> Bool {
        guard !excludedPaths.isEmpty else { return false }
        let candidate = Self.canonical(path)
        return excludedPaths.contains { candidate == $0 || candidate.hasPrefix($0 + "/") }
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private struct DirectoryIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }
}
