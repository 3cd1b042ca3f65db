import Foundation
import Testing
import Yams

@testable import NHIAudit

/// The event reader must read every document it takes exactly as Yams composes it (texts, styles, marks, shape),
/// and must leave to Yams everything Yams treats specially: errors, aliases, tags, odd or repeated keys.
@Suite struct YAMLEventReaderTests {
    private func read(_ text: String) -> [YAMLTree]? {
        if case .documents(let trees) = YAMLEventReader.documents(text, file: "f.yaml") { return trees }
        return nil
    }

    static let taken = [
        "",
        "---\n",
        "a: 1\n",
        "a:\nb: ~\nc: null\nd: \"null\"\ne: ''\n",
        "- x\n- [y, {z: w}]\n- - nested\n  - list\n",
        "key: |\n  line one\n  line two\nfolded: >-\n  folded\n  text\nplain: multi\n  line\n",
        "\"quoted key\": 'single ''quote'''\nesc: \"tab\\tnul\\0end \\u00e9 \\U0001F600\"\n",
        "{\"json\": [1, 2.5, true, null, {\"k\": \"v\"}], \"e\": {}}",
        "a: 1\n---\nb: 2\n...\n---\n- c\n",
        "ünïcödé: 日本語 🙂\nhosts: [\"*.example.com\", '*']\n",
        "%YAML 1.1\n---\nanchored: &only-anchor {a: b}\n",
        "k: v # comment\n# only a comment\nlist:\n- a\n-\n- c\n",
        "? simple explicit key\n: value\n",
    ]

    @Test(arguments: taken)
    func takesPlainDocumentsAndReadsThemAsYamsDoes(_ text: String) {
        #expect(read(text) != nil, "left to Yams: \(text)")
        #expect(YAMLEventReader.differenceFromYams(text) == nil, "\(text)")
    }

    static let leftToYams = [
        "a: &x 1\nb: *x\n",  // alias
        "a: !!str 1\n",  // explicit tag on a scalar
        "a: !custom {b: c}\n",  // explicit tag on a mapping
        "- !!seq [a]\n",
        "a: 1\na: 2\n",  // duplicate key: Yams' error names it
        "a: 1\n'a': 2\n",  // the same key text, quoted
        "? [complex, key]\n: v\n",  // a key that is not a scalar
        "a: [1, 2\n",  // syntax error
        "a: b: c\n",
        "first: ok\n---\nsecond: [unclosed\n",  // an error in a later document
        "x: *undefined\n",
    ]

    @Test(arguments: leftToYams)
    func leavesWhatYamsTreatsSpeciallyToYams(_ text: String) {
        #expect(read(text) == nil, "taken: \(text)")
    }

    @Test func readsEveryFixtureAndExampleAsYamsDoes() {
        let roots = [Fixtures.root, Repository.root.appendingPathComponent("examples")]
        var compared = 0
        for root in roots {
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
                .compactMap { $0 as? URL }.filter { ["yaml", "yml", "json"].contains($0.pathExtension) } ?? []
            for file in files {
                guard let text = try? String(contentsOf: file, encoding: .utf8), read(text) != nil else { continue }
                // Whatever the reader takes, Yams must accept and read the same way.
                #expect(YAMLEventReader.differenceFromYams(text) == nil, "\(file.path)")
                compared += 1
            }
        }
        #expect(compared > 50)
    }

    /// Mutated YAML: whenever the reader takes the text, Yams must accept it and read it identically.
    @Test func mutatedTextIsTakenOnlyWhenYamsReadsItTheSame() {
        let seeds = Self.taken.filter { !$0.isEmpty } + [
            "spec:\n  jwtRules:\n  - issuer: \"https://a\"\n    audiences: [x, y]\n    forwardOriginalToken: true\n"
        ]
        let alphabet = Array(" \n-:,[]{}'\"#&*!?|>%@`\\a1~.").map(String.init)
        var random = SplitMix(seed: 2026)
        var taken = 0
        for round in 0..<3_000 {
            var characters = Array(seeds[round % seeds.count])
            for _ in 0...(random.next() % 3) where !characters.isEmpty {
                let position = Int(random.next() % UInt64(characters.count))
                switch random.next() % 3 {
                case 0: characters.remove(at: position)
                case 1: characters.insert(contentsOf: alphabet[Int(random.next() % UInt64(alphabet.count))], at: position)
                default: characters[position] = Character(alphabet[Int(random.next() % UInt64(alphabet.count))])
                }
            }
            let text = String(characters)
            guard read(text) != nil else { continue }
            #expect(YAMLEventReader.differenceFromYams(text) == nil, "\(text.debugDescription)")
            taken += 1
        }
        #expect(taken > 500)
    }

    /// A secret written as a collection is fingerprinted from its flow text, never from a debug dump.
    @Test func collectionsHaveAFlowText() throws {
        let tree = try #require(read("secret: {kid: a, parts: [x, 'y z', {n: 1}]}\n")?.first)
        let secret = try #require(DocumentNode(tree: tree)["secret"])
        #expect(secret.flowText == "{kid: a, parts: [x, y z, {n: 1}]}")
        let material = SecretMaterial(kind: "k", value: secret.flowText, path: secret.path, location: secret.location)
        #expect(material.hint == "[redacted: 33 characters]")
    }
}
