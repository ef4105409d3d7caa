/// One node of a parsed Markdown document, as plain Swift values. A class, immutable once built:
/// walking a tree of many thousand nodes then shares them instead of copying each node's strings
/// and children (BENCHMARKS.md).
public final class MarkdownNode: Sendable {
    /// The node kinds of CommonMark and the GFM extensions; raw values are cmark-gfm's type names.
    public enum Kind: String, Sendable, Hashable {
        case document
        case blockQuote = "block_quote"
        case list
        case item
        case taskItem = "tasklist"
        case codeBlock = "code_block"
        case htmlBlock = "html_block"
        case customBlock = "custom_block"
        case paragraph
        case heading
        case thematicBreak = "thematic_break"
        case footnoteDefinition = "footnote_definition"
        case table
        case tableHeader = "table_header"
        case tableRow = "table_row"
        case tableCell = "table_cell"
        case text
        case softBreak = "softbreak"
        case lineBreak = "linebreak"
        case code
        case htmlInline = "html_inline"
        case customInline = "custom_inline"
        case emphasis = "emph"
        case strong
        case link
        case image
        case footnoteReference = "footnote_reference"
        case strikethrough
        case unknown

        /// Nodes that never have children (cmark-gfm's iterator visits them once).
        var isLeaf: Bool {
            switch self {
            case .htmlBlock, .thematicBreak, .codeBlock, .text, .softBreak, .lineBreak, .code, .htmlInline:
                true
            default:
                false
            }
        }
    }

    public let kind: Kind
    /// The text of text, code, HTML and code-block nodes.
    public let literal: String?
    /// 1 to 6 for headings.
    public let headingLevel: Int?
    /// For task items: whether the box is checked.
    public let isChecked: Bool?
    /// The fence info of a code block, or the destination of a link or image.
    public let info: String?
    public let start: SourceLocation
    public let end: SourceLocation
    public let children: [MarkdownNode]

    public init(kind: Kind, literal: String? = nil, headingLevel: Int? = nil, isChecked: Bool? = nil,
                info: String? = nil, start: SourceLocation, end: SourceLocation, children: [MarkdownNode] = []) {
        self.kind = kind
        self.literal = literal
        self.headingLevel = headingLevel
        self.isChecked = isChecked
        self.info = info
        self.start = start
        self.end = end
        self.children = children
    }
}

extension MarkdownNode {
    /// The text a reader sees: literals joined, breaks as spaces, markup dropped, link and image
    /// targets kept in parentheses.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    private func appendPlainText(to out: inout String) {
        switch kind {
        case .text, .code, .htmlInline:
            out += literal ?? ""
        case .softBreak, .lineBreak:
            out += " "
        case .codeBlock, .htmlBlock:
            out += literal ?? ""
        case .link, .image:
            // The target is part of what was written: "Q3 figures (https://…)"; an autolink, whose
            // text is its target (mail links without their `mailto:`), once.
            var text = ""
            for child in children { child.appendPlainText(to: &text) }
            out += text
            if let target = info, !target.isEmpty, target != text, target != "mailto:" + text {
                out += text.isEmpty ? target : " (\(target))"
            }
        default:
            for child in children { child.appendPlainText(to: &out) }
        }
    }

    /// The first node below this one, depth first, that `matches`; without collecting the rest.
    public func firstDescendant(where matches: (MarkdownNode) -> Bool) -> MarkdownNode? {
        for child in children {
            if matches(child) { return child }
            if let found = child.firstDescendant(where: matches) { return found }
        }
        return nil
    }

    /// Every node below this one, depth first, in document order.
    public var descendants: [MarkdownNode] {
        var out: [MarkdownNode] = []
        var stack: [MarkdownNode] = children.reversed()
        while let node = stack.popLast() {
            out.append(node)
            stack.append(contentsOf: node.children.reversed())
        }
        return out
    }
}
