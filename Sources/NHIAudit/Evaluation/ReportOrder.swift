/// Report order: file, line, column, control, entity, id. Keys are gathered in a pass that reads each result
/// anyway (the tallies'), files and controls are ranked once so most comparisons are integer ones, and the sort
/// permutes the list in place.
struct ReportOrder {
    /// 20 bytes a key, not 32: lines and columns are stored in 32 bits anyway, and 2^31 results would not fit
    /// in memory.
    private struct Key {
        var index: Int32
        var file: Int32
        var control: Int32
        var line: Int32
        var column: Int32
    }

    // Keys hold slots until `sort` ranks them: a result's file is hashed once, to a slot ranked after sorting
    // the distinct names (a run of results in one file reuses the slot unhashed), and its control is its shared
    // `ControlFacts`' number in the caller's `ControlFactsSlots`.
    private var keys: [Key] = []
    private var files: [String: Int32] = [:]
    private var previousFile: (name: String, slot: Int32)? = nil
    private var controlOfFactsSlot: [String] = []

    init(capacity: Int) {
        precondition(capacity < Int(Int32.max))
        keys.reserveCapacity(capacity)
    }

    /// Adds result `index` of the list to sort, in list order. `factsSlot` numbers its `ControlFacts`;
    /// `newFactsControl` is their control when they are seen first.
    mutating func add(_ results: [ResultDocument.Result], _ index: Int, factsSlot: Int, newFactsControl: String?) {
        let file = results[index].locationFile
        let fileSlot: Int32
        if let previousFile, previousFile.name == file {
            fileSlot = previousFile.slot
        } else {
            fileSlot = files[file] ?? Int32(files.count)
            files[file] = fileSlot
            previousFile = (file, fileSlot)
        }
        if let newFactsControl { controlOfFactsSlot.append(newFactsControl) }
        keys.append(
            Key(
                index: Int32(index), file: fileSlot, control: Int32(factsSlot),
                line: Int32(truncatingIfNeeded: results[index].locationLine),
                column: Int32(truncatingIfNeeded: results[index].locationColumn)))
    }

    /// Adds the keys gathered for the results after these (`other`'s slots are renumbered into these).
    mutating func append(_ other: inout ReportOrder) {
        let controlOffset = Int32(controlOfFactsSlot.count)
        controlOfFactsSlot += other.controlOfFactsSlot
        var fileSlots = [Int32](repeating: 0, count: other.files.count)
        for (name, slot) in other.files {
            let mine = files[name] ?? Int32(files.count)
            files[name] = mine
            fileSlots[Int(slot)] = mine
        }
        keys.reserveCapacity(keys.count + other.keys.count)
        for key in other.keys {
            var key = key
            key.file = fileSlots[Int(key.file)]
            key.control += controlOffset
            keys.append(key)
        }
        other = ReportOrder(capacity: 0)
        previousFile = nil
    }

    /// Puts `results`, the list whose every result was added in order, in report order.
    mutating func sort(_ results: inout [ResultDocument.Result]) {
        precondition(keys.count == results.count)
        var fileRanks = [Int32](repeating: 0, count: files.count)
        for (rank, file) in files.keys.sorted().enumerated() { fileRanks[Int(files[file]!)] = Int32(rank) }
        let controlRanks = Dictionary(
            uniqueKeysWithValues: Set(controlOfFactsSlot).sorted().enumerated().map { ($1, Int32($0)) })
        let factsRanks = controlOfFactsSlot.map { controlRanks[$0]! }
        for index in keys.indices {
            keys[index].file = fileRanks[Int(keys[index].file)]
            keys[index].control = factsRanks[Int(keys[index].control)]
        }
        keys.sort { left, right in
            if left.file != right.file { return left.file < right.file }
            if left.line != right.line { return left.line < right.line }
            if left.column != right.column { return left.column < right.column }
            if left.control != right.control { return left.control < right.control }
            let (left, right) = (Int(left.index), Int(right.index))
            // Names first: the ids are formatted only when the names tie.
            let (leftName, rightName) = (results[left].entity.name, results[right].entity.name)
            if leftName != rightName { return leftName < rightName }
            return results[left].id < results[right].id
        }
        // Position k takes the record at keys[k].index: follow each cycle of the permutation with swaps, on the
        // buffer (moving references, not retaining and releasing them).
        var placed = [Bool](repeating: false, count: keys.count)
        results.withUnsafeMutableBufferPointer { buffer in
            for start in keys.indices where !placed[start] {
                var position = start
                while Int(keys[position].index) != start {
                    buffer.swapAt(position, Int(keys[position].index))
                    placed[position] = true
                    position = Int(keys[position].index)
                }
                placed[position] = true
            }
        }
    }
}
