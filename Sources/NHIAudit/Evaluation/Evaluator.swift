import Foundation

/// Runs every control over the estate and assembles the result document.
public struct Evaluator: Sendable {
    public var catalog: Catalog
    public var registry: ControlRegistry
    public var toolVersion: String

    public init(catalog: Catalog, registry: ControlRegistry = .standard, toolVersion: String = NHIAuditVersion.current) {
        self.catalog = catalog
        self.registry = registry
        self.toolVersion = toolVersion
    }

    public func evaluate(_ loaded: EstateLoader.Loaded, clock: ReportClock) -> ResultDocument {
        let context = EvaluationContext(
            estate: loaded.estate, diagnostics: loaded.diagnostics, today: clock.today)
        // Controls read the model only, so they run in parallel; results are concatenated in catalog order.
        var perControl = ParallelMap.map(catalog.controls) { descriptor -> [ResultDocument.Result] in
            guard let type = registry.type(for: descriptor.id) else { return [] }
            var facts = FactsByPolicy(descriptor)
            // Most of a control's messages repeat across entities ("explicit allowlist: RS256"): keep one copy.
            // Entities come in file order, so a repeat is most often the previous message: compared, not hashed.
            var messages: [String: String] = [:]
            var previous = ""
            // Popped from the end: each outcome moves out of the array rather than being copied (which retains
            // each of its strings) and destroyed with the array. The results, one reference each, are reversed
            // back into the controls' order afterwards.
            var outcomes = type.init().evaluate(context)
            var results: [ResultDocument.Result] = []
            results.reserveCapacity(outcomes.count)
            while let outcome = outcomes.popLast() {
                let message = outcome.outcome.message
                if message != previous {
                    if let shared = messages[message] {
                        previous = shared
                    } else {
                        messages[message] = message
                        previous = message
                    }
                }
                results.append(
                    result(
                        outcome, message: previous, control: descriptor.id, severity: descriptor.severity,
                        facts: facts.facts(policy: outcome.policy)))
            }
            results.reverse()
            return results
        }
        var results = Self.flattened(consuming: &perControl)
        // A waiver judges each failing result on its own, so waivers apply before the sort; stale waivers' results
        // join the others before it.
        let staleness = WaiverApplication.apply(to: &results, context: context)
        if let descriptor = catalog.control(WaiverStaleControl.id), !staleness.isEmpty {
            var facts = FactsByPolicy(descriptor)
            results += staleness.map { outcome in
                result(
                    outcome, message: outcome.outcome.message, control: descriptor.id, severity: descriptor.severity,
                    facts: facts.facts(policy: outcome.policy))
            }
        }
        // One pass over the records, in the order they were made (each half on a core), counts them and
        // gathers their sort keys.
        let tallies: ResultTallies
        var order: ReportOrder
        (tallies, order) = ResultTallies.countedInOrder(results)
        // The sort on one core, the entity list and the trust graph on the other. The list and the keys are now
        // referenced once each, from their handoffs: sorted in place, not copied.
        let handoff = Handoff(results)
        results = []
        let sorting = Handoff(order)
        order = ReportOrder(capacity: 0)
        let (_, parts) = ParallelMap.pair(
            { sorting.value.sort(&handoff.value) },
            {
                (entities: entityRecords(context),
                 trustGraph: TrustGraph.build(context, failingControls: tallies.failingControls))
            })
        swap(&results, &handoff.value)
        return ResultDocument(
            schemaVersion: ResultDocument.schemaVersion,
            tool: .init(name: "nhi-audit", version: toolVersion),
            generatedAt: clock.timestamp,
            catalog: .init(
                version: catalog.version,
                frameworks: catalog.frameworks.map { .init(id: $0.id, title: $0.title, version: $0.version, source: $0.source, groups: $0.groups) },
                controls: catalog.controls.count),
            inputDigest: Self.digest(loaded.inputs, catalogVersion: catalog.version),
            inputs: loaded.inputs,
            policies: policiesInForce(loaded.estate),
            entities: parts.entities,
            summary: summarize(tallies, loaded: loaded, context: context),
            results: results,
            coverage: CoverageCalculator(catalog: catalog, registry: registry).coverage(tallies),
            controls: catalog.controls,
            trustGraph: parts.trustGraph)
    }

    /// The controls' results in one list. Records are moved out of the chunks from their ends, not copied: a copy
    /// retains each record and freeing the chunk releases it again, touching every record twice.
    static func flattened(consuming chunks: inout [[ResultDocument.Result]]) -> [ResultDocument.Result] {
        let count = chunks.reduce(0) { $0 + $1.count }
        let flat = [ResultDocument.Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            var position = count
            for index in chunks.indices.reversed() {
                while let last = chunks[index].popLast() {
                    position -= 1
                    (buffer.baseAddress! + position).initialize(to: last)
                }
                chunks[index] = []  // its buffer, now empty, is freed at once
            }
            initialized = count
        }
        chunks = []
        return flat
    }

    /// One `ControlFacts` per control and policy, shared by all those results.
    private struct FactsByPolicy {
        let descriptor: ControlDescriptor
        let frameworks: [String: [String]]
        var byPolicy: [String?: ResultDocument.ControlFacts] = [:]
        /// Most results share the previous one's policy: compared, not hashed.
        var last: ResultDocument.ControlFacts?

        init(_ descriptor: ControlDescriptor) {
            self.descriptor = descriptor
            frameworks = descriptor.frameworks.filter { !$0.value.isEmpty }
        }

        mutating func facts(policy: String?) -> ResultDocument.ControlFacts {
            if let last, last.policy == policy { return last }
            let facts = byPolicy[policy] ?? ResultDocument.ControlFacts(
                control: descriptor.id, title: descriptor.title, frameworks: frameworks, policy: policy)
            byPolicy[policy] = facts
            last = facts
            return facts
        }
    }

