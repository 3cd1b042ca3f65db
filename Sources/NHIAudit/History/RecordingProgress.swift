import Foundation

/// The moments of a run recorded on its own thread: the run row settled (or the write failed before it), the
/// document annotated by the caller and handed back for its rows, every row inserted, the caller's work (the
/// reports) done or failed, then the run committed (or rolled back). Each value is written once before its
/// semaphore is signalled and read only after waiting on it.
///
/// The document passes through here, not through a captured copy: while the thread holds it, the caller's
/// annotating would copy every finding's record (a tenth of the memory of a large scan).
final class RecordingProgress: @unchecked Sendable {
    private let settledSignal = DispatchSemaphore(value: 0)
    private let annotatedSignal = DispatchSemaphore(value: 0)
    private let finishedSignal = DispatchSemaphore(value: 0)
    private let workSignal = DispatchSemaphore(value: 0)
    private var workSucceeded = false
    private var settled: Result<HistoryStore.SettledRun, any Error>?
    private var document: ResultDocument?
    private var failure: (any Error)?

    init(_ document: ResultDocument) { self.document = document }

    /// The document to settle the run from, given up: the caller annotates its own copy next.
    func takeDocument() -> ResultDocument? {
        defer { document = nil }
        return document
    }

    func handBack(_ annotated: ResultDocument) {
        document = annotated
        annotatedSignal.signal()
    }

    func waitAnnotated() -> ResultDocument? {
        annotatedSignal.wait()
        return takeDocument()
    }

    func settle(_ run: HistoryStore.SettledRun) {
        settled = .success(run)
        settledSignal.signal()
    }

    /// The caller's work is over: the run is committed only if it succeeded.
    func workDone(succeeded: Bool) {
        workSucceeded = succeeded
        workSignal.signal()
    }

    func waitWorkSucceeded() -> Bool {
        workSignal.wait()
        return workSucceeded
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
