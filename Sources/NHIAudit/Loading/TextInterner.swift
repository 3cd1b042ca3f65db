/// Makes equal texts read while loading share one storage. Every field keeps its path (`spec.jwtRules[0].issuer`),
/// and the same paths, notes and values (issuer URLs) recur in thousands of entities: at 10,000 files the copies
/// were about a third of the loaded estate.
///
/// A table serves one part of the files on one worker thread (bound with `TextInterner.$current`), so no lock is
/// taken; it is dropped after the part, while the texts it handed out live on in the fields.
public final class TextInterner: @unchecked Sendable {
    @TaskLocal public static var current: TextInterner?

    private var texts: Set<String> = []

    public init() {}

    /// The stored text equal to `text`, or `text` itself when there is no table or it is the first of its kind.
    @inline(__always)
    public static func intern(_ text: String) -> String {
        // Up to 15 UTF-8 bytes a String keeps its text inline: there is no storage to share.
        guard text.utf8.count > 15, let table = current else { return text }
        return table.intern(text)
    }

    public static func intern(_ text: String?) -> String? {
        guard let text else { return nil }
        return intern(text)
    }

    public func intern(_ text: String) -> String {
        texts.insert(text).memberAfterInsert
    }

    private struct PathKey: Hashable {
        var parent: String
        var key: String
    }

    /// Field paths joined from a reader's path and a key, which recur in every document of a kind.
    private var paths: [PathKey: String] = [:]

    /// `parent.key` (`key` at the root), interned; a repeated pair is looked up without building the text.
    static func path(_ parent: String, _ key: String) -> String {
        guard let table = current else { return DocumentNode.join(parent, key) }
        let pair = PathKey(parent: parent, key: key)
        if let path = table.paths[pair] { return path }
        let path = intern(DocumentNode.join(parent, key))
        table.paths[pair] = path
        return path
    }
}
