import Testing

@testable import NHIAudit

/// The word-at-a-time scan must find exactly the bytes the byte-by-byte definition finds: every byte value,
/// at every position of a word and of the tail, among neighbours that set and clear high bits and borrows.
@Suite struct EscapeScanTests {
    static func naiveJSON(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }

    static func naiveScript(_ bytes: [UInt8]) -> Bool {
        naiveJSON(bytes) || bytes.contains { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }
    }

    @Test func findsEveryByteThatNeedsEscapingAndNoOther() {
        for filler: UInt8 in [0x20, 0x41, 0x7F, 0x80, 0xE3, 0xFF, 0x21, 0x5D] {
            for length in 1...19 {
                for position in 0..<length {
                    for byte in UInt8.min...UInt8.max {
                        var bytes = [UInt8](repeating: filler, count: length)
                        bytes[position] = byte
                        bytes.withUnsafeBufferPointer { buffer in
                            #expect(EscapeScan.needsJSONEscaping(buffer) == Self.naiveJSON(bytes), "\(bytes)")
                            #expect(EscapeScan.needsScriptEscaping(buffer) == Self.naiveScript(bytes), "\(bytes)")
                        }
                    }
                }
            }
        }
        #expect(!EscapeScan.needsJSONEscaping(UnsafeBufferPointer(start: nil, count: 0)))
    }
}
