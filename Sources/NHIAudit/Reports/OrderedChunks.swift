import Dispatch
import Foundation

/// Writes a long run of items (a report's results) into an output in order, rendered by two threads: each
/// renders every other chunk of items into its own buffer and appends it when its turn comes. Formats are
/// written in parallel, one per core; with more formats than cores the last one would run alone, so each
/// format's long arrays are split as well and every core stays busy to the end. Each thread gets its own item
/// writer (writers cache bytes between records). The bytes are those of writing the items one after another.
enum OrderedChunks {
    /// Writes item `index` into the buffer.
    typealias ItemWriter = (_ index: Int, _ into: inout [UInt8]) throws -> Void

    static let itemsPerChunk = 1024

    /// `makeWriter` is called once per thread. Runs with fewer than four chunks, or on one core, are written
    /// on the calling thread only.
    static func write(
        count: Int, to output: ReportOutput, itemsPerChunk: Int = itemsPerChunk, _ makeWriter: () -> ItemWriter
    ) throws {
        let chunks = (count + itemsPerChunk - 1) / itemsPerChunk
        guard chunks >= 4, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            let write = makeWriter()
            for index in 0..<count {
                try write(index, &output.pending)
                try output.flushIfFull()
            }
            return
        }
        let turns = Turns(output: output, count: count, itemsPerChunk: itemsPerChunk, chunks: chunks)
        let helper = Handoff((turns, makeWriter()))
        let finished = DispatchSemaphore(value: 0)
        // A thread of its own: the dispatch pool's workers may all be busy writing other formats.
        Thread {
            helper.value.0.run(parity: 1, helper.value.1)
            finished.signal()
        }.start()
        turns.run(parity: 0, makeWriter())
        finished.wait()
        if let error = turns.error { throw error }
    }

    /// Chunk `k` is rendered by thread `k % 2` and written after chunk `k - 1`: each thread waits on its own
    /// semaphore, signalled by the other after each chunk it writes (or when it fails).
    private final class Turns: @unchecked Sendable {
        let output: ReportOutput
        let count: Int, itemsPerChunk: Int, chunks: Int
        private let turn = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
        private let lock = NSLock()
        private var firstError: (any Error)?

        init(output: ReportOutput, count: Int, itemsPerChunk: Int, chunks: Int) {
            self.output = output
            self.count = count
            self.itemsPerChunk = itemsPerChunk
            self.chunks = chunks
        }

        var error: (any Error)? {
            lock.lock()
            defer { lock.unlock() }
            return firstError
        }

        func run(parity: Int, _ write: ItemWriter) {
            var buffer: [UInt8] = []
            var chunk = parity
            while chunk < chunks, error == nil {
                buffer.removeAll(keepingCapacity: true)
                do {
                    for index in chunk * itemsPerChunk..<min(count, (chunk + 1) * itemsPerChunk) {
                        try write(index, &buffer)
                    }
                } catch {
                    return fail(error, parity: parity)
                }
                if chunk > 0 { turn[parity].wait() }
                if self.error != nil { return }
                do {
                    try output.appendChunk(buffer)
                } catch {
                    return fail(error, parity: parity)
                }
                turn[1 - parity].signal()
                chunk += 2
            }
        }

        /// Records the error and wakes the other thread, which stops at its next turn.
        private func fail(_ error: any Error, parity: Int) {
            lock.lock()
            if firstError == nil { firstError = error }
            lock.unlock()
            turn[1 - parity].signal()
        }
    }
}
