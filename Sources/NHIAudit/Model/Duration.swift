/// Durations in the native format: `30s`, `15m`, `1h`, `90d`, or an integer of seconds.
public enum DurationParser {
    public static func seconds(from text: String) -> Int? {
        let trimmed = String(Placeholder.trimmingWhitespace(text[...]))  // as `.whitespaces`, without NSString
        if let plain = Int(trimmed) { return plain >= 0 ? plain : nil }
        guard let unit = trimmed.last, let amount = Int(trimmed.dropLast()), amount >= 0 else { return nil }
        let factor: Int
        switch unit {
        case "s": factor = 1
        case "m": factor = 60
        case "h": factor = 3600
        case "d": factor = 86_400
        default: return nil
        }
        let (product, overflow) = amount.multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
    }

    /// Human form used in messages: the largest unit that divides evenly.
    public static func format(_ seconds: Int) -> String {
        if seconds != 0 {
            if seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
            if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
            if seconds % 60 == 0 { return "\(seconds / 60)m" }
        }
        return "\(seconds)s"
    }
}
