import Yams

/// One parsed YAML or JSON document, stored flat: every node is an entry in one array, a collection's members
/// are a contiguous run of entry indices, and scalar texts sit in their own array. A file's documents are read
/// straight from libyaml's events into this (`YAMLEventReader`), about four times cheaper than Yams' `Node` tree,
/// whose nodes each carry a tag with resolver and constructor references; Yams stays the reference parser for
/// every document the event reader leaves to it (`fromYams`).
final class YAMLTree {
    enum Kind: UInt8 {
        case scalar, mapping, sequence
    }

    /// libyaml's scalar styles, numbered as `yaml_scalar_style_t` (and Yams' `Node.Scalar.Style`).
    enum Style: UInt8 {
        case any, plain, singleQuoted, doubleQuoted, literal, folded
    }

    struct Entry: Equatable {
        var kind: Kind
        var style: Style
        /// 1-based, as Yams' marks.
        var line: Int32
        var column: Int32
        /// A scalar's index in `texts`; a collection's first index in `members`.
        var start: Int32
        /// Items of a sequence, pairs of a mapping (members holds key, value, key, value...).
        var count: Int32
        /// The collection holding this node (-1 for the root), and its position there (pair or item index).
        var parent: Int32
        var slot: Int32
    }

    let entries: [Entry]
    let texts: [String]
    let members: [Int32]
    let file: String
    let shift: DocumentNode.Shift?
    let rootPath: String
    /// Paths of collections, built on first use: importers look up a dozen fields in the same mapping.
    private var pathCache: [Int32: String] = [:]

    init(entries: [Entry], texts: [String], members: [Int32], file: String, rootPath: String, shift: DocumentNode.Shift?) {
        self.entries = entries
        self.texts = texts
        self.members = members
        self.file = file
        self.rootPath = rootPath
        self.shift = shift
    }

    /// The root is the last entry: a collection is stored when it closes, after everything inside it.
    var root: Int32 { Int32(entries.count - 1) }

    func text(of index: Int32) -> String? {
        let entry = entries[Int(index)]
        return entry.kind == .scalar ? texts[Int(entry.start)] : nil
    }

    /// The key node of the pair whose value is `index`, if its parent is a mapping.
    func keyIndex(of index: Int32) -> Int32? {
        let entry = entries[Int(index)]
        guard entry.parent >= 0, entries[Int(entry.parent)].kind == .mapping else { return nil }
        return members[Int(entries[Int(entry.parent)].start) + 2 * Int(entry.slot)]
    }

    /// Field path from the document root, e.g. `spec.tokens.maxTTL` or `spec.audiences[1]`.
    func path(of index: Int32) -> String {
        let entry = entries[Int(index)]
        guard entry.parent >= 0 else { return rootPath }
        if entry.kind != .scalar, let cached = pathCache[index] { return cached }
        let parentPath = path(of: entry.parent)
        let built: String
        if entries[Int(entry.parent)].kind == .mapping {
            let key = members[Int(entries[Int(entry.parent)].start) + 2 * Int(entry.slot)]
            built = DocumentNode.join(parentPath, text(of: key) ?? "")
        } else {
            built = DocumentNode.item(parentPath, Int(entry.slot))
        }
        if entry.kind != .scalar { pathCache[index] = built }
        return built
    }

    /// Nodes the document holds (keys included): with aliases already expanded, what the expansion limit counts.
    var nodeCount: Int { entries.count }
}

extension YAMLTree {
    /// Copies a Yams node into a tree, aliases expanded (Yams shares the anchored node; the copy does not),
    /// giving up (nil) past `maxNodes` so that a billion-laughs document cannot be expanded here.
    static func fromYams(
        _ node: Node, file: String, rootPath: String, shift: DocumentNode.Shift?,
        maxNodes: Int = LoadLimits.standard.maxExpandedNodes
    ) -> YAMLTree? {
        var builder = YAMLTreeBuilder()
        guard builder.add(node, budget: maxNodes) else { return nil }
        return builder.finish(file: file, rootPath: rootPath, shift: shift)
    }

    /// One document from embedded text (JSON inside a YAML string): nil when it does not parse or holds more or
    /// fewer than one document, as `try? Yams.compose` gives.
    static func single(_ text: String, file: String, rootPath: String, shift: DocumentNode.Shift?) -> YAMLTree? {
        switch YAMLEventReader.documents(text, file: file) {
        case .documents(let trees):
            guard trees.count == 1 else { return nil }
            return trees[0].moved(rootPath: rootPath, shift: shift)
        case .leftToYams:
            guard let node = try? Yams.compose(yaml: text, .basic) else { return nil }
            return fromYams(node, file: file, rootPath: rootPath, shift: shift)
        }
    }

    func moved(rootPath: String, shift: DocumentNode.Shift?) -> YAMLTree {
        YAMLTree(entries: entries, texts: texts, members: members, file: file, rootPath: rootPath, shift: shift)
    }
}

