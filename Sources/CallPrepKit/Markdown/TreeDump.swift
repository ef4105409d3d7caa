extension MarkdownNode {
    /// A readable outline of the tree with the source range of every node, one node a line;
    /// the golden format of the parser's tests.
    public var treeDump: String {
        var lines: [String] = []
        var stack: [(node: MarkdownNode, depth: Int)] = [(self, 0)]
        while let (node, depth) = stack.popLast() {
            var line = String(repeating: "  ", count: depth) + node.kind.rawValue
            line += " \(node.start)-\(node.end)"
            if let level = node.headingLevel { line += " level=\(level)" }
            if let checked = node.isChecked { line += checked ? " [x]" : " [ ]" }
            if let info = node.info, !info.isEmpty { line += " info=\(doubleQuoted(info))" }
            if let literal = node.literal { line += " \(doubleQuoted(literal))" }
            lines.append(line)
            for child in node.children.reversed() { stack.append((child, depth + 1)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
