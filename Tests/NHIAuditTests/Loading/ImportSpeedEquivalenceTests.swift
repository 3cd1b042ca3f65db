import Foundation
import Testing
import Yams

@testable import NHIAudit

/// The one-pass text check and the per-mapping entry cache must answer exactly as the general code they replace:
/// a byte-at-a-time scan of the text, and lookups straight in the Yams mapping.
@Suite struct ImportSpeedEquivalenceTests {
    @Test func textCheckMatchesTheByteAtATimeScanOnHostileText() {
        var limits = LoadLimits()
        limits.maxNestingDepth = 3
        limits.maxLineBytes = 24
        let samples = [
            "", "\n", "a: [[[x]]]\n", "a: [[[[x]]]]\n", "a: '[[[['\n", "a: \"[[[[\\\"\"\n", "x'[[[[\n",
            "a: \"abc\\\nb: \"\"[[[[\n", "- [{[{\n", "k: *ref\n", "\u{1F600}: [ [ [ [\n", "é\"[[[[\"\n",
            String(repeating: "x", count: 24) + "\n", String(repeating: "x", count: 25), "a:\t'[[[[' [[[[\n",
            "a: \"\\\\\"[[[[\n", "}}}}[[[[\n", "a: '' [[[[\n", "-'[[[[\n", ",\"]]]]\"[[[[\n",
        ]
        for text in samples { expectSameCheck(text, limits: limits) }
        var generator = SplitMix(seed: 7)
        let alphabet = Array("ab :,-\t\n[]{}'\"\\*é\u{1F600}")
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 40)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            expectSameCheck(text, limits: limits)
        }
    }

    private func expectSameCheck(_ text: String, limits: LoadLimits) {
        let check = limits.scanText(text)
        let expected = Self.referenceCheck(text, limits: limits)
        #expect(check.breach?.line == expected?.line, "\(text.debugDescription)")
        #expect(check.breach?.reason == expected?.reason, "\(text.debugDescription)")
        if check.breach == nil { #expect(check.hasAsterisk == text.utf8.contains(UInt8(ascii: "*"))) }
    }

    /// The general scan: one byte at a time, every byte through the full state machine.
    private static func referenceCheck(_ text: String, limits: LoadLimits) -> (line: Int, reason: String)? {
        var depth = 0
        var line = 1
        var lineStart = 0
        var offset = 0
        var quote: UInt8? = nil
        var escaped = false
        var previous = UInt8(ascii: "\n")
        for byte in text.utf8 {
            offset += 1
            defer { previous = byte }
            if byte == UInt8(ascii: "\n") {
                if offset - lineStart > limits.maxLineBytes {
                    return (line, "line is \(offset - lineStart) bytes, over the limit of \(limits.maxLineBytes)")
                }
                line += 1
                lineStart = offset
                quote = nil
                continue
            }
            if let open = quote {
                if escaped {
                    escaped = false
                } else if open == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == open {
                    quote = nil
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if "\n \t[{,:-".utf8.contains(previous) { quote = byte }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limits.maxNestingDepth { return (line, "nesting deeper than \(limits.maxNestingDepth) levels") }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default:
                break
            }
        }
        if offset - lineStart > limits.maxLineBytes {
            return (line, "line is \(offset - lineStart) bytes, over the limit of \(limits.maxLineBytes)")
        }
        return nil
    }

    @Test func cachedEntriesMatchLookupsInTheYamsMapping() throws {
        let yaml = """
            a: 1
            ? [k1, k2]
            : list-key
            ? {m: n}
            : map-key
            b:
              c: &x {d: [1, [2, {g: h}]]}
              s: [{t: u}, v]
              e: *x
              "quoted key": q
            'f': |
              block
            """
        let node = try #require(try Yams.compose(yaml: yaml))
        for shift in [nil, DocumentNode.Shift(lines: 3, firstLineColumns: 7, allColumns: 2)] {
            let root = try #require(DocumentNode(node: node, file: "f.yaml", path: "", shift: shift))
            try expectSameAsYams(root, node: node, shift: shift)
        }
    }

    /// The node's own reading: its kind, and a scalar's text and style.
    private func sameValue(_ document: DocumentNode, _ node: Node) -> Bool {
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            let block = scalar.style == .literal || scalar.style == .folded
            return document.scalar == scalar.string && document.isQuoted == quoted && document.isBlockScalar == block
        case .mapping: return document.isMapping
        case .sequence: return document.isSequence
        case .alias: return false  // Yams' composer never leaves one
        }
    }

    /// Walks every mapping, comparing each entry, child and key location with the Yams mapping read directly.
    private func expectSameAsYams(_ document: DocumentNode, node: Node, shift: DocumentNode.Shift?) throws {
        func located(_ mark: Mark?) -> NHIAudit.SourceLocation {
            let line = mark?.line ?? 1
            let column = mark?.column ?? 1
            guard let shift else { return NHIAudit.SourceLocation(file: "f.yaml", line: line, column: column) }
            return NHIAudit.SourceLocation(
                file: "f.yaml", line: line + shift.lines,
                column: (line == 1 ? column + shift.firstLineColumns : column) + shift.allColumns)
        }
        switch node {
        case .mapping(let mapping):
            let pairs = Array(mapping)
            let scalarPairs = pairs.filter { $0.key.scalar != nil }
            #expect(document.keyTexts == scalarPairs.map { $0.key.scalar!.string })
            let entries = document.entries
            #expect(entries.count == scalarPairs.count)
            for (entry, pair) in zip(entries, scalarPairs) {
                #expect(entry.key == pair.key.scalar!.string)
                #expect(entry.keyLocation == located(pair.key.mark))
                #expect(sameValue(entry.value, pair.value))
                let child = try #require(document.child(entry.key))
                let lookedUp = try #require(mapping[entry.key])
                #expect(sameValue(child, lookedUp))
                #expect(child.keyLocation == located(pair.key.mark))
                #expect(child.anchor == located(pair.key.mark))
                #expect(child.location == located(pair.value.mark))
                #expect(child.path == DocumentNode.join(document.path, entry.key))
                try expectSameAsYams(child, node: pair.value, shift: shift)
                // Looked up again (paths now come from the tree's cache): the answers must not change.
                try expectSameAsYams(try #require(document.child(entry.key)), node: pair.value, shift: shift)
            }
            #expect(document.items.isEmpty)
            #expect(document.child("absent") == nil)
        case .sequence:
            let values = Array(node.sequence!)
            #expect(document.items.count == values.count)
            #expect(document.keyTexts.isEmpty && document.entries.isEmpty && document.child("0") == nil)
            for (index, (item, value)) in zip(document.items, values).enumerated() {
                #expect(sameValue(item, value))
                #expect(item.path == "\(document.path)[\(index)]")
                #expect(item.keyLocation == nil)
                #expect(item.anchor == located(value.mark))
                try expectSameAsYams(item, node: value, shift: shift)
            }
        case .scalar, .alias:
            #expect(document.keyTexts.isEmpty && document.entries.isEmpty && document.child("a") == nil)
        }
    }

    @Test func keywordScanMatchesTheByteLoop() {
        var generator = SplitMix(seed: 11)
        // Pieces of the keywords, so that whole keywords, near misses and keywords at either end occur often.
        let pieces = ["data", "dat", "resource", "resourc", "d", " ", "{", "\n", "\t", "é", "x", "a"]
        for _ in 0..<3_000 {
            let count = Int(generator.next() % 8)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(TextScan.mayMatch(text, keyword: "resource") == Self.referenceMayMatch(text, "resource", nil))
            #expect(TextScan.mayMatch(text, keyword: "data", orFollowedBy: UInt8(ascii: "{"))
                == Self.referenceMayMatch(text, "data", UInt8(ascii: "{")), "\(text.debugDescription)")
        }
        #expect(TextScan.mayMatch("data {", keyword: "data") && !TextScan.mayMatch("data", keyword: "data"))
    }

    private static func referenceMayMatch(_ text: String, _ keyword: String, _ next: UInt8?) -> Bool {
        let haystack = Array(text.utf8)
        let needle = Array(keyword.utf8)
        guard haystack.count > needle.count else { return false }
        for index in 0..<(haystack.count - needle.count) where Array(haystack[index..<(index + needle.count)]) == needle {
            let following = haystack[index + needle.count]
            if (0x09...0x0D).contains(following) || following == 0x20 || following >= 0x80 || following == next { return true }
        }
        return false
    }

    @Test func linesThatCannotStartATokenAreNoJWT() {
        let lines = [
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "  Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln",
            "\teyJ", "apiVersion: v1", "Bearer  eyJa.b.c", "eyJ\u{301}.a.b", " eyJa.b.c  ", "bearer eyJa.b.c", "",
            "Bearer ", "ey", "{\"a\": 1}",
        ]
        for line in lines {
            let general = JWTSampleImporter.token(in: line[...]).map { JWTSampleImporter.isCompactJWT($0.0) } ?? false
            if !JWTSampleImporter.mayStartToken(line[...]) { #expect(!general, "\(line.debugDescription)") }
        }
        #expect(JWTSampleImporter.mayStartToken("  Bearer eyJx"))
    }

    @Test func filesReportingNoSizeAreReadInChunksAsFoundationReadsThem() throws {
        // /proc files report size 0, so every byte comes through the chunked read after the sized one.
        let version = try #require(FileReading.contents(atPath: "/proc/version"))
        #expect(!version.isEmpty && version == FileManager.default.contents(atPath: "/proc/version"))
        let status = try #require(FileReading.contents(atPath: "/proc/self/status"))
        #expect(String(decoding: status, as: UTF8.self).hasPrefix("Name:"))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-read-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try bytes.write(to: url)
        #expect(FileReading.contents(atPath: url.path) == bytes)
    }
}
