/// A snippet a control must fail or pass on, in the style of SwiftLint's rule examples.
///
/// In a failing example, `↓` marks where the finding must point (line and column); the marker is removed
/// before the snippet is loaded. The snippet is loaded through the normal importers as a file named `file`,
/// so examples work for every input format.
public struct ControlExample: Sendable {
    public var text: String
    public var file: String
    /// Expected severity of the failure when it differs from the control's.
    public var severity: Severity?
    /// Where the example is written, for test failure messages.
    public var sourceFile: String
    public var sourceLine: Int

    public init(
        _ text: String, file: String = "example.yaml", severity: Severity? = nil, sourceFile: String = #fileID,
        sourceLine: Int = #line
    ) {
        self.text = text
        self.file = file
        self.severity = severity
        self.sourceFile = sourceFile
        self.sourceLine = sourceLine
    }

    public static let marker: Character = "↓"

    /// The text without markers, and the 1-based (line, column) of each marker.
    public var unmarked: (text: String, markers: [(line: Int, column: Int)]) {
        var output = ""
        var markers: [(Int, Int)] = []
        var line = 1
        var column = 1
        for character in text {
            if character == Self.marker {
                markers.append((line, column))
                continue
            }
            output.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (output, markers)
    }
}

public struct ControlExamples: Sendable {
    public var failing: [ControlExample]
    public var passing: [ControlExample]

    public init(failing: [ControlExample], passing: [ControlExample]) {
        self.failing = failing
        self.passing = passing
    }
}
