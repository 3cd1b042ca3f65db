import Foundation
import Testing

@testable import NHIAudit

/// Equal texts read while loading share one storage, and sharing changes no value.
@Suite struct TextInterningTests {
    static let fixtures = Repository.root.appendingPathComponent("Tests/Fixtures/interning")

    /// The address of a native string's bytes (nil for texts kept inline in the String itself).
    private func storage(_ text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func equalLongTextsShareStorageOnlyWhileATableIsBound() {
        let first = ["spec", "jwtRules[0]", "audiences"].joined(separator: ".")
        let second = ["spec", "jwtRules[0]"].joined(separator: ".") + ".audiences"
        #expect(storage(first) != storage(second))
        #expect(storage(TextInterner.intern(second)) == storage(second))  // no table: the text itself
        TextInterner.$current.withValue(TextInterner()) {
            let kept = TextInterner.intern(first)
            #expect(storage(kept) == storage(first))
            #expect(storage(TextInterner.intern(second)) == storage(first))
            #expect(TextInterner.intern(second) == second)
            let short = String(["a", "b"].joined())
            #expect(TextInterner.intern(short) == "ab")
            #expect(TextInterner.intern(nil as String?) == nil)
        }
    }

    @Test func loadedFilesSharePathsAndValuesWithTheSameFieldsAsUnsharedLoading() throws {
        // A table serves one part of the files (a 32nd of them), so write enough copies for two in one part.
        let template = try String(contentsOf: Self.fixtures.appendingPathComponent("verifier.yaml"), encoding: .utf8)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("interning-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = (10..<74).map { directory.appendingPathComponent("verifier-\($0).yaml").path }
        for (index, path) in paths.enumerated() {
            try template.replacingOccurrences(of: "orders-api", with: "orders-api-\(index)")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        let loaded = EstateLoader().load(paths: [directory.path]).estate.verifiers
        // `loadFile` outside `load` binds no table: each file's texts keep their own storage.
        let unshared = paths.prefix(2).flatMap { EstateLoader().loadFile(path: $0).estate.verifiers }
        try #require(loaded.count == paths.count && unshared.count == 2)
        let shared = Array(loaded.prefix(2))
        #expect(shared.map(\.metadata.name) == unshared.map(\.metadata.name))

        let issuers = try shared.map { try #require($0.trustedIssuers.value?.first?.issuer) }
        #expect(issuers[0].path == "spec.trustedIssuers[0].issuer")
        #expect(storage(issuers[0].path) == storage(issuers[1].path))
        #expect(storage(issuers[0].value!) == storage(issuers[1].value!))
        #expect(storage(issuers[0].display!) == storage(issuers[1].value!))
        #expect(storage(shared[0].jwks.cacheTTL.path) == storage(shared[1].jwks.cacheTTL.path))

        for (sharing, alone) in zip(shared, unshared) {
            #expect(describe(sharing) == describe(alone))
        }
    }

    /// Every field a control reads, as text: path, location, value, display and note.
    private func describe(_ verifier: Verifier) -> [String] {
        func text<V>(_ field: Field<V>) -> String {
            "\(field.path)|\(field.location.map(\.description) ?? "-")|\(field.value.map { "\($0)" } ?? "-")|"
                + "\(field.display ?? "-")|\(field.note ?? "-")|\(field.unknownReason ?? "-")"
        }
        let issuers = (verifier.trustedIssuers.value ?? []).flatMap { [text($0.issuer), text($0.jwksURI)] }
        let lists = [verifier.algorithms, verifier.audiences, verifier.tokenSources].flatMap {
            [text($0)] + ($0.value ?? []).map(text)
        }
        let validates = verifier.validates
        let flags = [
            validates.signature, validates.issuer, validates.audience, validates.expiration, validates.notBefore,
            verifier.jwks.refreshOnUnknownKid, verifier.jwks.tlsVerify, verifier.trustsTokenHeaders,
            verifier.forwardsToken, verifier.requiresToken, verifier.replayProtection, verifier.logsTokenValues,
        ].map(text)
        let numbers = [verifier.maxTokenAge, verifier.clockSkew, verifier.jwks.cacheTTL].map(text)
        let metadata = verifier.metadata
        return [verifier.metadata.name, metadata.format, text(metadata.owner), text(metadata.environment),
                text(metadata.lastReviewed), text(verifier.revocationCheck)] + issuers + lists + flags + numbers
    }
}