    private func result(
        _ outcome: consuming EntityOutcome, message: String, control: String, severity controlSeverity: Severity,
        facts: ResultDocument.ControlFacts
    ) -> ResultDocument.Result {
        // Most outcomes cite one source: its evidence is made without an array around it.
        let sole: Evidence?
        let evidence: [Evidence]
        switch outcome.outcome.drafts {
        case .one(let draft):
            sole = draft.evidence(fallback: outcome.anchor)
            evidence = []
        case .list(let drafts):
            sole = nil
            evidence = Self.distinct(drafts.map { $0.evidence(fallback: outcome.anchor) })
        }
        let primary = sole ?? evidence.first ?? Evidence(at: outcome.anchor, field: "")
        let severity = outcome.outcome.status == .fail ? (outcome.outcome.severity ?? controlSeverity) : controlSeverity
        let storedID = Fingerprint.key(
            control: control, entity: outcome.entity, field: primary.field, discriminator: outcome.discriminator)
        let location = ResultDocument.Location(
            file: primary.file, line: primary.line, column: primary.column, field: primary.field)
        if let sole {
            return ResultDocument.Result(
                storedID: storedID, facts: facts, status: outcome.outcome.status, severity: severity,
                entity: outcome.entity, location: location, message: message, soleEvidence: sole)
        }
        return ResultDocument.Result(
            storedID: storedID, facts: facts, status: outcome.outcome.status, severity: severity,
            entity: outcome.entity, location: location, message: message, evidence: evidence)
    }

    /// The evidence list without repeats, first occurrence kept: several sources of one outcome can resolve to the
    /// same place (an Envoy provider's implied algorithms all point at its key source; an audience list cited
    /// as the value checked and the list named), and an auditor should read each piece once.
    static func distinct(_ evidence: [Evidence]) -> [Evidence] {
        var seen: Set<Evidence> = []
        seen.reserveCapacity(evidence.count)
        return evidence.filter { seen.insert($0).inserted }
    }

    private func summarize(_ tallies: ResultTallies, loaded: EstateLoader.Loaded, context: EvaluationContext)
        -> ResultDocument.Summary
    {
        let byStatus = Dictionary(
            uniqueKeysWithValues: zip(ResultStatus.allCases.map(\.rawValue), tallies.statusCounts))
        let bySeverity = Dictionary(
            uniqueKeysWithValues: zip(Severity.allCases.map(\.rawValue), tallies.failureSeverityCounts))
        var entities: [String: Int] = [:]
        for entity in context.allEntities { entities[type(of: entity).kind.rawValue, default: 0] += 1 }
        var inputs: [String: Int] = ["assessed": 0, "partial": 0, "not-assessed": 0]
        for input in loaded.inputs { inputs[input.status.rawValue, default: 0] += 1 }
        return .init(
            results: tallies.results, byStatus: byStatus, bySeverity: bySeverity, entities: entities, inputs: inputs)
    }

    private func policiesInForce(_ estate: Estate) -> [ResultDocument.PolicyInForce] {
        var records = estate.policies.sorted { $0.metadata.location < $1.metadata.location }.map { policy in
            ResultDocument.PolicyInForce(
                name: policy.metadata.name, source: "\(policy.metadata.location)",
                environments: policy.environments.knownItems, thresholds: EffectivePolicy(policy: policy).summary)
        }
        records.append(
            .init(
                name: EffectivePolicy.baselineName, source: "built-in baseline", environments: [],
                thresholds: EffectivePolicy.baseline.summary))
        return records
    }

    private func entityRecords(_ context: EvaluationContext) -> [ResultDocument.EntityRecord] {
        context.allEntities.map { entity in
            let metadata = entity.metadata
            return ResultDocument.EntityRecord(
                kind: type(of: entity).kind, name: metadata.name, format: metadata.format,
                file: metadata.location.file, line: metadata.location.line, environment: metadata.environment.value,
                owner: metadata.owner.value, policy: context.policyName(for: metadata))
        }.sorted { ($0.kind, $0.name, $0.file, $0.line) < ($1.kind, $1.name, $1.file, $1.line) }
    }

    static func digest(_ inputs: [InputRecord], catalogVersion: String) -> String {
        var text = "catalog \(catalogVersion)\n"
        for input in inputs { text += "\(input.sha256)  \(input.path)\n" }
        return Fingerprint.hex(Data(text.utf8))
    }
}

extension EffectivePolicy {
    /// Thresholds as text, with where each came from, for the report's scope section.
    public var summary: [String: String] {
        func duration(_ threshold: Threshold<Int>) -> String {
            "\(DurationParser.format(threshold.value)) (\(threshold.source))"
        }
        return [
            "maxTokenTTL": duration(maxTokenTTL),
            "maxClockSkew": duration(maxClockSkew),
            "allowedAlgorithms": "\(allowedAlgorithms.value.joined(separator: ", ")) (\(allowedAlgorithms.source))",
            "minRSAKeyBits": "\(minRSAKeyBits.value) (\(minRSAKeyBits.source))",
            "maxKeyRotationPeriod": duration(maxKeyRotationPeriod),
            "maxJwksCacheTTL": duration(maxJwksCacheTTL),
            "requireRevocationAbove": duration(requireRevocationAbove),
            "allowedKeyStorage": "\(allowedKeyStorage.value.joined(separator: ", ")) (\(allowedKeyStorage.source))",
            "accessReviewInterval": duration(accessReviewInterval),
            "requireOwner": "\(requireOwner.value) (\(requireOwner.source))",
            "maxWaiverDuration": duration(maxWaiverDuration),
        ]
    }
}
