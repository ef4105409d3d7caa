/// Shapes of Markdown on which the system cmark-gfm (0.29.0.gfm.6) takes quadratic time, found by
/// a cheap scan before it parses anything (docs/limits.md has the measurements).
public enum MarkdownLimits {
    /// Columns of one table; cmark-gfm pads every row to the header's width.
    public static let maxTableColumns = 64
    /// Cells of one table: each row counts its columns, or its pipes when it has more.
    public static let maxTableCells = 50_000
    /// Cells of all the tables of one file, counted the same way: every cell is a node to convert.
    public static let maxFileTableCells = 100_000
    /// Pipes on one line of a table, or on a line above a delimiter row: cmark-gfm's table
    /// extension appends each cell of a row to the end of a linked list.
    public static let maxRowPipes = 128
    /// Bytes cmark-gfm reads again looking for header rows: every line that could be a delimiter
    /// row and starts no table rereads all the lines above it, back to the last blank line.
    public static let maxHeaderScanBytes = 1 << 20
    /// Occurrences of each of `<?`, `<![CDATA[` and `<!X` (a declaration) in one file.
    public static let maxHTMLOpeners = 1_000
    /// `![` in one paragraph (lines with no blank line between): every link closed after one
    /// walks back over all the image openers still open.
    public static let maxImageOpeners = 100
    /// Bytes the autolink extension reads again after a second (third…) `www.` or `@` in one word,
    /// to the end of the word, in one file: `www.a_www.a_…` rereads the rest of the word at each
    /// `www.`, and `a@b.a@b.…` the word around each `@`.
    public static let maxDomainScanBytes = 1 << 20
    /// Runs of `*`, `_` or `~` that may open or close emphasis, in one paragraph.
    public static let maxDelimiterRuns = 500

    public enum Problem: Sendable, Equatable {
        case tableTooWide(columns: Int)
        case tableTooLarge(columns: Int)
        case tooManyTableCells
        case rowTooWide(pipes: Int)
        case tooManyDelimiterRows
        case tooManyOpeners(String)
        case tooManyImageOpeners
        case domainsRereadTooMuch
        case tooManyDelimiterRuns
    }

