import Foundation
import Testing
@testable import CallPrepKit

@Suite("Markdown tree from cmark-gfm")
struct MarkdownTreeTests {
    @Test("tree dumps match their golden files", arguments: ["all-kinds", "crlf", "bom"])
    func goldenDump(name: String) throws {
        let source = try TestSupport.read(TestSupport.fixture("markdown/\(name).md"))
        let tree = MarkdownParser.parse(source)
        try TestSupport.expectGolden(tree.treeDump, TestSupport.fixture("markdown/\(name).tree"))
    }

    @Test func taskItemsCarryTheirCheckedState() {
        let tree = MarkdownParser.parse("- [x] one\n- [X] two\n- [ ] three\n- four\n")
        let items = tree.descendants.filter { $0.kind == .taskItem || $0.kind == .item }
        #expect(items.map(\.kind) == [.taskItem, .taskItem, .taskItem, .item])
        #expect(items.map(\.isChecked) == [true, true, false, nil])
        #expect(items.map(\.plainText) == ["one", "two", "three", "four"])
        #expect(items.map(\.start.line) == [1, 2, 3, 4])
    }

    @Test func tableRowsAndCells() {
        let tree = MarkdownParser.parse("| a | b |\n|---|---|\n| 1 | x \\| y |\n| 2 |\n")
        let table = tree.children[0]
        #expect(table.kind == .table)
        #expect(table.children.map(\.kind) == [.tableHeader, .tableRow, .tableRow])
        let cells = table.children.map { $0.children.map(\.plainText) }
        #expect(cells == [["a", "b"], ["1", "x | y"], ["2", ""]])
        #expect(table.children[1].children[1].start == SourceLocation(line: 3, column: 6))
    }

    @Test func byteOrderMarkDoesNotShiftColumns() {
        let withMark = MarkdownParser.parse("\u{FEFF}# Title\n")
        let without = MarkdownParser.parse("# Title\n")
        #expect(withMark.treeDump == without.treeDump)
        #expect(withMark.children[0].start == SourceLocation(line: 1, column: 1))
    }

    @Test func headingInCodeBlockIsCode() {
        let tree = MarkdownParser.parse("```\n## not a heading\n- [ ] not an item\n```\n")
        #expect(tree.children.map(\.kind) == [.codeBlock])
        #expect(tree.children[0].literal == "## not a heading\n- [ ] not an item\n")
    }

    @Test func deepNestingConvertsWithoutRecursion() {
        let depth = 5_000
        let source = String(repeating: "> ", count: depth) + "deep\n"
        let tree = MarkdownParser.parse(source)
        var node = tree
        var quotes = 0
        while let child = node.children.first {
            if child.kind == .blockQuote { quotes += 1 }
            node = child
        }
        #expect(quotes == depth)
        #expect(node.literal == "deep")
    }
}
