/// What a writer makes once per `ControlFacts` (bytes that depend only on a control's title, mappings and
/// policy), found by the object's identity: a few dozen objects serve hundreds of thousands of results, and
/// comparing one reference is cheaper than hashing or comparing their strings.
struct FactsCache<Entry> {
    /// Held so that no identifier in `slots` is reused by another object while the cache lives.
    private var facts: [ResultDocument.ControlFacts] = []
    private var entries: [Entry] = []
    private var slots: [ObjectIdentifier: Int] = [:]
    private var last = -1
    private var lastIdentity: ObjectIdentifier?
    /// Results decoded from JSON each have their own facts: past this many, the last slot is reused.
    private let capacity: Int

    init(capacity: Int = 4096) { self.capacity = capacity }

    /// The slot of the result's facts' entry in `entries`, made by `make` on first sight. The facts object is
    /// only read (and retained) then.
    @inline(__always)
    mutating func slot(
        of result: ResultDocument.Result, _ make: (ResultDocument.ControlFacts) throws -> Entry
    ) rethrows -> Int {
        let identity = result.factsIdentity
        if last >= 0, lastIdentity == identity { return last }
        return try slot(identity, result.facts, make)
    }

    mutating func slot(
        of facts: ResultDocument.ControlFacts, _ make: (ResultDocument.ControlFacts) throws -> Entry
    ) rethrows -> Int {
        let identity = ObjectIdentifier(facts)
        if last >= 0, lastIdentity == identity { return last }
        return try slot(identity, facts, make)
    }

    /// A run of results with other facts than the previous result's begins.
    @inline(never)
    private mutating func slot(
        _ identity: ObjectIdentifier, _ facts: ResultDocument.ControlFacts,
        _ make: (ResultDocument.ControlFacts) throws -> Entry
    ) rethrows -> Int {
        if let known = slots[identity] {
            last = known
            lastIdentity = identity
            return known
        }
        let entry = try make(facts)
        if entries.count < capacity {
            self.facts.append(facts)
            entries.append(entry)
            last = entries.count - 1
        } else {
            last = entries.count - 1
            slots[ObjectIdentifier(self.facts[last])] = nil
            self.facts[last] = facts
            entries[last] = entry
        }
        slots[identity] = last
        lastIdentity = identity
        return last
    }

    subscript(slot: Int) -> Entry {
        get { entries[slot] }
        _modify { yield &entries[slot] }
    }
}

/// A result's position in tables made per status and severity.
enum StatusAndSeverity {
    static let statuses = ResultStatus.allCases
    static let severities = Severity.allCases
    static let count = statuses.count * severities.count

    @inline(__always)
    static func index(_ status: ResultStatus, _ severity: Severity) -> Int {
        statuses.firstIndex(of: status)! * severities.count + severities.firstIndex(of: severity)!
    }
}
