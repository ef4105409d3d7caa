/// Escapes user text so that Markdown shows it literally: it cannot open a heading, list, task
/// item, quote, table cell, HTML block or comment, and it stays on one line.
public enum MarkdownEscaping {
    /// Characters that mean something in inline Markdown anywhere on a line.
    private static let inlineSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "#", "!"]

    /// `text` as inline Markdown: line breaks fold to spaces, markup characters are escaped, and
    /// what would start a block when it opens a line is escaped too.
    public static func inline(_ text: String) -> String {
        let folded = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        var out = ""
        out.reserveCapacity(folded.utf8.count + 8)
        for character in folded {
            if inlineSpecials.contains(character) { out.append("\\") }
            out.append(character)
        }
        return escapeBlockStart(out)
    }

    /// Escapes what would make a list item, a setext underline or a thematic break if the text
    /// opened a line: `- x`, `+ x`, `1. x`, `1) x`, `---`, `===`.
    private static func escapeBlockStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        let second = text.dropFirst().first
        let endsMarker = second == nil || second == " " || second == "\t"
        if first == "-" || first == "+" || first == "=" {
            let underline = text.allSatisfy { $0 == first || $0 == " " }
            return endsMarker || underline ? "\\" + text : text
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            let afterMarker = rest.dropFirst().first
            if let marker = rest.first, marker == "." || marker == ")", afterMarker == nil || afterMarker == " " {
                return digits + "\\" + rest
            }
        }
        return text
    }
}
