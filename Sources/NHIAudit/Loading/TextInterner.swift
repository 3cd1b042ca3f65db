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

    /// `intern(_:)` with the table looked up once by the caller (`current`), for callers interning many texts.
    static func intern(_ text: String, in table: TextInterner?) -> String {
        guard text.utf8.count > 15, let table else { return text }
        return table.intern(text)
    }

    public static func intern(_ text: String?) -> String? {
        guard let text else { return nil }
        return intern(text)
    }

    public func intern(_ text: String) -> String {
        texts.insert(text).memberAfterInsert
    }

    /// Reader paths seen in this part, each with the paths below it.
    private var readerPaths: [String: FieldPaths] = [:]

    /// The shared `FieldPaths` of a reader at `path`; an unshared one when there is no table.
    static func fieldPaths(for path: String) -> FieldPaths {
        guard let table = current else { return FieldPaths(path: path) }
        if let paths = table.readerPaths[path] { return paths }
        let paths = FieldPaths(path: intern(path))
        table.readerPaths[path] = paths
        return paths
    }
}
