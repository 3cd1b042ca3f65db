import Foundation
import Testing
import Yams

@testable import NHIAudit

/// The loading shortcuts (key lists per mapping, paths built on demand, readdir discovery with identity-based
/// exclusion, byte-level placeholder checks) must answer exactly as the straightforward code did.
@Suite struct LoadSpeedEquivalenceTests {
    private func document(_ yaml: String) throws -> DocumentNode {
        let node = try #require(try Yams.compose(yaml: yaml))
        return try #require(DocumentNode(node: node, file: "f.yaml", path: ""))
    }

    @Test func childPathsLocationsAndNullsMatchTheDocument() throws {
        let root = try document("""
            spec:
              tokens:
                maxTTL: 1h
                audiences: [a, ~, "null"]
              list:
                - name: x
                  deep: {k: v}
              empty:
              quoted: ""
            """)
        let maxTTL = try #require(root.descendant("spec", "tokens", "maxTTL"))
        #expect(maxTTL.path == "spec.tokens.maxTTL")
        #expect(maxTTL.scalar == "1h")
        #expect(maxTTL.keyLocation == SourceLocation(file: "f.yaml", line: 3, column: 5))
        #expect(maxTTL.location == SourceLocation(file: "f.yaml", line: 3, column: 13))
        let audiences = try #require(root["spec"]?["tokens"]?["audiences"]).items
        #expect(audiences.map(\.path) == ["spec.tokens.audiences[0]", "spec.tokens.audiences[1]", "spec.tokens.audiences[2]"])
        #expect(audiences.map(\.isNull) == [false, true, false])  // a quoted "null" is text
        let item = try #require(root["spec"]?["list"]?.items.first)
        #expect(item["deep"]?["k"]?.path == "spec.list[0].deep.k")
        #expect(item.entries.map(\.value.path) == ["spec.list[0].name", "spec.list[0].deep"])
        #expect(root["spec"]?["empty"]?.isNull == true)
        #expect(root["spec"]?["quoted"]?.isNull == false)
        #expect(root["spec"]?["missing"] == nil)
        #expect(root["spec"]?["tokens"]?["maxTTL"]?["x"] == nil)  // a scalar has no children
        #expect(root["spec"]?.keyTexts == ["tokens", "list", "empty", "quoted"])
    }

    @Test func repeatedLookupsOnOneNodeGiveTheSameAnswer() throws {
        let root = try document("a: 1\nb: {c: 2}\n")
        for _ in 0..<3 {
            #expect(root["b"]?["c"]?.path == "b.c")
            #expect(root["a"]?.scalar == "1")
        }
        #expect(root.path == "")
    }

    @Test func nonScalarKeysAreSkippedByLookupsAndUnknownKeyChecks() throws {
        let root = try document("? [x, y]\n: 1\nname: n\nnmae: typo\n")
        #expect(root.keyTexts == ["name", "nmae"])
        #expect(root["name"]?.scalar == "n")
        let sink = DiagnosticSink()
        let reader = FieldReader(root, path: "", anchor: root.location, sink: sink)
        _ = reader.string("name")
        reader.reportUnknownKeys()
        #expect(sink.diagnostics.map(\.location.line) == [4])
        #expect(sink.diagnostics.first?.message.contains("unknown field 'nmae'") == true)
    }

    @Test func markerWordsMatchInAnyCaseIncludingNonASCIIUpperCasing() {
        for text in ["todo", "ToDo", "tbd", "patch_me_now", "Replace_Me", "changeme", "  CHANGE_ME  ", "ſ", "TODO"] {
            let upper = Placeholder.trimmingWhitespace(text[...]).uppercased()
            let expected = ["PATCH_ME", "CHANGE_ME", "CHANGEME", "REPLACE_ME", "TODO", "TBD"].contains(upper)
                || ["PATCH_ME", "REPLACE_ME", "CHANGE_ME"].contains { upper.hasPrefix($0) }
            #expect((Placeholder.detect(text) != nil) == expected, "\(text)")
        }
        #expect(Placeholder.detect("ﬆodo") == nil)  // upper-cases to "STODO": not a marker
        #expect(Placeholder.detect("tbdx") == nil)
        #expect(Placeholder.detect("Changeme") == "Changeme")
    }

    @Test func discoveryExcludesTheReportFolderReachedThroughLinksAndKeepsSortedOrder() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("nhi-discovery-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: root) }
        for folder in ["tree/b", "tree/a", "tree/.hidden", "tree/out/sub"] {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["tree/b/2.yaml", "tree/b/1.yaml", "tree/a/x.yaml", "tree/.hidden/h.yaml", "tree/.dotfile.yaml",
                     "tree/out/report.json", "tree/out/sub/deep.yaml", "tree/z.yaml"] {
            try Data("k: v\n".utf8).write(to: root.appendingPathComponent(file))
        }
        let tree = root.appendingPathComponent("tree").path
        try manager.createSymbolicLink(atPath: tree + "/link-to-out", withDestinationPath: "out")
        try manager.createSymbolicLink(atPath: tree + "/link-to-sub", withDestinationPath: "out/sub")
        try manager.createSymbolicLink(atPath: tree + "/report-link.json", withDestinationPath: "out/report.json")
        try manager.createSymbolicLink(atPath: tree + "/a/z-link.yaml", withDestinationPath: "x.yaml")
        let found = InputDiscovery(excluding: [tree + "/out"]).discover([tree])
        let relative = found.files.map { String($0.dropFirst(tree.count + 1)) }
        #expect(relative == [".dotfile.yaml", "a/x.yaml", "a/z-link.yaml", "b/1.yaml", "b/2.yaml", "z.yaml"])
        #expect(found.problems.isEmpty)
        // Without the exclusion the folder is read once, through the link that sorts first; links to files are read.
        let all = InputDiscovery().discover([tree]).files.map { String($0.dropFirst(tree.count + 1)) }
        #expect(all == [".dotfile.yaml", "a/x.yaml", "a/z-link.yaml", "b/1.yaml", "b/2.yaml", "link-to-out/report.json",
                        "link-to-out/sub/deep.yaml", "report-link.json", "z.yaml"])
        // Excluding one file leaves its folder.
        let oneFile = InputDiscovery(excluding: [tree + "/b/1.yaml"]).discover([tree]).files
        #expect(oneFile.contains(tree + "/b/2.yaml") && !oneFile.contains(tree + "/b/1.yaml"))
    }

    @Test func jwtLineEndsFallWhereTheCharacterSearchPutsThem() {
        for text in ["", "\n", "abc", "a\nb", "a\r\nb\nc", "\r\n\n", "\r\r\n\r\n", "é\u{301}\nx", "\u{1F600}\r\nz", "x\r"] {
            let expected = text.firstIndex(of: "\n") ?? text.endIndex
            #expect(JWTSampleImporter.lineEnd(in: text[...]) == expected, "\(text.debugDescription)")
            let tail = text.dropFirst()
            #expect(JWTSampleImporter.lineEnd(in: tail) == (tail.firstIndex(of: "\n") ?? tail.endIndex))
        }
    }

    @Test func fileExtensionIsTheLastComponentsSuffixLowerCased() {
        let cases = ["a/b.YAML": "yaml", "dir.d/file": "", "x": "", "team/.hidden": "hidden", "a/b.": "", "c.tar.GZ": "gz",
                     "./rel/x.json": "json"]
        for (path, expected) in cases {
            #expect(SourceText(path: path, text: "").fileExtension == expected, "\(path)")
        }
    }
}
