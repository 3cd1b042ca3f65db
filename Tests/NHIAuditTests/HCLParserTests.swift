import Foundation
import NHIAudit
import Testing

@Suite struct HCLParserTests {
    static func parse(_ text: String, lineOffset: Int = 0, columnOffset: Int = 0) throws -> HCLParser.Parsed {
        try HCLParser.parse(text, file: "t.hcl", lineOffset: lineOffset, columnOffset: columnOffset).get()
    }

    static func value(_ body: HCLBody, _ name: String) throws -> HCLValue {
        try #require(body.attribute(name)?.value, "no attribute \(name)")
    }

    @Test func readsTheWholeSupportedSubset() throws {
        let text = try String(contentsOf: Fixtures.url("hcl/everything.hcl"), encoding: .utf8)
        let parsed = try Self.parse(text)
        let body = parsed.body
        guard case .string(let title, let interpolated) = try Self.value(body, "title").kind else {
            Issue.record("title is not a string")
            return
        }
        #expect(title == "esc \"q\" \t é ${literal}")
        #expect(!interpolated)
        #expect(try Self.value(body, "count").literalText == "-12.5e3")
        #expect(try Self.value(body, "on").literalText == "true")
        if case .null = try Self.value(body, "none").kind {} else { Issue.record("none is not null") }
        #expect(try Self.value(body, "items").listItems?.count == 4)
        let object = try #require(try Self.value(body, "obj").objectMembers)
        #expect(object.map(\.name) == ["a", "b", "c", "d"])
        #expect(object[2].value.unresolvedText == "var.y")
        #expect(object[3].value.unresolvedText == "\"${var.z}-suffix\"")
        #expect(try Self.value(body, "ref").unresolvedText == "data.aws_iam_policy_document.x.json")
        #expect(try Self.value(body, "mod").unresolvedText == "module.net.vpc_ids[0]")
        guard case .call("jsonencode", let arguments) = try Self.value(body, "call").kind else {
            Issue.record("call is not a function call")
            return
        }
        #expect(arguments.first?.member("k")?.value.literalText == "v")
        #expect(try Self.value(body, "cond").unresolvedText == "var.env == \"prod\" ? \"a\" : \"b\"")
        #expect(try Self.value(body, "loop").unresolvedText == "[for s in var.list : upper(s)]")
        #expect(parsed.unsupported.map(\.location.line) == [16])
        let doc = try Self.value(body, "doc")
        if case .string(let text, let templated) = doc.kind {
            #expect(text == "line ${var.x}\n")
            #expect(templated)
        } else {
            Issue.record("doc is not a heredoc string")
        }
        if case .string(let text, _) = try Self.value(body, "indented").kind {
            #expect(text == "keep\n  nested\n")
        } else {
            Issue.record("indented is not a heredoc string")
        }
        let block = try #require(body.block("block"))
        #expect(block.labels == ["one", "two"])
        #expect(block.location.line == 24)
        #expect(block.body.block("nested")?.body.attribute("x")?.value.literalText == "1")
    }

    @Test func keepsLinesAndColumnsWithOffsets() throws {
        let parsed = try Self.parse("a {\n  b = \"x\"\n}\n", lineOffset: 10, columnOffset: 4)
        let value = try #require(parsed.body.block("a")?.body.attribute("b"))
        #expect(value.nameLocation == SourceLocation(file: "t.hcl", line: 12, column: 7))
        #expect(value.value.location == SourceLocation(file: "t.hcl", line: 12, column: 11))
    }

    @Test(arguments: [
        ("a {\n  b = 1\n", 3, "not closed"),
        ("a = \"open\nb = 1\n", 1, "string is not closed"),
        ("a = <<EOF\nno end\n", 1, "heredoc EOF is not closed"),
        ("a = 1 2\n", 1, "expected a new line"),
        ("= 1\n", 1, "expected an attribute name"),
        ("a = [1, 2\n", 2, "in a list"),
        ("a = \"\\q\"\n", 1, "unknown escape"),
        ("}\n", 1, "without a block"),
    ])
    func reportsSyntaxErrorsWithTheirLine(_ input: (String, Int, String)) {
        switch HCLParser.parse(input.0, file: "t.hcl") {
        case .success: Issue.record("\(input.0) parsed")
        case .failure(let error):
            #expect(error.location.line == input.1, "\(error.reason)")
            #expect(error.reason.contains(input.2), "\(error.reason)")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = "a = " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
        if case .success = HCLParser.parse(deep, file: "t.hcl") { Issue.record("5000 nested lists parsed") }
    }

    /// Any prefix of a real file, and byte-shuffled variants, end in a result: no crash, no hang.
    @Test func truncatedAndScrambledInputAlwaysTerminates() throws {
        let text = try String(contentsOf: Fixtures.url("hcl/everything.hcl"), encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        var generator = SplitMix(seed: 7)
        for cut in stride(from: 0, to: scalars.count, by: 3) {
            var prefix = ""
            prefix.unicodeScalars.append(contentsOf: scalars[..<cut])
            _ = HCLParser.parse(prefix, file: "t.hcl")
        }
        for _ in 0..<300 {
            var mutated = scalars
            for _ in 0..<4 {
                let position = Int(generator.next() % UInt64(mutated.count))
                let replacement: [Unicode.Scalar] = ["{", "}", "\"", "[", "]", "=", "\n", "$", "<", "(", "#"]
                mutated[position] = replacement[Int(generator.next() % UInt64(replacement.count))]
            }
            var variant = ""
            variant.unicodeScalars.append(contentsOf: mutated)
            _ = HCLParser.parse(variant, file: "t.hcl")
        }
    }

    @Test func unaryOperatorsAreUnresolvedExpressions() throws {
        let body = try Self.parse("a = !var.enabled\nb = -var.offset\nc = -3\n").body
        #expect(try Self.value(body, "a").unresolvedText == "!var.enabled")
        #expect(try Self.value(body, "b").unresolvedText == "-var.offset")
        #expect(try Self.value(body, "c").literalText == "-3")
    }

    @Test func goDurations() {
        #expect(GoDuration.seconds("1h30m") == 5400)
        #expect(GoDuration.seconds("60s") == 60)
        #expect(GoDuration.seconds("3600") == 3600)
        #expect(GoDuration.seconds("7d") == 604_800)
        #expect(GoDuration.seconds("1x") == nil)
        #expect(GoDuration.seconds("h") == nil)
        #expect(GoDuration.seconds("5m3") == nil)
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Fixtures {
    static let root = Repository.root.appendingPathComponent("Tests/Fixtures")
    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// Loads fixture files through the real loader and evaluates every control.
    static func evaluate(_ paths: [String]) -> ResultDocument {
        let loader = EstateLoader()
        var loaded = EstateLoader.Loaded()
        for path in paths {
            let result = loader.loadFile(path: url(path).path)
            loaded.estate.merge(result.estate)
            loaded.inputs.append(result.record)
            loaded.diagnostics.append(contentsOf: result.diagnostics)
        }
        return Evaluator(catalog: Repository.catalog).evaluate(loaded, clock: Harness.clock)
    }

    static func load(_ path: String) -> EstateLoader.FileResult { EstateLoader().loadFile(path: url(path).path) }
}

extension ResultDocument {
    func results(_ control: String, file: String) -> [ResultDocument.Result] {
        results.filter { $0.control == control && $0.location.file.hasSuffix(file) }
    }
}