    /// The first shape over a limit, with where it starts; nil when the text is fine.
    public static func check(_ text: String) -> (problem: Problem, location: SourceLocation)? {
        var screen = Screen()
        let bytes = Array(text.utf8)
        var lineStart = 0
        // Line by line, without collecting the lines first.
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 10) ?? bytes.count
            if let found = screen.read(bytes[lineStart..<lineEnd]) { return found }
            lineStart = lineEnd + 1
        }
        return nil
    }

    /// What one pass over the lines has seen so far. A paragraph here is a run of lines with no
    /// blank line between: never smaller than what cmark-gfm parses as one block of inlines.
    private struct Screen {
        var line = 0
        // A table starts at a delimiter row: its line, its columns, and its cells so far.
        var table: (line: Int, columns: Int, cells: Int)?
        var fileCells = 0
        var paragraph = Paragraph()
        var headerScanBytes = 0
        var domainScanBytes = 0
        var openers = (processing: 0, cdata: 0, declarations: 0)

        struct Paragraph {
            var bytes = 0
            var widest = (pipes: 0, line: 0)
            var imageOpeners = 0
            var delimiterRuns = 0
        }

        mutating func read(_ content: ArraySlice<UInt8>) -> (problem: Problem, location: SourceLocation)? {
            line += 1
            if content.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) {
                table = nil
                paragraph = Paragraph()
                return nil
            }
            // One pass over the line's bytes, which also counts its pipes; a table's problem is
            // named before one of the line's inlines.
            var pipes = 0
            let inlines = readInlines(content, pipes: &pipes)
            if pipes > paragraph.widest.pipes { paragraph.widest = (pipes, line) }
            if let found = readTable(content, pipes: pipes) ?? inlines { return found }
            paragraph.bytes += content.count + 1
            return nil
        }

        private mutating func readTable(_ content: ArraySlice<UInt8>, pipes: Int) -> (problem: Problem, location: SourceLocation)? {
            let delimiter = delimiterColumns(content)
            if table == nil, let columns = delimiter, columns > maxTableColumns {
                // The table starts at its header row, the line above its delimiter row.
                return (.tableTooWide(columns: columns), SourceLocation(line: max(1, line - 1), column: 1))
            }
            if delimiter != nil {
                // cmark-gfm looks for a header row in the lines above, unless a table is open
                // (which this scan cannot always tell: it counts every time).
                headerScanBytes += paragraph.bytes
                if headerScanBytes > maxHeaderScanBytes {
                    return (.tooManyDelimiterRows, SourceLocation(line: line, column: 1))
                }
                if paragraph.widest.pipes > maxRowPipes {
                    return (.rowTooWide(pipes: paragraph.widest.pipes), SourceLocation(line: paragraph.widest.line, column: 1))
                }
            }
            if var current = table {
                if pipes > maxRowPipes { return (.rowTooWide(pipes: pipes), SourceLocation(line: line, column: 1)) }
                let cells = max(current.columns, cellCount(content, pipes: pipes))
                current.cells += cells
                fileCells += cells
                if current.cells > maxTableCells {
                    return (.tableTooLarge(columns: current.columns), SourceLocation(line: current.line, column: 1))
                }
                if fileCells > maxFileTableCells { return (.tooManyTableCells, SourceLocation(line: line, column: 1)) }
                table = current
            } else if let columns = delimiter {
                table = (max(1, line - 1), columns, 2 * columns)
                fileCells += 2 * columns
            }
            return nil
        }

        private static let cdataOpener = Array("<![CDATA[".utf8)

        /// HTML openers, image openers, emphasis runs, `www.` in domains and pipes, in one pass over the line.
        private mutating func readInlines(_ content: ArraySlice<UInt8>, pipes: inout Int) -> (problem: Problem, location: SourceLocation)? {
            let cdataOpener = Self.cdataOpener
            let classes = byteClasses
            // In the current run of characters a domain may hold: where its first `www.` is, and the
            // number and the sum of the positions of the others.
            var www: (first: Int, count: Int, positions: Int)?
            // The same for `@` in the current run of characters an e-mail address may hold.
            var email: (first: Int, count: Int, positions: Int)?
            var index = content.startIndex
            func at(_ position: Int) -> SourceLocation { SourceLocation(line: line, column: position - content.startIndex + 1) }
            while index < content.endIndex {
                let byte = content[index]
                // Most bytes are letters, which go on a word, or spaces, which end it: one look-up each.
                let kind = classes[Int(byte)]
                if kind & (ByteClass.domain | ByteClass.inAddress) == 0 {
                    if let found = endDomain(email, at: index) { return (found, at(email?.first ?? index)) }
                    email = nil
                } else if byte == UInt8(ascii: "@") {
                    email = Self.counting(index, in: email)
                }
                if kind & ByteClass.domain == 0 {
                    if let found = endDomain(www, at: index) { return (found, at(www?.first ?? index)) }
                    www = nil
                } else if byte == UInt8(ascii: "w"), content[index...].starts(with: "www.".utf8) {
                    www = Self.counting(index, in: www)
                }
                guard kind & ByteClass.marker != 0 else {
                    index += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: "|"):
                    pipes += 1
                case UInt8(ascii: "<"):
                    if let opener = countOpener(content, at: index, cdataOpener: cdataOpener) {
                        return (.tooManyOpeners(opener), at(index))
                    }
                case UInt8(ascii: "!"):
                    if index + 1 < content.endIndex, content[index + 1] == UInt8(ascii: "[") {
                        paragraph.imageOpeners += 1
                        if paragraph.imageOpeners > maxImageOpeners { return (.tooManyImageOpeners, at(index)) }
                    }
                case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                    var end = index + 1
                    while end < content.endIndex, content[end] == byte { end += 1 }
                    let before = index > content.startIndex ? content[index - 1] : 32
                    let after = end < content.endIndex ? content[end] : 32
                    let spaced = isBlank(before) && isBlank(after)
                    let intraword = byte == UInt8(ascii: "_") && isAlphanumeric(before) && isAlphanumeric(after)
                    if !spaced && !intraword {
                        paragraph.delimiterRuns += 1
                        if paragraph.delimiterRuns > maxDelimiterRuns { return (.tooManyDelimiterRuns, at(index)) }
                    }
                    // `_` may belong to a domain: the run is still read byte by byte above.
                    if byte != UInt8(ascii: "_") {
                        index = end
                        continue
                    }
                default:
                    break
                }
                index += 1
            }
            if let found = endDomain(www, at: content.endIndex) { return (found, at(www?.first ?? content.endIndex)) }
            if let found = endDomain(email, at: content.endIndex) { return (found, at(email?.first ?? content.endIndex)) }
            return nil
        }

        private static func counting(_ index: Int, in seen: (first: Int, count: Int, positions: Int)?)
            -> (first: Int, count: Int, positions: Int) {
            guard let seen else { return (index, 0, 0) }
            return (seen.first, seen.count + 1, seen.positions + index)
        }

        /// Adds what the `www.` after the first in a word cost, when the word ends at `end`.
        private mutating func endDomain(_ www: (first: Int, count: Int, positions: Int)?, at end: Int) -> Problem? {
            guard let www, www.count > 0 else { return nil }
            domainScanBytes += www.count * end - www.positions
            return domainScanBytes > maxDomainScanBytes ? .domainsRereadTooMuch : nil
        }

        /// Counts a `<?`, `<![CDATA[` or `<!X` at `open`; the opener when its count passes the limit.
        private mutating func countOpener(_ content: ArraySlice<UInt8>, at open: Int, cdataOpener: [UInt8]) -> String? {
            guard open + 2 < content.endIndex else { return nil }
            let (second, third) = (content[open + 1], content[open + 2])
            if second == UInt8(ascii: "?") {
                openers.processing += 1
                return openers.processing > maxHTMLOpeners ? "<?" : nil
            } else if second == UInt8(ascii: "!"), content[open...].starts(with: cdataOpener) {
                openers.cdata += 1
                return openers.cdata > maxHTMLOpeners ? "<![CDATA[" : nil
            } else if second == UInt8(ascii: "!"), (65...90).contains(third) || (97...122).contains(third) {
                openers.declarations += 1
                return openers.declarations > maxHTMLOpeners ? "<!" : nil
            }
            return nil
        }
    }

    /// What `Screen.readInlines` asks of a byte, as bits.
    private enum ByteClass {
        /// A byte the autolink extension may read as part of a domain: letters, digits, `.`, `_`,
        /// `-`, a backslash (it escapes the next byte) and, to be safe, every byte of a non-ASCII
        /// character.
        static let domain: UInt8 = 1
        /// `@` and `+`, which an e-mail address may hold besides a domain's bytes.
        static let inAddress: UInt8 = 2
        /// A byte that may start an HTML or image opener or an emphasis run, or a pipe.
        static let marker: UInt8 = 4
    }

    /// `ByteClass` bits by byte.
    private static let byteClasses: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        let domain = isAlphanumeric(byte) || byte >= 0x80 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "\\")
        return (domain ? ByteClass.domain : 0)
            | ("@+".utf8.contains(byte) ? ByteClass.inAddress : 0)
            | ("|<!*_~".utf8.contains(byte) ? ByteClass.marker : 0)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 13
    }

    /// The cells of a table row of `pipes` pipes: a leading and a trailing pipe close the row.
    private static func cellCount(_ line: ArraySlice<UInt8>, pipes: Int) -> Int {
        let text = line.drop { isBlank($0) }
        let leading = text.first == UInt8(ascii: "|") ? 1 : 0
        let trailing = pipes > leading && text.last(where: { !isBlank($0) }) == UInt8(ascii: "|") ? 1 : 0
        return pipes + 1 - leading - trailing
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