/// Builds a tree bottom-up: a node is appended when complete, and each open collection's finished members wait
/// on one shared stack until the collection closes and they move, contiguous, into `members`.
struct YAMLTreeBuilder {
    private var entries: [YAMLTree.Entry] = []
    private var texts: [String] = []
    private var members: [Int32] = []
    private var pending: [Int32] = []
    /// Per open collection: its entry fields and where its members start on `pending`.
    private var open: [(entry: YAMLTree.Entry, firstPending: Int)] = []

    mutating func scalar(_ text: String, style: YAMLTree.Style, line: Int, column: Int) {
        texts.append(text)
        complete(
            .init(
                kind: .scalar, style: style, line: Int32(truncatingIfNeeded: line), column: Int32(truncatingIfNeeded: column),
                start: Int32(texts.count - 1), count: 0, parent: -1, slot: 0))
    }

    mutating func openCollection(_ kind: YAMLTree.Kind, line: Int, column: Int) {
        let entry = YAMLTree.Entry(
            kind: kind, style: .any, line: Int32(truncatingIfNeeded: line), column: Int32(truncatingIfNeeded: column),
            start: 0, count: 0, parent: -1, slot: 0)
        open.append((entry, pending.count))
    }

    /// Closes the innermost collection. False when `checkingKeys` and a mapping has a key that is not a scalar
    /// or a key text twice: Yams decides those (its duplicate-key error names the keys).
    @discardableResult
    mutating func closeCollection(checkingKeys: Bool = true) -> Bool {
        guard let (opened, firstPending) = open.popLast() else { return false }
        let run = firstPending..<pending.count
        if checkingKeys, opened.kind == .mapping, !keysAreDistinctScalars(pending[run]) { return false }
        var entry = opened
        let index = Int32(entries.count)
        entry.start = Int32(members.count)
        entry.count = Int32(entry.kind == .mapping ? run.count / 2 : run.count)
        for position in run {
            let child = Int(pending[position])
            let slot = position - firstPending
            entries[child].parent = index
            entries[child].slot = Int32(entry.kind == .mapping ? slot / 2 : slot)
        }
        members.append(contentsOf: pending[run])
        pending.removeSubrange(firstPending...)
        complete(entry)
        return true
    }

    /// Read in place: this runs for every mapping of every file, so it makes no array of the keys.
    private func keysAreDistinctScalars(_ pairs: ArraySlice<Int32>) -> Bool {
        let keyCount = pairs.count / 2
        func key(_ pair: Int) -> String? {
            let entry = entries[Int(pairs[pairs.startIndex + 2 * pair])]
            return entry.kind == .scalar ? texts[Int(entry.start)] : nil
        }
        if keyCount <= 16 {  // a few comparisons cost less than hashing
            for first in 0..<keyCount {
                guard let text = key(first) else { return false }
                for second in (first + 1)..<keyCount where key(second) == text { return false }
            }
            return true
        }
        var seen = Set<String>(minimumCapacity: keyCount)
        for pair in 0..<keyCount {
            guard let text = key(pair), seen.insert(text).inserted else { return false }
        }
        return true
    }

    private mutating func complete(_ entry: YAMLTree.Entry) {
        entries.append(entry)
        if !open.isEmpty { pending.append(Int32(entries.count - 1)) }
    }

    var isComplete: Bool { open.isEmpty && !entries.isEmpty }

    /// Hands over the finished document and starts the next one empty.
    mutating func finish(file: String, rootPath: String, shift: DocumentNode.Shift?) -> YAMLTree {
        let tree = YAMLTree(entries: entries, texts: texts, members: members, file: file, rootPath: rootPath, shift: shift)
        self = YAMLTreeBuilder()
        return tree
    }

    /// Adds a Yams node depth-first, counting down `budget`; false once it runs out. Duplicate keys are Yams'
    /// to reject when it composes, so they are kept here as they are.
    mutating func add(_ node: Node, budget: Int) -> Bool {
        var remaining = budget
        return add(node, remaining: &remaining)
    }

    private mutating func add(_ node: Node, remaining: inout Int) -> Bool {
        remaining -= 1
        guard remaining >= 0 else { return false }
        switch node {
        case .scalar(let value):
            scalar(
                value.string, style: YAMLTree.Style(rawValue: UInt8(value.style.rawValue)) ?? .any,
                line: value.mark?.line ?? 1, column: value.mark?.column ?? 1)
        case .mapping(let mapping):
            openCollection(.mapping, line: mapping.mark?.line ?? 1, column: mapping.mark?.column ?? 1)
            for index in mapping.indices {  // by index: Yams' mapping iterator copies every pair first
                let (key, value) = mapping[index]
                guard add(key, remaining: &remaining), add(value, remaining: &remaining) else { return false }
            }
            closeCollection(checkingKeys: false)
        case .sequence(let sequence):
            openCollection(.sequence, line: sequence.mark?.line ?? 1, column: sequence.mark?.column ?? 1)
            for item in sequence {
                guard add(item, remaining: &remaining) else { return false }
            }
            closeCollection(checkingKeys: false)
        case .alias(let alias):
            // Yams' composer replaces aliases by the anchored node; an alias node here has no target to read.
            scalar("", style: .plain, line: alias.mark?.line ?? 1, column: alias.mark?.column ?? 1)
        }
        return true
    }
}
