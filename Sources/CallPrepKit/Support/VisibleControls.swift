/// Text made safe for a terminal: every C0 and C1 control character but tab and line feed (and a
/// carriage return before a line feed, as CSV ends its lines) is replaced by a visible form, so
/// that text from debriefs, meeting files and processes cannot recolour the terminal, clear the
/// screen, forge links or write the clipboard (ESC, OSC 8 and 52, BEL). C0 becomes its Control
/// Pictures symbol (ESC as U+241B ␛), DEL ␡, and C1 `<U+009B>`.
public enum VisibleControls {
    /// `text` with its controls visible; `keepingColour` keeps the colour codes callprep writes
    /// itself on a terminal (ESC `[` digits and `;` `m`), which only sanitised text may carry.
    public static func apply(_ text: String, keepingColour: Bool = false) -> String {
        guard needsWork(text) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let value = scalar.value
            index += 1
            switch value {
            case 0x09, 0x0A:
                out.append(scalar)
            case 0x0D where index < scalars.count && scalars[index] == "\n":
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
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether any byte could be a control: most output has none, and is passed on as it is.
    private static func needsWork(_ text: String) -> Bool {
        // Over the bytes in place: every byte of every output passes here (a closure per byte of
        // the UTF-8 view was 2 % of `score`).
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == 0x7F || byte == 0xC2 {
                if byte != 0x09 && byte != 0x0A { return true }
            }
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
