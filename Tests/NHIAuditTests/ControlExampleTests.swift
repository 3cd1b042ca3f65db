import NHIAudit
import Testing

/// Runs every control's own failing and passing examples (the SwiftLint rule-example pattern).
@Suite struct ControlExampleTests {
    static let controls = ControlRegistry.standard.controls.map { ControlCase(type: $0) }

    struct ControlCase: CustomTestStringConvertible, Sendable {
        let type: any Control.Type
        var testDescription: String { type.id }
    }

    @Test(arguments: controls)
    func failingExamplesFailAtTheMarkedPlace(_ control: ControlCase) throws {
        let examples = control.type.examples.failing
        #expect(!examples.isEmpty, "\(control.type.id) has no failing example")
        for example in examples {
            let (text, markers) = example.unmarked
            let here = SourceLocation(file: example.sourceFile, line: example.sourceLine, column: 1)
            try #require(markers.count == 1, "\(here): a failing example needs exactly one ↓ marker")
            let document = Harness.evaluate(text, file: example.file)
            let failures = document.results.filter { $0.control == control.type.id && $0.status == .fail }
            let marked = failures.first {
                $0.location.file == example.file && $0.location.line == markers[0].line
                    && $0.location.column == markers[0].column
            }
            #expect(
                marked != nil,
                """
                \(here): \(control.type.id) should fail at line \(markers[0].line) column \(markers[0].column); \
                failures: \(failures.map { "\($0.location.line):\($0.location.column) \($0.message)" })
                """)
            if let marked, let expected = example.severity {
                #expect(marked.severity == expected, "\(here): severity \(marked.severity), expected \(expected)")
            }
        }
    }

    @Test(arguments: controls)
    func passingExamplesPass(_ control: ControlCase) {
        let examples = control.type.examples.passing
        #expect(!examples.isEmpty, "\(control.type.id) has no passing example")
        for example in examples {
            let here = SourceLocation(file: example.sourceFile, line: example.sourceLine, column: 1)
            let document = Harness.evaluate(example.unmarked.text, file: example.file)
            let mine = document.results.filter { $0.control == control.type.id }
            let failures = mine.filter { $0.status == .fail }
            #expect(failures.isEmpty, "\(here): \(control.type.id) failed: \(failures.map(\.message))")
            // Input controls only report problems; every other control must show a real pass.
            if !control.type.id.hasPrefix("INP-") {
                #expect(mine.contains { $0.status == .pass }, "\(here): \(control.type.id) did not pass: \(mine.map(\.message))")
            }
        }
    }
}
