import Foundation

/// The YAML front matter of a debrief form, between `---` lines at the top of the file.
public enum FrontMatter {
    /// Front matter lines for `pairs`, each value a YAML double-quoted string, so that no value can
    /// end the block or add a key whatever it holds.
    public static func render(_ pairs: [(key: String, value: String)]) -> String {
        var out = "---\n"
        for (key, value) in pairs {
            out += "\(key): \(quoted(value))\n"
        }
        return out + "---\n"
    }

    /// `value` as a YAML (and JSON) double-quoted scalar.
    static func quoted(_ value: String) -> String {
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

    /// Splits a document into its front matter and its body. The front matter's lines are blanked
    /// in the body, so that Markdown positions still match the file's lines.
    public static func split(_ text: String) -> (yaml: String?, body: String) {
        // "\r\n" is one Character in Swift: split on every line ending cmark-gfm knows.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map(String.init)
        func isFence(_ line: String) -> Bool {
            line.trimmingCharacters(in: .whitespaces) == "---"
        }
        guard let first = lines.first, isFence(first.hasPrefix("\u{FEFF}") ? String(first.dropFirst()) : first),
              let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            return (nil, text)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        for index in 0...close { lines[index] = "" }
        return (yaml, lines.joined(separator: "\n"))
    }
}
