import Foundation
import Testing

@testable import NHIAudit

/// Long arrays of report items are rendered by two threads in alternate chunks (`OrderedChunks`); the bytes
/// must be those of one writer writing every item in order, and a failure on either thread must end the write
/// with its error, not hang it.
@Suite struct OrderedChunksTests {
    struct Failure: Error, Equatable { var index: Int }

    /// Item bytes of varying length; a writer also counts the items it wrote (state of its own, as the report
    /// writers' caches are).
    static func written(count: Int, itemsPerChunk: Int, failingAt failure: Int? = nil) throws -> (bytes: String, writers: Int) {
        let output = ReportOutput()
        output.append("[")
        let writers = Counter()
        try OrderedChunks.write(count: count, to: output, itemsPerChunk: itemsPerChunk) {
            writers.add()
            var wrote = 0
            return { index, out in
                if index == failure { throw Failure(index: index) }
                wrote += 1
                out.append(contentsOf: "\(index):\(String(repeating: "x", count: index % 5)),".utf8)
            }
        }
        output.append("]")
        return (String(decoding: try output.data, as: UTF8.self), writers.value)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test(arguments: [0, 1, 3, 4, 7, 8, 9, 1023, 1024, 1025, 4096, 4097, 20_000])
    func itemsAreWrittenOnceEachInOrder(count: Int) throws {
        let expected = "[" + (0..<count).map { "\($0):\(String(repeating: "x", count: $0 % 5))," }.joined() + "]"
        for itemsPerChunk in [1, 2, 7, 1024] {
            let (bytes, writers) = try Self.written(count: count, itemsPerChunk: itemsPerChunk)
            #expect(bytes == expected, "count \(count), \(itemsPerChunk) per chunk")
            let chunks = (count + itemsPerChunk - 1) / itemsPerChunk
            #expect(writers == (chunks >= 4 && ProcessInfo.processInfo.activeProcessorCount > 1 ? 2 : 1))
        }
    }

    /// In the first, an even, an odd and the last chunk: either thread failing.
    @Test(arguments: [0, 5, 13, 199])
    func aFailingItemEndsTheWriteWithItsError(index: Int) {
        #expect(throws: Failure(index: index)) { try Self.written(count: 200, itemsPerChunk: 10, failingAt: index) }
    }

    /// Reports long enough to be written in many chunks on two threads, against the references the writers are
    /// held equal to (libxml2, generic trees, rows of strings); the example estate's results repeated with
    /// distinct ids and files.
    static func longDocument() -> ResultDocument {
        var document = ExampleEstateTests.document
        let results = document.results
        let copies = OrderedChunks.itemsPerChunk * 5 / results.count + 1
        document.results = (0..<copies).flatMap { copy in
            results.map { original in
                var result = original
                result.id = "\(original.id)-\(copy)"
                result.location.file = "\(original.location.file)-\(copy)"
                return result
            }
        }
        return document
    }

    @Test func longReportsAreTheReferenceBytes() throws {
        let document = Self.longDocument()
        #expect(document.results.count > OrderedChunks.itemsPerChunk * 5)
        try XMLResultWriterTests.expectSameBytes(document, "long report")
        try JSONRecordWriterTests.expectSameBytes(document, "long report")
        try OSCALSARIFDirectWriterTests.expectSameBytes(document, "long report")
        try CSVResultWriterTests.expectSameBytes(document, "long report")
    }

    /// The HTML data block's rows, against one writer writing them all in order.
    @Test func longHTMLRowListsAreOneWritersRows() throws {
        let document = Self.longDocument()
        let data = HTMLReportData(document, rowLimit: document.results.count)
        #expect(data.rows.count == document.results.count)
        let output = ReportOutput()
        try data.write(document.results, to: output)
        var writer = HTMLRowWriter<ScriptJSONEscaper>()
        var rows: [UInt8] = []
        for (position, index) in data.rows.enumerated() {
            if position > 0 { rows.append(0x2C) }
            try writer.write(document.results[index], into: &rows)
        }
        let written = String(decoding: try output.data, as: UTF8.self)
        #expect(written.hasSuffix(#","results":["# + String(decoding: rows, as: UTF8.self) + "]}"))
    }

    #if os(Linux)
        /// A full disk (here /dev/full, which fails every write with ENOSPC) ends the write with the reason, which
        /// `PendingReportFile` reports with the report's path; it used to say only "cannot write report".
        @Test func aFullDiskEndsTheWriteWithItsReason() throws {
            let descriptor = open("/dev/full", O_WRONLY | O_CLOEXEC)
            try #require(descriptor >= 0)
            defer { close(descriptor) }
            let output = ReportOutput(descriptor: descriptor)
            output.append(String(repeating: "x", count: 4096))
            let failure = #expect(throws: ReportOutput.WriteFailure.self) { try output.flush() }
            #expect(failure?.reason == String(cString: strerror(ENOSPC)))
        }
    #endif
}
