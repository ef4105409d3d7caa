/// A YAML mapping of one line per key, `key: value` or `key: "value"`, as callprep writes a form's
/// front matter, read without composing a YAML tree (Yams' node tree was 7 % of `score`'s time).
/// Anything else (a list, a mapping, a multi-line or escaped string, a tag, an anchor, a tab, a
/// repeated key) is nil, and is read by `YAMLReader` with its full YAML and its diagnostics.
enum FlatYAML {
    struct Field {
        let key: String
        /// The text, unquoted; nil for YAML's null (nothing, `~`, `null`).
        let value: String?
        let keyAt: SourceLocation
        let valueAt: SourceLocation
    }

    /// The fields of `yaml` whose first line is line `firstLine` of its file; nil when it is not flat.
    static func fields(_ yaml: String, firstLine: Int) -> [Field]? {
        var fields: [Field] = []
        var keys: Set<String> = []
        var lineNumber = firstLine - 1
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = line.utf8
            if bytes.contains(0x09) || bytes.contains(0x0D) { return nil }
            guard let first = bytes.first, first != UInt8(ascii: "#") else {
                continue
            }
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let key = line[line.startIndex..<colon]
            guard !key.isEmpty, key.utf8.allSatisfy(isKeyByte), keys.insert(String(key)).inserted else { return nil }
            var rest = line[line.index(after: colon)...]
            guard rest.isEmpty || rest.utf8.first == 0x20 else { return nil }
            let valueStart = rest.utf8.prefix { $0 == 0x20 }.count
            rest = rest.dropFirst(valueStart)
            while rest.utf8.last == 0x20 { rest = rest.dropLast() }
            let valueColumn = key.utf8.count + 2 + valueStart
            let value: String?
            if rest.utf8.first == UInt8(ascii: "\"") {
                let inner = rest.dropFirst().dropLast()
                guard rest.utf8.count >= 2, rest.utf8.last == UInt8(ascii: "\""),
                      !inner.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return nil }
                value = String(inner)
            } else {
                guard isPlain(rest) else { return nil }
                value = ["", "~", "null", "Null", "NULL"].contains(rest) ? nil : String(rest)
            }
            fields.append(Field(key: String(key), value: value, keyAt: SourceLocation(line: lineNumber, column: 1),
                                valueAt: SourceLocation(line: lineNumber, column: valueColumn)))
        }
        return fields.isEmpty ? nil : fields
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// A plain scalar that means itself: no indicator first, no `: ` or ` #` inside.
    private static func isPlain(_ text: Substring) -> Bool {
        guard let first = text.utf8.first else { return true }
        if "-?:,[]{}#&*!|>'\"%@`".utf8.contains(first) { return false }
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if (previous == UInt8(ascii: ":") && byte == 0x20) || (previous == 0x20 && byte == UInt8(ascii: "#")) { return false }
            previous = byte
        }
        return previous != UInt8(ascii: ":")
    }
}
