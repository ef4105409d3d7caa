import Foundation

/// `value` as a YAML (and JSON) double-quoted scalar: quotes, backslashes and control characters
/// escaped, so that it stays on one line and cannot end the value it stands in.
func doubleQuoted(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where !isPlainYAMLCharacter(scalar):
            out += String(format: "\\u%04x", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// A character YAML keeps as it is written: not a control character (C0 but tab and line feed,
/// DEL, C1), a line or paragraph separator, a byte-order mark, or the noncharacters U+FFFE and
/// U+FFFF, which libyaml refuses ("control characters are not allowed").
func isPlainYAMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: true
    case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: false
    default: true
    }
}
