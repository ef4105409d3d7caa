/// Text made safe for a terminal: every C0 and C1 control character but tab and line feed (and a
/// carriage return before a line feed, as CSV ends its lines) is replaced by a visible form, so
/// that text from debriefs, meeting files and processes cannot recolour the terminal, clear the
/// screen, forge links or write the clipboard (ESC, OSC 8 and 52, BEL). C0 becomes its Control
/// Pictures symbol (ESC as U+241B ␛), DEL ␡, and C1 `<U+009B>`. Characters that reorder or hide
/// text (bidi controls such as U+202E, invisible operators, a byte-order mark inside text) and the
/// Unicode line and paragraph separators are shown as `<U+202E>`.
public enum VisibleControls {
    /// A value that belongs on one line of text output (a name, an id, a path, a message): its
    /// line breaks are visible too (␊, ␍), so no value can start a line of its own, such as a
    /// GitHub Actions `::error` command.
    public static func inline(_ text: String) -> String {
        apply(text, keepingLineBreaks: false)
    }

    /// `text` with its controls visible; `keepingColour` keeps the colour codes callprep writes
    /// itself on a terminal (ESC `[` digits and `;` `m`), which only sanitised text may carry.
    public static func apply(_ text: String, keepingColour: Bool = false, keepingLineBreaks: Bool = true) -> String {
        guard needsWork(text, lineBreaks: !keepingLineBreaks) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let value = scalar.value
            index += 1
            switch value {
            case 0x09:
                out.append(scalar)
            case 0x0A where keepingLineBreaks:
                out.append(scalar)
            case 0x0D where keepingLineBreaks && index < scalars.count && scalars[index] == "\n":
                out.append(scalar)
            case 0x1B where keepingColour:
                let length = colourLength(scalars, from: index)
                if length > 0 {
                    out.append(scalar)
                    out.append(contentsOf: scalars[index..<index + length])
                    index += length
                } else {
                    out.append("\u{241B}")
                }
            case 0x00...0x1F:
                out.append(Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}")
            case 0x7F:
                out.append("\u{2421}")
            case 0x80...0x9F:
                out.append(contentsOf: "<U+00\(String(value, radix: 16, uppercase: true))>".unicodeScalars)
            // A byte-order mark that opens the output is callprep's own (`report --bom`).
            case 0xFEFF where index == 1:
                out.append(scalar)
            case _ where hidden(value):
                out.append(contentsOf: "<U+\(String(value, radix: 16, uppercase: true))>".unicodeScalars)
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Characters that change the order or visibility of the text around them, or break its
    /// line: ALM (U+061C), LRM and RLM (U+200E, U+200F), the line and paragraph separators
    /// (U+2028, U+2029), the embeddings and overrides (U+202A to U+202E), invisible operators and
    /// the isolates (U+2060 to U+206F), a byte-order mark (U+FEFF) and the interlinear annotations
    /// (U+FFF9 to U+FFFB). Joiners (U+200C, U+200D), which names and emoji need, pass.
    static func hidden(_ value: UInt32) -> Bool {
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF, 0xFFF9...0xFFFB: true
        default: false
        }
    }

    /// Whether any byte could start a control or a hidden character: most output has none, and is
    /// passed on as it is.
    private static func needsWork(_ text: String, lineBreaks: Bool) -> Bool {
        // Over the bytes in place: every byte of every output passes here (a closure per byte of
        // the UTF-8 view was 2 % of `score`), eight at a time where none is a control, 0x7F or
        // non-ASCII. Lead bytes of the hidden characters (0xD8, 0xE2, 0xEF) are rare but for
        // typography (— and … start with 0xE2): those take the slow path, which leaves them as
        // they are.
        func needs(_ byte: UInt8) -> Bool {
            (byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 || byte == 0xEF)
                && byte != 0x09 && (byte != 0x0A || lineBreaks)
        }
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            var index = 0
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let control = (word &- 0x20 &* ones) & ~word & highs
                let delete = ((word ^ (0x7F &* ones)) &- ones) & ~(word ^ (0x7F &* ones)) & highs
                if control | delete | (word & highs) != 0 {
                    for offset in index..<index + 8 where needs(bytes[offset]) { return true }
                }
                index += 8
            }
            for offset in index..<bytes.count where needs(bytes[offset]) { return true }
            return false
        }
    }

    /// The length of `[` digits-and-semicolons `m` after an ESC at `start`; 0 when it is not one.
    private static func colourLength(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        guard start < scalars.count, scalars[start] == "[" else { return 0 }
        var end = start + 1
        while end < scalars.count, end - start < 16, ("0"..."9").contains(scalars[end]) || scalars[end] == ";" { end += 1 }
        return end < scalars.count && scalars[end] == "m" ? end - start + 1 : 0
    }
}
