import Foundation

/// Finds the files a scan reads: walks directories recursively in sorted order, skips hidden folders,
/// never follows a directory twice (symlink loops), and leaves out excluded paths (the report folder). A FIFO,
/// socket or device found in a folder is listed as a problem, never read and never skipped silently. A symbolic
/// link found in a folder is followed only when its target lies inside a scanned path: a repository under review
/// must not make the scan read the machine it runs on (`config -> /etc`, `creds.yaml -> ~/.kube/config`).
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
        var walk = Walk(discovery: self, roots: roots.map { Self.resolved($0) ?? Self.canonical($0) })
        for root in roots {
            var info = stat()
            guard stat(root, &info) == 0 else {
                walk.found.problems.append((root, "cannot be read: \(String(cString: strerror(errno)))"))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk.directory(root, info: info, mayBeExcluded: true)
            } else if !isExcluded(root) {
                walk.found.files.append(root)
            }
        }
        return walk.found
    }

    /// One discovery run. Lists directories with `opendir`/`readdir` and stats entries relative to the open
    /// directory: Foundation's `contentsOfDirectory` and path-based lookups cost more than the walk itself.
    private struct Walk {
        let discovery: InputDiscovery
        /// Files and directories the excluded paths name, by identity. An entry that is not a symbolic link
        /// can only be (or be inside) an excluded path if it is one of these, since its folder is not excluded;
        /// only those entries and symbolic links need the costly canonical-path comparison.
        let excludedIdentities: Set<FileIdentity>
        /// The scanned paths, resolved: where a symbolic link may lead.
        let roots: [String]
        var visited = Set<FileIdentity>()
        var found = Found()

        init(discovery: InputDiscovery, roots: [String]) {
            self.discovery = discovery
            self.roots = roots
            var identities = Set<FileIdentity>()
            for path in discovery.excludedPaths {
                var info = stat()
                if stat(path, &info) == 0 { identities.insert(FileIdentity(info)) }
            }
            excludedIdentities = identities
        }

        mutating func directory(_ directory: String, info: stat, mayBeExcluded: Bool) {
            guard visited.insert(FileIdentity(info)).inserted else { return }
            guard !mayBeExcluded || !discovery.isExcluded(directory) else { return }
            guard let handle = opendir(directory) else {
                found.problems.append((directory, "directory cannot be listed"))
                return
            }
            defer { closedir(handle) }
            let descriptor = dirfd(handle)
            for entry in Self.entries(handle) {
                let path = directory.hasSuffix("/") ? directory + entry.name : directory + "/" + entry.name
                guard entry.isUTF8 else {
                    // Its repaired name (U+FFFD for the bad bytes) names no file: say why instead of "not found".
                    found.problems.append((path, "the name is not valid UTF-8: not read (rename it to scan it)"))
                    continue
                }
                var entryInfo = stat()
                guard fstatat(descriptor, entry.name, &entryInfo, 0) == 0 else {
                    found.problems.append((path, "cannot be read: \(String(cString: strerror(errno)))"))
                    continue
                }
                let type = entryInfo.st_mode & S_IFMT
                // Hidden folders are skipped before anything else, links to elsewhere included.
                if type == S_IFDIR, entry.name.hasPrefix(".") { continue }
                if entry.mayBeLink, let target = outsideTarget(descriptor, entry.name, path) {
                    found.problems.append((path, "a symbolic link to \(target), outside the scanned paths: not followed"))
                    continue
                }
                switch type {
                case S_IFDIR:
                    self.directory(path, info: entryInfo, mayBeExcluded: needsExclusionCheck(entry, info: entryInfo))
                case S_IFREG:
                    if !needsExclusionCheck(entry, info: entryInfo) || !discovery.isExcluded(path) { found.files.append(path) }
                default:
                    let kind = FileReading.specialKind(entryInfo.st_mode) ?? "special file"
                    found.problems.append((path, "not a regular file (a \(kind)): not read"))
                }
            }
        }

        /// The resolved target of a symbolic link that leads outside every scanned path; nil for anything else.
        private func outsideTarget(_ descriptor: Int32, _ name: String, _ path: String) -> String? {
            var own = stat()
            guard fstatat(descriptor, name, &own, AT_SYMLINK_NOFOLLOW) == 0, (own.st_mode & S_IFMT) == S_IFLNK,
                let target = InputDiscovery.resolved(path)
            else { return nil }
            return roots.contains { target == $0 || target.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") } ? nil : target
        }

        private func needsExclusionCheck(_ entry: Entry, info: stat) -> Bool {
            guard !excludedIdentities.isEmpty else { return false }
            return entry.mayBeLink || excludedIdentities.contains(FileIdentity(info))
        }

        struct Entry {
            var name: String
            /// False when the name's bytes are not UTF-8: `name` then has U+FFFD in their place.
            var isUTF8: Bool
            /// True for a symbolic link, and when the file system does not say (`DT_UNKNOWN`).
            var mayBeLink: Bool
        }

        /// The directory's entries without `.` and `..`, sorted by name.
        private static func entries(_ handle: OpaquePointer) -> [Entry] {
            var entries: [Entry] = []
            while let raw = readdir(handle) {
                let (name, isUTF8) = withUnsafePointer(to: &raw.pointee.d_name) { pointer -> (String, Bool) in
                    let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)
                    if let valid = String(validatingCString: bytes) { return (valid, true) }
                    return (String(cString: bytes), false)
                }
                if name == "." || name == ".." { continue }
                let type = raw.pointee.d_type
                entries.append(
                    Entry(name: name, isUTF8: isUTF8, mayBeLink: type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN)))
            }
            return entries.sorted { $0.name < $1.name }
        }
    }

    private func isExcluded(_ path: String) -> Bool {
        guard !excludedPaths.isEmpty else { return false }
        let candidate = Self.canonical(path)
        return excludedPaths.contains { candidate == $0 || candidate.hasPrefix($0 + "/") }
    }

    /// `realpath(3)`: the same resolution for the scanned paths and the links' targets (Foundation's would map
    /// macOS's /private/tmp back to /tmp for one side only).
    static func resolved(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }
}
