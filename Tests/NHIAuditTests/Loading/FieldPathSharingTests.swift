import Testing
import Yams

@testable import NHIAudit

/// Readers share their fields' paths per part (`FieldPaths`), walks read a node's children without arrays and
/// defaults share one template item: each must answer exactly as building every path and array did.
@Suite struct FieldPathSharingTests {
    private func document(_ yaml: String) throws -> DocumentNode {
        let node = try #require(try Yams.compose(yaml: yaml))
        return try #require(DocumentNode(node: node, file: "f.yaml", path: ""))
    }

    /// The paths one reader tree reports for `keys` below `spec` and `spec.list[0]`, and for `manyKeys` at the root.
    private func paths(_ root: DocumentNode, keys: [String], manyKeys: [String]) -> [String] {
        let sink = DiagnosticSink()
        let reader = FieldReader(root, path: "", anchor: root.location, sink: sink)
        let spec = reader.nested("spec")
        let item = FieldReader(root["spec"]?["list"]?.items.first, path: "spec.list[0]", anchor: root.location, sink: sink)
        var found = [spec.path, item.path]
        for key in keys {
            found += [spec.string(key).path, spec.stringList(key).path, spec.nested(key).path, spec.nested(key).nested("x").path]
            found += [item.bool(key).path, item.duration(key).path]
        }
        found += manyKeys.map { reader.integer($0).path }
        return found
    }

    @Test func sharedPathsEqualJoinedPathsInEveryDocumentAndWithoutATable() throws {
        let root = try document("spec:\n  list:\n    - aaaa: true\n  aaaa: [x]\n  bbbb: y\n")
        // Keys of one length under one parent, a key with a dot, and more keys than a node keeps.
        let keys = ["aaaa", "bbbb", "cccc", "aaaa", "a.b", "a-much-longer-key-than-fifteen-bytes"]
        let manyKeys = (0..<80).map { "key\($0)" } + (0..<80).map { "key\($0)" }
        var expected = ["spec", "spec.list[0]"]
        for key in keys {
            expected += ["spec.\(key)", "spec.\(key)", "spec.\(key)", "spec.\(key).x", "spec.list[0].\(key)", "spec.list[0].\(key)"]
        }
        expected += manyKeys
        #expect(paths(root, keys: keys, manyKeys: manyKeys) == expected)
        TextInterner.$current.withValue(TextInterner()) {
            for _ in 0..<3 {  // later documents of a part take the paths the first one stored
                #expect(paths(root, keys: keys, manyKeys: manyKeys) == expected)
            }
        }
    }

    @Test func listItemPathsAreTheDocumentsWhereverTheReaderSaysItIs() throws {
        let long = (0..<70).map { "i\($0)" }.joined(separator: ", ")
        let root = try document("spec:\n  short: [a, {b: c}, d]\n  long: [\(long)]\n")
        let spec = try #require(root["spec"])
        func itemPaths() -> [String] {
            let sink = DiagnosticSink()
            let shared = FieldReader(root, path: "", anchor: root.location, sink: sink).nested("spec")
            let elsewhere = FieldReader(spec, path: "other.place", anchor: root.location, sink: sink)
            return [shared, elsewhere].flatMap { reader in
                ["short", "long"].flatMap { key in (reader.stringList(key).value ?? []).map(\.path) }
            }
        }
        let documentPaths = ["short", "long"].flatMap { key in (spec[key]?.items ?? []).map(\.path) }
        #expect(documentPaths.count == 73 && documentPaths.last == "spec.long[69]")
        #expect(itemPaths() == documentPaths + documentPaths)
        TextInterner.$current.withValue(TextInterner()) {
            for _ in 0..<3 { #expect(itemPaths() == documentPaths + documentPaths) }
        }
    }

    @Test func childWalksAndKeyChecksMatchTheArrays() throws {
        let root = try document("? [x, y]\n: 1\nname: n\nlist: [a, {b: c}, [d]]\nnested: {k: v}\n")
        for node in [root, root["list"], root["nested"], root["name"], root["list"]?.items[1]].compactMap({ $0 }) {
            var walked: [String] = []
            node.forEachChild { walked.append($0.path) }
            #expect(walked == node.entries.map(\.value.path) + node.items.map(\.path))
            for key in ["name", "nam", "k", "b", "x"] {
                #expect(node.containsKeyText { $0 == key } == node.keyTexts.contains(key))
            }
        }
    }

    @Test func angleBracketsCountOnlyAsWholeCharacters() {
        #expect(Placeholder.detect("<your-audience>") == "<your-audience>")
        #expect(Placeholder.detect("  <x>  ") == "  <x>  ")
        #expect(Placeholder.detect("<>") == nil)
        // `<` with a combining mark is the character `≮`, and `>` with one is not `>`: no placeholder.
        #expect(Placeholder.detect("<\u{338}abc>") == nil)
        #expect(Placeholder.detect("<abc>\u{301}") == nil)
        #expect(Placeholder.detect("<abc") == nil)
    }

    @Test func listDefaultItemsEachCarryThePathNoteAndValue() {
        let at = SourceLocation(file: "f.yaml", line: 3, column: 5)
        let field = JwtAuthnDefaults.listDefault(["RS256", "ES256"], path: "spec.jwtRules[0].algorithms", at: at, note: "N")
        #expect(field.display == "[RS256, ES256]")
        #expect(field.note == "N" && field.path == "spec.jwtRules[0].algorithms" && field.location == at)
        let items = field.value ?? []
        #expect(items.map(\.value) == ["RS256", "ES256"])
        #expect(items.allSatisfy { $0.path == field.path && $0.note == "N" && $0.location == at && $0.display == nil })
    }
}
