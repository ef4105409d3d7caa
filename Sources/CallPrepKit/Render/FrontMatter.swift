import Foundation

/// The YAML front matter of a debrief form, between `---` lines at the top of the file, as the
/// form writes it (the parser splits it off again: Parse/FrontMatterSplit.swift).
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
}
