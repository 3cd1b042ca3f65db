import Foundation

/// Finds `mappings/` and `templates/`: `$NHI_AUDIT_HOME`, then the folders above the executable
/// (a checkout's `.build/...`), then `<prefix>/share/nhi-audit`, then the current directory.
public enum ResourceLocator {
    public static func home(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        var candidates: [URL] = []
        if let explicit = environment["NHI_AUDIT_HOME"] { candidates.append(URL(fileURLWithPath: explicit)) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory)
            candidates.append(directory.appendingPathComponent("share/nhi-audit"))
            directory = directory.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return candidates.first { isHome($0) }
    }

    public static func isHome(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("mappings/catalog.yaml").path)
            && FileManager.default.fileExists(atPath: url.appendingPathComponent("templates").path)
    }
}
