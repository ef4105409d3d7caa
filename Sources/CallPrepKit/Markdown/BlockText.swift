extension MarkdownNode {
    /// The text of a block as a person reads it: one line per paragraph, list item or table row,
    /// list items marked `- ` (task items `- [x] ` or `- [ ] `), code as written.
    public var blockText: String {
        var lines: [String] = []
        appendBlockText(to: &lines, indent: "")
        return lines.joined(separator: "\n")
    }

    private func appendBlockText(to lines: inout [String], indent: String) {
        switch kind {
        case .document, .blockQuote, .customBlock, .footnoteDefinition:
            for child in children { child.appendBlockText(to: &lines, indent: indent) }
        case .list:
            for item in children {
                let marker = item.isChecked.map { $0 ? "- [x] " : "- [ ] " } ?? "- "
                var itemLines: [String] = []
                for child in item.children { child.appendBlockText(to: &itemLines, indent: "") }
                guard let first = itemLines.first else {
                    lines.append(indent + marker.trimmed)
                    continue
                }
                lines.append(indent + marker + first)
                lines += itemLines.dropFirst().map { indent + "  " + $0 }
            }
        case .item, .taskItem:
            for child in children { child.appendBlockText(to: &lines, indent: indent) }
        case .htmlBlock where isEmptyComment:
            // Reformatters such as pandoc insert `<!-- -->` to keep two blocks apart; it says nothing.
            break
        case .codeBlock, .htmlBlock:
            let text = (literal ?? "").trimmingCharacters(in: .newlines)
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }
        case .table:
            for row in children {
                lines.append(indent + row.children.map { $0.plainText.trimmed }
                    .joined(separator: " | "))
            }
        case .thematicBreak:
            break
        default:
            let text = plainText.trimmed
            if !text.isEmpty { lines.append(indent + text) }
        }
    }

    private var isEmptyComment: Bool {
        let text = (literal ?? "").trimmed
        return text.hasPrefix("<!--") && text.hasSuffix("-->")
            && text.dropFirst(4).dropLast(3).allSatisfy(\.isWhitespace)
    }
}
