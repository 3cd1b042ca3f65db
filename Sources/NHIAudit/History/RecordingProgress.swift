import Foundation

/// The two moments of a run recorded on its own thread: the run row settled (or the write failed before it),
/// then every row inserted and committed (or not). Each is written once before its semaphore is signalled and
/// read only after waiting on it.
final class RecordingProgress: @unchecked Sendable {
    private let settledSignal = DispatchSemaphore(value: 0)
    private let finishedSignal = DispatchSemaphore(value: 0)
    private var settled: Result<HistoryStore.SettledRun, any Error>?
    private var failure: (any Error)?

    func settle(_ run: HistoryStore.SettledRun) {
        settled = .success(run)
        settledSignal.signal()
    }

    /// A failure before the run was settled is the settling's; after it, the insertion's.
    func finish(_ error: (any Error)?) {
        if settled == nil {
            settled = .failure(error ?? HistoryStore.StoreError(description: "the run was not recorded"))
            settledSignal.signal()
        } else {
            failure = error
        }
        finishedSignal.signal()
    }

    func waitSettled() -> Result<HistoryStore.SettledRun, any Error> {
        settledSignal.wait()
        return settled!
    }

    /// The insertion's failure, once the thread is done.
    func waitFinished() -> (any Error)? {
        finishedSignal.wait()
        return failure
    }
}
