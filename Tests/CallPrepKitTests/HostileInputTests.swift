import Foundation
import Testing
@testable import CallPrepKit

/// Hostile or broken bytes, what reads them, and the diagnostics they must give.
struct HostileCase: CustomTestStringConvertible, Sendable {
    enum Reader: Sendable { case debrief, process, meeting }

    let name: String
    let reader: Reader
    let bytes: [UInt8]
    let expected: [String]
    var testDescription: String { name }

    init(_ name: String, _ reader: Reader, _ text: String, _ expected: [String]) {
        self.init(name, reader, bytes: Array(text.utf8), expected)
    }

    init(_ name: String, _ reader: Reader, bytes: [UInt8], _ expected: [String]) {
        self.name = name
        self.reader = reader
        self.bytes = bytes
        self.expected = expected
    }
}

private let frontMatter = "---\nform: \"callprep.debrief-form/1\"\nmeeting: m1\ndate: 2026-11-26\nprocess: b2b\nstage: discover\n---\n"

/// A YAML value whose aliases expand to 9^10 items if anyone expanded them.
private let aliasBomb: String = {
    var text = "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1...10 {
        text += "x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
    }
    return text
}()

@Suite("Hostile and broken input")
struct HostileInputTests {
    static let cases: [HostileCase] = [
        // Point 1: shapes on which cmark-gfm is quadratic, and size.
        .init("a table 2,000 columns wide", .debrief,
              frontMatter + "|" + String(repeating: "a|", count: 2_000) + "\n|" + String(repeating: "-|", count: 2_000)
                  + "\n" + String(repeating: "|x\n", count: 2_000),
              ["f:8:1: error: a table of 2000 columns; at most 64 are read"]),
        .init("a table of 60 columns and 1,000 rows", .debrief,
              frontMatter + "|" + String(repeating: "a|", count: 60) + "\n|" + String(repeating: "-|", count: 60)
                  + "\n" + String(repeating: "|x\n", count: 1_000),
              ["f:8:1: error: a table of 60 columns and more than 833 rows; at most 50000 cells are read"]),
        .init("a long run of <?", .debrief, frontMatter + "a" + String(repeating: " <?", count: 2_000),
              ["f:8:3003: error: more than 1000 '<?' in one file; remove them or put them in a code block"]),
        .init("a long run of <![CDATA[", .debrief, frontMatter + String(repeating: "a" + String(repeating: " <![CDATA[", count: 100) + "\n\n", count: 20),
              ["f:28:3: error: more than 1000 '<![CDATA[' in one file; remove them or put them in a code block"]),
        .init("a long run of <!DOCTYPE", .debrief, frontMatter + "a" + String(repeating: " <!X", count: 2_000),
              ["f:8:4003: error: more than 1000 '<!' in one file; remove them or put them in a code block"]),
        .init("over the size limit", .debrief, frontMatter + String(repeating: "word ", count: 220_000),
              ["f:1:1: error: the file is 1100098 bytes, over the limit of 1048576"]),
        // Point 2: broken files.
        .init("an empty file", .debrief, "", ["f:1:1: error: the file is empty"]),
        .init("a binary file", .debrief, bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00],
              ["f:3:1: error: the file is binary, not text"]),
        .init("text that is not UTF-8", .debrief, bytes: Array("---\nrep: Ren".utf8) + [0xE9, 0x0A],
              ["f:2:9: error: the file is not UTF-8 text (invalid byte at offset 12)"]),
        .init("UTF-16 with a byte-order mark", .meeting, bytes: [0xFF, 0xFE] + Array("date".utf16).flatMap { [UInt8($0), 0] },
              ["f:1:1: error: the file is UTF-16; save it as UTF-8"]),
        .init("front matter that never closes", .debrief, "---\nform: \"callprep.debrief-form/1\"\nmeeting: m1\n\n# Debrief\n",
              ["f:1:1: error: the front matter opened here is never closed with a '---' line"]),
        .init("YAML aliases that would expand exponentially", .process, aliasBomb + "id: p\nversion: 1\ntitle: T\nstages: *a10\n",
              ["f:6:25: error: the alias '*a4' repeats its anchor until the document holds more than 1048576 bytes with its aliases expanded, more than callprep reads from one file"]),
        .init("aliases in a meeting's attendees", .meeting, aliasBomb.replacingOccurrences(of: "x", with: "y")
                  + "date: 2026-11-26\naccount: A\nrep: R\nobjective: O\nopportunity: {id: o, stage: discover}\nattendees: *a10\n",
              ["f:6:25: error: the alias '*a4' repeats its anchor until the document holds more than 1048576 bytes with its aliases expanded, more than callprep reads from one file"]),
        .init("duplicate YAML keys in front matter", .debrief, "---\nmeeting: m1\nmeeting: m2\n---\n",
              ["f:3:1: error: duplicate key 'meeting'"]),
        .init("a meeting date in an odd format", .meeting,
              "date: 26.11.2026\naccount: A\nrep: R\nobjective: O\nopportunity: {id: o, stage: discover}\n",
              ["f:1:7: error: 'date' must be a date such as 2026-11-24, not '26.11.2026'"]),
        .init("a due date in an odd format", .debrief,
              frontMatter + "## Next steps <!-- callprep:next-steps -->\n\n| Action | Owner | Due |\n| --- | --- | --- |\n| Call | Dana | 12/03 |\n",
              ["f:12:17: warning: due date '12/03' is not a date (write it as YYYY-MM-DD)"]),
        .init("a very long line", .debrief, frontMatter + "Notes: " + String(repeating: "a", count: 900_000) + "\n", []),
        .init("lists nested deeper than people write", .debrief,
              frontMatter + (0..<200).map { String(repeating: "  ", count: $0) + "- a\n" }.joined(),
              ["f:39:63: error: lists and quotes are nested more than 64 levels deep here"]),
        .init("block quotes nested deeper than people write", .debrief,
              frontMatter + String(repeating: ">", count: 100_000) + " x\n",
              ["f:8:64: error: lists and quotes are nested more than 64 levels deep here"]),
        .init("a process file that is a list", .process, "- id: b2b\n- stages: []\n",
              ["f:1:1: error: the process must be a mapping of keys to values"]),
        .init("a meeting file that is a string", .meeting, "just some text\n",
              ["f:1:1: error: the meeting must be a mapping of keys to values"]),
        .init("a debrief whose front matter is a list", .debrief, "---\n- a\n- b\n---\n",
              ["f:2:1: error: the front matter must be a mapping of keys to values"]),
    ]

    @Test("each hostile input gives its diagnostic, fast, without a crash", arguments: cases)
    func hostile(_ testCase: HostileCase) throws {
        let found: [String]
        switch testCase.reader {
        case .debrief:
            let parser = try ParseSupport.parser()
            do {
                let parsed = parser.parse(try SourceFile.decode(Data(testCase.bytes), path: "f"))
                found = parsed.diagnostics.map(\.description).filter { !$0.contains("is missing") }
            } catch {
                found = error.diagnostics.map(\.description)
            }
        case .process:
            found = TestSupport.diagnostics { () throws(DiagnosticError) in
                try ProcessLoader.load(SourceFile.decode(Data(testCase.bytes), path: "f"))
            }
        case .meeting:
            let process = try TestSupport.builtinProcess("b2b")
            found = TestSupport.diagnostics { () throws(DiagnosticError) in
                try MeetingLoader.load(SourceFile.decode(Data(testCase.bytes), path: "f"), process: process)
            }
        }
        #expect(found == testCase.expected)
    }
}
