/// Everything the HTML template shows outside the findings table, already sorted and formatted, so the
/// template only lays it out. Findings travel in `data` (see `HTMLReportData`).
struct HTMLReportModel {
    struct Count {
        var key: String
        var label: String
        var count: Int
    }

    struct Named {
        var name: String
        var value: String
    }

    struct PolicyRow {
        var name: String
        var source: String
        var environments: String
        var thresholds: [Named]
    }

    struct InputRow {
        var path: String
        var sha256: String
        var bytes: Int
        var format: String
        var status: String
        var entities: Int
        var notes: String
    }

    struct InventoryRow {
        var kind: String
        var format: String
        var count: Int
    }

    struct EdgeRow {
        var verifier: String
        var issuer: String
        var issuerURL: String
        var jwksUri: String
        var location: String
        var verifierFails: Bool
    }

    struct Assets {
        var css: String
        var js: String
    }

    /// Static tables longer than this would make the page heavy; the rest is in report.json.
    static let tableLimit = 1000

    var toolName: String
    var toolVersion: String
    var schemaVersion: String
    var generatedAt: String
    var catalogVersion: String
    var controlCount: Int
    var inputDigest: String
    var resultCount: Int
    var entityCount: Int
    var inputCount: Int
    var notAssessedCount: Int
    /// The counts with their nouns, singular for one ("1 file"), for sentences.
    var resultsCounted: String
    var entitiesCounted: String
    var inputsCounted: String
    var notAssessedCounted: String
    var failCount: Int
    var statusCounts: [Count]
    var statusBar: StackedBar
    var severityBars: BarList
    var frameworks: [FrameworkView]
    var policies: [PolicyRow]
    var inputs: [InputRow]
    var notAssessedInputs: [InputRow]
    var inventory: [InventoryRow]
    var graph: TrustGraphLayout?
    var edges: [EdgeRow]
    var hasEdges: Bool
    var edgeCount: Int
    var edgesOmitted: Int
    var hasEdgesOmitted: Bool
    var hasNotAssessedOmitted: Bool
    var inputsOmitted: Int
    var hasInputsOmitted: Bool
    var assets: Assets
    var data: String
    /// Results the findings table does not list (see `HTMLReportData.rowLimit`).
    var rowsOmitted: Int
    var hasRowsOmitted: Bool
    var rowLimit: Int
    var history: HTMLHistoryViews

    init(_ document: ResultDocument, assets: Assets, data: String, rowsOmitted: Int, rowLimit: Int) {
        toolName = document.tool.name
        toolVersion = document.tool.version
        schemaVersion = document.schemaVersion
        generatedAt = document.generatedAt
        catalogVersion = document.catalog.version
        controlCount = document.catalog.controls
        inputDigest = document.inputDigest
        resultCount = document.summary.results
        entityCount = document.entities.count
        inputCount = document.inputs.count
        failCount = document.summary.byStatus[ResultStatus.fail.rawValue, default: 0]
        let statusLabels: [(ResultStatus, String)] = [
            (.fail, "Fail"), (.waived, "Waived"), (.indeterminate, "Indeterminate"), (.pass, "Pass"),
            (.notApplicable, "Not applicable"),
        ]
        statusCounts = statusLabels.map {
            Count(key: $0.0.rawValue, label: $0.1, count: document.summary.byStatus[$0.0.rawValue, default: 0])
        }
        statusBar = StackedBar(statusCounts.map { ($0.key, $0.label, $0.count) })
        severityBars = BarList(
            Severity.allCases.sorted(by: >).map {
                ($0.rawValue.capitalized, document.summary.bySeverity[$0.rawValue, default: 0], $0.rawValue)
            })
        frameworks = document.catalog.frameworks.map {
            FrameworkView(framework: $0, items: document.coverage[$0.id] ?? [], groups: $0.groups ?? [])
        }
        policies = document.policies.map { policy in
            PolicyRow(
                name: policy.name, source: policy.source,
                environments: policy.environments.isEmpty ? "all" : policy.environments.joined(separator: ", "),
                thresholds: policy.thresholds.keys.sorted().map { Named(name: $0, value: policy.thresholds[$0] ?? "") })
        }
        inputs = document.inputs.sorted { $0.path < $1.path }.map {
            InputRow(
                path: $0.path, sha256: $0.sha256, bytes: $0.bytes, format: $0.format, status: $0.status.rawValue,
                entities: $0.entities, notes: $0.notes.joined(separator: "; "))
        }
        let notAssessed = inputs.filter { $0.status != InputRecord.Status.assessed.rawValue }
        notAssessedCount = notAssessed.count
        resultsCounted = counted(resultCount, "result")
        entitiesCounted = counted(entityCount, "entity", plural: "entities")
        inputsCounted = counted(inputCount, "file")
        notAssessedCounted = counted(notAssessedCount, "file")
        notAssessedInputs = Array(notAssessed.prefix(Self.tableLimit))
        hasNotAssessedOmitted = notAssessed.count > Self.tableLimit
        var inventoryCounts: [String: InventoryRow] = [:]
        for entity in document.entities {
            let key = "\(entity.kind.rawValue)\u{0}\(entity.format)"
            inventoryCounts[key, default: InventoryRow(kind: entity.kind.rawValue, format: entity.format, count: 0)]
                .count += 1
        }
        inventory = inventoryCounts.keys.sorted().compactMap { inventoryCounts[$0] }
        graph = document.trustGraph.flatMap { $0.nodes.isEmpty ? nil : TrustGraphLayout($0) }
        edges = (document.trustGraph?.edges ?? []).map {
            EdgeRow(
                verifier: $0.verifier, issuer: $0.issuer, issuerURL: $0.issuerURL, jwksUri: $0.jwksUri ?? "not set",
                location: "\($0.location.file):\($0.location.line):\($0.location.column)",
                verifierFails: $0.verifierFails)
        }
        hasEdges = !edges.isEmpty
        edgeCount = edges.count
        edgesOmitted = max(0, edges.count - Self.tableLimit)
        hasEdgesOmitted = edgesOmitted > 0
        edges = Array(edges.prefix(Self.tableLimit))
        inputsOmitted = max(0, inputs.count - Self.tableLimit)
        hasInputsOmitted = inputsOmitted > 0
        inputs = Array(inputs.prefix(Self.tableLimit))
        self.assets = assets
        self.data = data
        self.rowsOmitted = rowsOmitted
        hasRowsOmitted = rowsOmitted > 0
        self.rowLimit = rowLimit
        history = HTMLHistoryViews(document, limit: Self.tableLimit)
    }
}
