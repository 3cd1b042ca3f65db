/// What the history database adds to a report: the previous run and the trend over the last runs.
public struct HistoryInfo: Codable, Sendable {
    public struct Point: Codable, Sendable, Hashable {
        public var run: Int64
        public var generatedAt: String
        public var fail: Int
        public var pass: Int
        public var indeterminate: Int
        public var waived: Int
        public var notApplicable: Int
        /// Failures by severity.
        public var bySeverity: [String: Int]
    }

    /// Id this run has in the history database.
    public var run: Int64
    public var previousRun: Int64?
    public var previousGeneratedAt: String?
    /// Oldest first, this run last (at most `HistoryStore.trendLength` points).
    public var trend: [Point]
    /// Failures that did not fail in the previous run.
    public var newFindings: Int
    /// Failures of the previous run that no longer fail.
    public var resolvedFindings: Int
}

/// The baseline a scan was compared against (`--baseline FILE|RUN`).
public struct BaselineInfo: Codable, Sendable {
    /// The file path, or `run N`.
    public var source: String
    /// Findings recorded in the baseline.
    public var findings: Int
    /// Failures now that the baseline does not hold: new debt, what the gate judges.
    public var newFindings: Int
}
