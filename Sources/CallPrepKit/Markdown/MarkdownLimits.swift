/// Shapes of Markdown on which the system cmark-gfm (0.29.0.gfm.6) takes quadratic time, found by
/// a cheap scan before it parses anything (docs/limits.md has the measurements).
public enum MarkdownLimits {
    /// Columns of one table; cmark-gfm pads every row to the header's width.
    public static let maxTableColumns = 64
    /// Columns times rows of one table.
    public static let maxTableCells = 50_000
    /// Occurrences of each of `<?`, `<![CDATA[` and `<!X` (a declaration) in one file.
    public static let maxHTMLOpeners = 1_000

    public enum Problem: Sendable, Equatable {
        case tableTooWide(columns: Int)
        case tableTooLarge(columns: Int)
        case tooManyOpeners(String)
    }

    /// The first shape over a limit, with where it starts; nil when the text is fine.
    public static func check(_ text: String) -> (problem: Problem, location: SourceLocation)? {
        let cdataOpener = Array("<![CDATA[".utf8)
        var openers = (processing: 0, cdata: 0, declarations: 0)
        // A table starts at a delimiter row: its line, its columns, and its rows so far.
        var table: (line: Int, columns: Int, rows: Int)?
        let bytes = Array(text.utf8)
        var lineStart = 0
        var line = 0
        // Line by line, without collecting the lines first.
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 10) ?? bytes.count
            let content = bytes[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            line += 1
            if var current = table {
                if content.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) {
                    table = nil
                } else {
                    current.rows += 1
                    if current.rows * current.columns > maxTableCells {
                        return (.tableTooLarge(columns: current.columns), SourceLocation(line: current.line, column: 1))
                    }
                    table = current
                }
            } else if let columns = delimiterColumns(content) {
                // The table starts at its header row, the line above its delimiter row.
                let header = max(1, line - 1)
                if columns > maxTableColumns {
                    return (.tableTooWide(columns: columns), SourceLocation(line: header, column: 1))
                }
                table = (header, columns, 2)
            }
            var index = content.startIndex
            while let open = content[index...].firstIndex(of: UInt8(ascii: "<")) {
                index = open + 1
                guard open + 2 < content.endIndex else { break }
                let (second, third) = (content[open + 1], content[open + 2])
                var opener: String?
                if second == UInt8(ascii: "?") {
                    openers.processing += 1
                    if openers.processing > maxHTMLOpeners { opener = "<?" }
                } else if second == UInt8(ascii: "!"), content[open...].starts(with: cdataOpener) {
                    openers.cdata += 1
                    if openers.cdata > maxHTMLOpeners { opener = "<![CDATA[" }
                } else if second == UInt8(ascii: "!"), (65...90).contains(third) || (97...122).contains(third) {
                    openers.declarations += 1
                    if openers.declarations > maxHTMLOpeners { opener = "<!" }
                }
                if let opener {
                    return (.tooManyOpeners(opener), SourceLocation(line: line, column: open - content.startIndex + 1))
                }
            }
        }
        return nil
    }

    /// The number of cells of a table delimiter row (`| --- | :-: |`), or nil when the line is not one:
    /// only pipes, dashes, colons and blanks (a carriage return only among the trailing blanks), with
    /// at least one pipe and one dash. One pass, since every line of every file is asked.
    private static func delimiterColumns(_ line: ArraySlice<UInt8>) -> Int? {
        var pipes = 0, dash = false, trailingOnly = false
        var first: UInt8?, last: UInt8?
        for byte in line {
            switch byte {
            case 0x20, 0x09: continue
            case 0x0D: trailingOnly = true; continue
            case UInt8(ascii: "|"): pipes += 1
            case UInt8(ascii: "-"): dash = true
            case UInt8(ascii: ":"): break
            default: return nil
            }
            if trailingOnly { return nil }
            if first == nil { first = byte }
            last = byte
        }
        guard pipes > 0, dash else { return nil }
        // A leading and a trailing pipe close the row rather than separate cells; with a dash
        // between them they are two different pipes.
        return pipes + 1 - (first == UInt8(ascii: "|") ? 1 : 0) - (last == UInt8(ascii: "|") ? 1 : 0)
    }
}
