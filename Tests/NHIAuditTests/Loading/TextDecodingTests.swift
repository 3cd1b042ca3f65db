import Foundation
import Testing

@testable import NHIAudit

/// `TextDecoding` searches NUL and CR with memchr: it must decide exactly as the element-wise searches did.
@Suite struct TextDecodingTests {
    private enum Decoded: Equatable {
        case text(String)
        case problem(String, isBinary: Bool)
    }

    private func decode(_ data: Data) -> Decoded {
        switch TextDecoding.decode(data) {
        case .success(let text): return .text(text)
        case .failure(let problem): return .problem(problem.reason, isBinary: problem.isBinary)
        }
    }

    /// The element-wise reference for valid UTF-8 and NUL (BOM and UTF-16 cases as the decoder has them).
    private func reference(_ data: Data) -> Decoded {
        var bytes = Array(data)
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .problem("UTF-16 text is not supported; save the file as UTF-8", isBinary: false)
        }
        bytes.removeFirst(bom)
        if let nul = bytes.firstIndex(of: 0) { return .problem("binary file (NUL byte at offset \(bom + nul))", isBinary: true) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .problem("not valid UTF-8", isBinary: false) }
        return .text(bytes.contains(UInt8(ascii: "\r")) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text)
    }

    @Test func nulAndCarriageReturnAreFoundWhereverTheyAre() {
        let bodies: [[UInt8]] = [
            [], [0], [0x61, 0], [0x61, 0x0D], [0x0D, 0x0A, 0x62], [0x61, 0x0D, 0x0A, 0x0D, 0x0A], [0x0D],
            Array("k: v\r\nx: \u{1F600}\r\n".utf8), Array(repeating: 0x61, count: 100) + [0] + [0x0D],
            Array(repeating: 0x62, count: 65) + [0x0D, 0x0A], [0xC3, 0xA9, 0x00],
        ]
        for body in bodies {
            for prefix in [[], [0xEF, 0xBB, 0xBF]] as [[UInt8]] {
                let data = Data(prefix + body)
                #expect(decode(data) == reference(data), "\(prefix + body)")
                // A slice that does not start at index 0, as Data read from a larger buffer may be.
                let padded = Data([0x7A] + prefix + body).dropFirst()
                #expect(decode(padded) == reference(Data(padded)), "\(prefix + body)")
            }
        }
        #expect(decode(Data([0x61, 0x62, 0x00])) == .problem("binary file (NUL byte at offset 2)", isBinary: true))
        #expect(decode(Data([0xEF, 0xBB, 0xBF, 0x00])) == .problem("binary file (NUL byte at offset 3)", isBinary: true))
        #expect(decode(Data("a\r\nb\rc".utf8)) == .text("a\nb\rc"))
    }
}
