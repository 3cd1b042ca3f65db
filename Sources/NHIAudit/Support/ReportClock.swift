import Foundation

/// The run's notion of "now": `SOURCE_DATE_EPOCH` when set (reproducible builds convention), else the clock.
public struct ReportClock: Sendable {
    public var epochSeconds: Int

    public init(epochSeconds: Int) { self.epochSeconds = epochSeconds }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> ReportClock
    {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int(text) { return ReportClock(epochSeconds: seconds) }
        return ReportClock(epochSeconds: Int(Date().timeIntervalSince1970))
    }

    public var today: CalendarDate { CalendarDate(epochSeconds: epochSeconds) }

    public var timestamp: String {
        let seconds = ((epochSeconds % 86_400) + 86_400) % 86_400
        return String(format: "%@T%02d:%02d:%02dZ", today.description, seconds / 3600, seconds / 60 % 60, seconds % 60)
    }
}
