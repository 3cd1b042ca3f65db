import Foundation

/// A value one thread settles once and another waits for.
final class Handover: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var value: Result<HistoryStore.SettledRun, any Error>?

    /// Only the first call counts (a failure after the run was settled is reported by the writer instead).
    func settle(_ value: Result<HistoryStore.SettledRun, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        guard self.value == nil else { return }
        self.value = value
        ready.signal()
    }

    func wait() -> Result<HistoryStore.SettledRun, any Error> {
        ready.wait()
        lock.lock()
        defer { lock.unlock() }
        return value!
    }
}

/// The first error a background thread met, read after it finished.
final class LockedError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?

    var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func set(_ error: any Error) {
        lock.lock()
        defer { lock.unlock() }
        if stored == nil { stored = error }
    }
}
