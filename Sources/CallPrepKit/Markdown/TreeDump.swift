import Foundation

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
            if let info = node.info, !info.isEmpty { line += " info=\(quoted(info))" }
            if let literal = node.literal { line += " \(quoted(literal))" }
            lines.append(line)
            for child in node.children.reversed() { stack.append((child, depth + 1)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `value` in double quotes, with quotes, backslashes and control characters escaped, so
    /// that each node stays on one line of the dump.
    private func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85
                || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
