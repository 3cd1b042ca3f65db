import Foundation

/// Accepted debt: the findings (by fingerprint) a team has agreed to work down. With `--baseline` the gate and
/// the summary judge only findings not in it; the reports still show every result, marked `inBaseline`.
public struct Baseline: Codable, Sendable {
    public static let kind = "nhi-audit-baseline"

    public struct Finding: Codable, Sendable, Hashable {
        public var id: String
        public var control: String
        public var entity: String
        public var severity: String
    }

    public var kind: String = Baseline.kind
    public var schemaVersion: String = "1"
    /// Where the findings came from: a report file, or `run N` of a history database.
    public var source: String
    public var generatedAt: String
    public var findings: [Finding]

    public init(source: String, generatedAt: String, findings: [Finding]) {
        self.source = source
        self.generatedAt = generatedAt
        self.findings = findings.sorted { $0.id < $1.id }
    }

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(document: ResultDocument, source: String) {
        self.init(
            source: source, generatedAt: document.generatedAt,
            findings: document.results.filter { $0.status.isFinding }.map {
                Finding(id: $0.id, control: $0.control, entity: "\($0.entity)", severity: $0.severity.rawValue)
            })
    }

    public init(run: HistoryStore.Run, results: [HistoryStore.StoredResult]) {
        self.init(
            source: "run \(run.id)", generatedAt: run.generatedAt,
            findings: results.filter { $0.status.isFinding }.map {
                Finding(id: $0.fingerprint, control: $0.control, entity: "\($0.entity)", severity: $0.severity.rawValue)
            })
    }

    /// Reads a baseline file, or a `report.json` (its failing and waived results become the baseline).
    public static func load(_ path: String) throws -> Baseline {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LoadError(description: "\(path): cannot read the baseline: \(error.localizedDescription)")
        }
        if let baseline = try? JSONDecoder().decode(Baseline.self, from: data), baseline.kind == kind { return baseline }
        if let document = try? JSONDecoder().decode(ResultDocument.self, from: data) {
            return Baseline(document: document, source: path)
        }
        throw LoadError(description: "\(path) is neither an nhi-audit baseline (kind: \(kind)) nor a report.json")
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Marks each finding `inBaseline` and records the comparison in the document.
    public func apply(to document: inout ResultDocument) {
        let known = Set(findings.map(\.id))
        var fresh = 0
        for index in document.results.indices where document.results[index].status.isFinding {
            let inBaseline = known.contains(document.results[index].id)
            document.results[index].inBaseline = inBaseline
            if !inBaseline && document.results[index].status == .fail { fresh += 1 }
        }
        document.baseline = BaselineInfo(source: source, findings: findings.count, newFindings: fresh)
    }
}
