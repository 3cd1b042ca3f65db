/// Escaping for text placed into Markdown (CommonMark section 2.4: any ASCII punctuation may be
/// backslash-escaped), so input values cannot open links, images, HTML or tables.
enum MarkdownText {
    private static let special: Set<Character> = [
        "\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "(", ")", "#", "+", "-", "!", "|", "~", "\"", "&",
    ]

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\n" || character == "\r" {
                escaped.append(" ")
                continue
            }
            if special.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return VisibleText.escape(escaped)
    }
}
