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
        // By bytes: every file's front matter passes here, and lines, keys, quotes and spaces are
        // ASCII bytes (splitting and trimming by Characters cost many times more).
        for bytes in yaml.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if bytes.contains(0x09) || bytes.contains(0x0D) { return nil }
            guard let first = bytes.first, first != UInt8(ascii: "#") else {
                continue
            }
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let keyBytes = bytes[..<colon]
            guard !keyBytes.isEmpty, keyBytes.allSatisfy(isKeyByte) else { return nil }
            let key = String(Substring(keyBytes))
            guard keys.insert(key).inserted else { return nil }
            var rest = bytes[bytes.index(after: colon)...]
            guard rest.isEmpty || rest.first == 0x20 else { return nil }
            let valueStart = rest.prefix { $0 == 0x20 }.count
            rest = rest.dropFirst(valueStart)
            while rest.last == 0x20 { rest = rest.dropLast() }
            let valueColumn = keyBytes.count + 2 + valueStart
            let value: String?
            if rest.first == UInt8(ascii: "\"") {
                let inner = rest.dropFirst().dropLast()
                guard rest.count >= 2, rest.last == UInt8(ascii: "\""),
                      !inner.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return nil }
                value = String(Substring(inner))
            } else {
                guard isPlain(rest) else { return nil }
                value = ["", "~", "null", "Null", "NULL"].contains { rest.elementsEqual($0.utf8) } ? nil : String(Substring(rest))
            }
            fields.append(Field(key: key, value: value, keyAt: SourceLocation(line: lineNumber, column: 1),
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
    private static func isPlain(_ text: Substring.UTF8View) -> Bool {
        guard let first = text.first else { return true }
        if "-?:,[]{}#&*!|>'\"%@`".utf8.contains(first) { return false }
        var previous: UInt8 = 0
        for byte in text {
            if (previous == UInt8(ascii: ":") && byte == 0x20) || (previous == 0x20 && byte == UInt8(ascii: "#")) { return false }
            previous = byte
        }
        return previous != UInt8(ascii: ":")
    }
}
