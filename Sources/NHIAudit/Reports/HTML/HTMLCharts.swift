/// Geometry for the report's inline SVG bars, in integer units of a 1000-wide viewBox so that the same document
/// always gives the same bytes.
struct StackedBar {
    struct Segment {
        var x: Int
        var width: Int
        var cssClass: String
        var label: String
        var count: Int
    }

    static let width = 1000
    var segments: [Segment]
    var isEmpty: Bool

    /// Cumulative rounding: segment edges are rounded, so widths always add up to the full bar.
    init(_ parts: [(cssClass: String, label: String, count: Int)]) {
        let total = parts.reduce(0) { $0 + $1.count }
        isEmpty = total == 0
        var running = 0
        var edge = 0
        segments = parts.compactMap { part in
            guard part.count > 0 else { return nil }
            running += part.count
            let next = (running * Self.width + total / 2) / total
            defer { edge = next }
            return Segment(x: edge, width: next - edge, cssClass: part.cssClass, label: part.label, count: part.count)
        }
    }
}

/// Horizontal bars, one per label, scaled to the largest count.
struct BarList {
    struct Bar {
        var label: String
        var count: Int
        var cssClass: String
        var y: Int
        var textY: Int
        var width: Int
        var countX: Int
    }

    static let rowHeight = 30
    static let barArea = 380
    static let width = 600
    var bars: [Bar]
    var height: Int

    init(_ items: [(label: String, count: Int, cssClass: String)]) {
        let largest = max(items.map(\.count).max() ?? 0, 1)
        bars = items.enumerated().map { index, item in
            let width = item.count == 0 ? 0 : max(4, item.count * Self.barArea / largest)
            let y = index * Self.rowHeight
            return Bar(
                label: item.label, count: item.count, cssClass: item.cssClass, y: y + 6, textY: y + 21,
                width: width, countX: 110 + width + 8)
        }
        height = items.count * Self.rowHeight
    }
}
