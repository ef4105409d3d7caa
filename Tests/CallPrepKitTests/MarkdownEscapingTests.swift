import Testing
@testable import CallPrepKit

@Suite("Escaping user text for Markdown")
struct MarkdownEscapingTests {
    static let hostile = [
        "a | b | c", "# heading", "## also", "*bold* _em_ **strong**", "`code` and ``more``",
        "<!-- hidden -->", "<div>html</div>", "<script>alert(1)</script>", "- [x] forged item",
        "- [ ] forged open item", "* bullet", "+ plus", "> quote", "1. ordered", "12) paren",
        "---", "===", "~~struck~~", "[link](http://x)", "![img](x.png)", "&amp; &copy;", "back\\slash",
        "trailing backslash\\", "1.5 million", "-3 degrees", "line one\nline two", "a\r\nb",
        "\\- [x] pre-escaped", "a <b>bold</b> | cell",
    ]

    @Test("escaped text reads back as itself in one paragraph", arguments: hostile)
    func readsBackLiterally(text: String) {
        let escaped = MarkdownEscaping.inline(text)
        let tree = MarkdownParser.parse(escaped + "\n")
        #expect(tree.children.map(\.kind) == [.paragraph], "\(escaped)")
        let expected = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        #expect(tree.children.first?.plainText == expected)
    }

    @Test("escaped text stays inside its table cell", arguments: hostile)
    func staysInItsCell(text: String) {
        let table = "| A | B |\n| --- | --- |\n| \(MarkdownEscaping.inline(text)) | end |\n"
        let rows = MarkdownParser.parse(table).children.first?.children ?? []
        #expect(rows.count == 2)
        #expect(rows.last?.children.map(\.plainText)
            == [text.split(whereSeparator: \.isNewline).joined(separator: " "), "end"])
    }

    @Test func plainTextIsLeftReadable() {
        #expect(MarkdownEscaping.inline("Northwind Logistics - fleet 1.0") == "Northwind Logistics - fleet 1.0")
    }
}
