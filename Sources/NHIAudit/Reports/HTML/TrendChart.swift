/// Geometry of the trend chart: one stacked column per recorded run (oldest left, this run right), counting
/// fail, waived, indeterminate and pass results, in integer units of a 1000-wide viewBox so the same history
/// always gives the same bytes.
struct TrendChart {
    struct Block {
        var y: Int
        var height: Int
        var cssClass: String
        var label: String
        var count: Int
    }

    struct Column {
        var x: Int
        var width: Int
        var centerX: Int
        var date: String
        var run: String
        var isCurrent: Bool
        var blocks: [Block]
        var total: Int
        var totalY: Int
    }

    struct Tick {
        var y: Int
        var textY: Int
        var value: Int
    }

    static let width = 1000
    static let height = 190
    static let plotLeft = 56
    static let plotTop = 18
    static let plotBottom = 140
    static let maxColumnWidth = 72

    var columns: [Column]
    var ticks: [Tick]
    var runs: Int
    var axisY = plotBottom
    var dateY = plotBottom + 20
    var runY = plotBottom + 36

    init?(_ history: HistoryInfo?) {
        guard let points = history?.trend, !points.isEmpty else { return nil }
        let parts: [(KeyPath<HistoryInfo.Point, Int>, String, String)] = [
            (\.fail, "fail", "Fail"), (\.waived, "waived", "Waived"), (\.indeterminate, "indeterminate", "Indeterminate"),
            (\.pass, "pass", "Pass"),
        ]
        let largest = max(1, points.map { point in parts.reduce(0) { $0 + point[keyPath: $1.0] } }.max() ?? 1)
        let scale = Self.niceCeiling(largest)
        let plotHeight = Self.plotBottom - Self.plotTop
        let slot = (Self.width - Self.plotLeft - 10) / points.count
        let barWidth = min(Self.maxColumnWidth, slot * 3 / 5)
        runs = points.count
        columns = points.enumerated().map { index, point in
            let x = Self.plotLeft + index * slot + (slot - barWidth) / 2
            var running = 0
            var blocks: [Block] = []
            for (path, cssClass, label) in parts {
                let count = point[keyPath: path]
                guard count > 0 else { continue }
                let bottom = Self.plotBottom - running * plotHeight / scale
                running += count
                let top = Self.plotBottom - running * plotHeight / scale
                blocks.append(Block(y: top, height: max(2, bottom - top), cssClass: cssClass, label: label, count: count))
            }
            return Column(
                x: x, width: barWidth, centerX: x + barWidth / 2, date: String(point.generatedAt.prefix(10)),
                run: "run \(point.run)", isCurrent: index == points.count - 1, blocks: blocks, total: running,
                totalY: Self.plotBottom - running * plotHeight / scale - 6)
        }
        ticks = [0, scale / 2, scale].map { value in
            let y = Self.plotBottom - value * plotHeight / scale
            return Tick(y: y, textY: y + 4, value: value)
        }
    }

    /// The axis maximum: the largest count rounded up to a multiple of a fifth of its power of ten (119 → 120,
    /// 7 → 7, 1234 → 1400), and even, so the middle tick is a whole number.
    static func niceCeiling(_ value: Int) -> Int {
        var magnitude = 1
        while magnitude * 10 <= value { magnitude *= 10 }
        let step = max(1, magnitude / 5)
        let nice = (value + step - 1) / step * step
        return max(2, nice + nice % 2)
    }
}
