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
        func isFence(_ from: Int, _ to: Int) -> Bool {
            let line = bytes[from..<to].filter { $0 != 32 && $0 != 9 }
            return line.elementsEqual("---".utf8)
        }
        let first = lineEnd(start)
        guard isFence(start, first.end) else { return (nil, text) }
        var lineStart = first.next
        var lines = 1
        while lineStart < bytes.count {
            let line = lineEnd(lineStart)
            lines += 1
            if isFence(lineStart, line.end) {
                let yaml = String(decoding: bytes[first.next..<lineStart], as: UTF8.self)
                let rest = String(decoding: bytes[line.next...], as: UTF8.self)
                // The fence lines and the YAML become blank lines.
                let blanks = String(repeating: "\n", count: lines)
                return (yaml.hasSuffix("\n") ? String(yaml.dropLast()) : yaml, blanks + rest)
            }
            lineStart = line.next
        }
        return (nil, text)
    }
}
