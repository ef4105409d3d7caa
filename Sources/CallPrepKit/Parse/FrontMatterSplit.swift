extension FrontMatter {
    /// Splits a document into its front matter and its body. The front matter's lines are blanked
    /// in the body, so that Markdown positions still match the file's lines. Works on bytes: this
    /// runs on every debrief.
    public static func split(_ text: String) -> (yaml: String?, body: String) {
        let bytes = Array(text.utf8)
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        // Lines end in \n, \r\n or \r, as in cmark-gfm.
        func lineEnd(_ from: Int) -> (end: Int, next: Int) {
            var index = from
            while index < bytes.count, bytes[index] != 10, bytes[index] != 13 { index += 1 }
            if index < bytes.count, bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                return (index, index + 2)
            }
            return (index, min(index + 1, bytes.count))
        }
        // Three dashes and blanks, counted in place (a filtered copy of every line cost more).
        func isFence(_ from: Int, _ to: Int) -> Bool {
            var dashes = 0
            for byte in bytes[from..<to] where byte != 32 && byte != 9 {
                guard byte == UInt8(ascii: "-"), dashes < 3 else { return false }
                dashes += 1
            }
            return dashes == 3
        }
        let first = lineEnd(start)
        guard isFence(start, first.end) else { return (nil, text) }
        var lineStart = first.next
        var lines = 1
        while lineStart < bytes.count {
            let line = lineEnd(lineStart)
            lines += 1
            if isFence(lineStart, line.end) {
                // Without the line break before the fence, unless it is a \r\n (one character).
                let lone = lineStart - 1 > first.next && bytes[lineStart - 1] == 10 && bytes[lineStart - 2] != 13
                    || lineStart - 1 == first.next && bytes[lineStart - 1] == 10
                let yaml = String(decoding: bytes[first.next..<(lone ? lineStart - 1 : lineStart)], as: UTF8.self)
                // The rest starts after a line break, so on a character: a slice of the text.
                let rest = text[text.utf8.index(text.utf8.startIndex, offsetBy: line.next)...]
                // The fence lines and the YAML become blank lines.
                return (yaml, String(repeating: "\n", count: lines) + rest)
            }
            lineStart = line.next
        }
        return (nil, text)
    }
}
