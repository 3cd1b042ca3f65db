import Foundation
import NHIAudit
import Testing

/// Work split over cores (controls, formats) or over threads of its own (files, which also wait on the disk)
/// comes back in input order, each input transformed exactly once.
@Suite struct ParallelMapTests {
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [Int: Int] = [:]
        private var threads: Set<String> = []
        func record(_ input: Int) {
            lock.withLock {
                counts[input, default: 0] += 1
                threads.insert("\(Unmanaged.passUnretained(Thread.current).toOpaque())")
            }
        }
        var eachOnce: [Int: Int] { lock.withLock { counts } }
        var threadCount: Int { lock.withLock { threads.count } }
    }

    @Test(arguments: [0, 1, 2, 7, 32, 1000])
    func resultsComeBackInInputOrder(count: Int) {
        let inputs = Array(0..<count)
        for threads in [1, 2, 3, 8, 64] {
            let calls = Calls()
            let output = ParallelMap.map(inputs, threads: threads) { input -> String in
                calls.record(input)
                // Uneven work, so workers finish out of order.
                if input % 3 == 0 { usleep(200) }
                return "item \(input)"
            }
            #expect(output == inputs.map { "item \($0)" }, "\(count) inputs on \(threads) threads")
            #expect(calls.eachOnce == Dictionary(uniqueKeysWithValues: inputs.map { ($0, 1) }))
        }
        #expect(ParallelMap.map(inputs) { $0 * 2 } == inputs.map { $0 * 2 })
    }

    /// Inputs that each wait (as a read from the disk does) are taken by several threads at once.
    @Test func waitingWorkIsSpreadOverThreads() {
        let calls = Calls()
        _ = ParallelMap.map(Array(0..<16), threads: 4) { input in
            calls.record(input)
            usleep(20_000)
            return input
        }
        #expect(calls.threadCount == 4)
    }
}
