import Dispatch
import Foundation

/// Order-preserving parallel map over all cores, for independent work items (files).
public enum ParallelMap {
    public static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard inputs.count > 1 else { return inputs.map(transform) }
        let results = ResultSlots<Output>(count: inputs.count)
        let workers = min(inputs.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.increment()
                guard index < inputs.count else { return }
                results.store(transform(inputs[index]), at: index)
            }
        }
        return results.values()
    }
}

extension ParallelMap {
    /// Order-preserving map on `threads` threads of its own, for work that also waits on the disk (reading
    /// files): with more threads than cores, some parse while others wait for their reads, and the disk has
    /// several reads queued at once. Files not in the page cache otherwise leave a core idle at each read.
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], threads: Int, _ transform: @escaping @Sendable (Input) -> Output
    ) -> [Output] {
        let workers = min(inputs.count, threads)
        guard workers > 1 else { return inputs.map(transform) }
        let results = ResultSlots<Output>(count: inputs.count)
        let next = AtomicCounter()
        let finished = DispatchSemaphore(value: 0)
        let work: @Sendable () -> Void = {
            while true {
                let index = next.increment()
                guard index < inputs.count else { return }
                results.store(transform(inputs[index]), at: index)
            }
        }
        for _ in 1..<workers {
            Thread {
                work()
                finished.signal()
            }.start()
        }
        work()
        for _ in 1..<workers { finished.wait() }
        return results.values()
    }

    /// Runs two independent pieces of work at once.
    public static func pair<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        let firstSlot = ResultSlots<First>(count: 1)
        let secondSlot = ResultSlots<Second>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { firstSlot.store(first(), at: 0) } else { secondSlot.store(second(), at: 0) }
        }
        return (firstSlot.values()[0], secondSlot.values()[0])
    }
}

/// Slots written by exactly one worker each; read only after every worker has finished.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [Value] { slots.map { $0! } }
}

private final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        let current = value
        value += 1
        return current
    }
}
