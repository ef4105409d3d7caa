@testable import CallPrepKit
import Testing

/// `VisibleControls` looks at eight bytes at a time: a control must be found wherever it falls
/// in those eight, and near the end of a text that is not a multiple of eight long.
@Suite struct VisibleControlsTests {
    /// What each character becomes.
    static let shown: [(character: Unicode.Scalar, visible: String)] =
        (0x00...0x1F).filter { $0 != 0x09 && $0 != 0x0A }.map { (Unicode.Scalar($0)!, String(Unicode.Scalar(0x2400 + $0)!)) }
            + [("\u{7F}", "\u{2421}"), ("\u{85}", "<U+0085>"), ("\u{9B}", "<U+009B>"),
               ("\u{202E}", "<U+202E>"), ("\u{2028}", "<U+2028>"), ("\u{FEFF}", "<U+FEFF>"), ("\u{061C}", "<U+61C>")]

    @Test("a control or a hidden character is shown at every place of a text of every length")
    func everyPlace() {
        for length in 1...19 {
            for place in 0..<length {
                for (character, visible) in Self.shown {
                    let before = String(repeating: "a", count: place), after = String(repeating: "b", count: length - place - 1)
                    // Not first: a byte-order mark opening the output is callprep's own.
                    let text = "x" + before + String(character) + after
                    #expect(VisibleControls.apply(text) == "x" + before + visible + after,
                            "U+\(String(character.value, radix: 16)) at \(place + 1) of \(length + 1)")
                }
            }
        }
    }

    @Test("text with tabs, line breaks, accents and typography of every length passes unchanged")
    func plainPasses() {
        let sample = "Dana\tWhitfield said: \"EUR 180 per slot\" — café, naïve, 12 %…\nnext line\n"
        for length in 0...sample.unicodeScalars.count {
            let text = String(String.UnicodeScalarView(sample.unicodeScalars.prefix(length)))
            #expect(VisibleControls.apply(text) == text)
        }
        #expect(VisibleControls.apply("a windows line\r\nends") == "a windows line\r\nends")
        #expect(VisibleControls.inline("a\nb") == "a␊b")
        #expect(VisibleControls.inline("twelve bytes\n") == "twelve bytes␊")
    }
}
