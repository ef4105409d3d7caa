import Foundation
import Testing
@testable import CallPrepKit

/// Parsing helpers shared by the parser's tests.
enum ParseSupport {
    /// The bundled example debrief: the Northwind form, filled in after the call.
    static let filled = TestSupport.root.appendingPathComponent("templates/examples/northwind-2026-11-26-debrief.md")

    static func parser() throws -> DebriefParser {
        try TestSupport.workspace().parser()
    }

    static func parse(_ text: String, path: String = "d.md") throws -> ParsedDebrief {
        try parser().parse(SourceFile(path: path, text: text))
    }

    /// The blank form of the bundled example meeting.
    static func blankForm() throws -> String {
        let process = try TestSupport.builtinProcess("b2b")
        let meeting = try MeetingLoader.load(path: TestSupport.root.appendingPathComponent(
            "templates/examples/northwind-discovery.yaml").path, process: process)
        return DocumentRenderer.form(meeting: meeting, process: process,
                                     templates: try TemplateSet.load(workspace: TestSupport.temporaryFolder().path))
    }

    /// A record with its lines, source and diagnostic positions set aside: what a person's answers are.
    static func content(_ record: DebriefRecord) -> DebriefRecord {
        var copy = record
        copy.source = ""
        for index in copy.items.indices { copy.items[index].line = 0 }
        for index in copy.nextSteps.indices { copy.nextSteps[index].line = 0 }
        for index in copy.pains.indices { copy.pains[index].line = 0 }
        for index in copy.people.indices { copy.people[index].line = 0 }
        for index in copy.review.items.indices { copy.review.items[index].line = 0 }
        for index in copy.coachingNotes.indices { copy.coachingNotes[index].line = 0 }
        for index in copy.unmapped.indices { copy.unmapped[index].line = 0 }
        for index in copy.diagnostics.indices {
            copy.diagnostics[index].line = 0
            copy.diagnostics[index].column = 0
        }
        for index in copy.plan?.outcomes.indices ?? 0..<0 { copy.plan?.outcomes[index].line = 0 }
        for index in copy.plan?.tasks.indices ?? 0..<0 { copy.plan?.tasks[index].line = 0 }
        copy.selfAssessment.line = nil
        copy.review.line = nil
        return copy
    }

    /// Runs pandoc as another tool would reformat the file, keeping the front matter.
    static func pandoc(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pandoc", "-s", "-f", "gfm", "-t", "gfm+yaml_metadata_block"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "pandoc is needed: scripts/test installs it")
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite("Parsing filled debriefs")
struct DebriefParserTests {
    /// The front matter as callprep writes it is read without Yams (`FlatYAML`); written any other
    /// way YAML allows, it gives the same record through Yams; and what is not flat is left to Yams.
    @Test("front matter read without Yams gives what Yams gives",
          arguments: [("meeting: \"m-1\"", "meeting: m-1"), ("rep: \"Dana Whitfield\"", "rep: 'Dana Whitfield'"),
                      ("date: \"2026-11-26\"", "date: 2026-11-26 # the call"), ("account: \"Northwind\"", "account: >-\n  Northwind")])
    func flatFrontMatterMatchesYAML(_ flat: String, _ other: String) throws {
        let parser = try ParseSupport.parser()
        func record(_ line: String) -> DebriefRecord.MeetingInfo? {
            let text = """
                ---
                form: "callprep.debrief-form/1"
                meeting: "m-1"
                account: "Northwind"
                rep: "Dana Whitfield"
                date: "2026-11-26"
                process: "b2b"
                stage: "discover"
                ---

                # Debrief
                """
            let key = String(line.prefix { $0 != ":" })
            let edited = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(key + ":") ? line : String($0) }.joined(separator: "\n")
            return parser.parse(SourceFile(path: "d.md", text: edited)).record?.meeting
        }
        let yaml = try #require(record(other))
        #expect(record(flat) == yaml)
    }

    @Test func onlyFlatFrontMatterIsReadWithoutYAML() {
        let flat = FlatYAML.fields("meeting: m-1\nrep: \"Dana Whitfield\"\n# a note\nopportunity: ~", firstLine: 2)
        #expect(flat?.map(\.value) == ["m-1", "Dana Whitfield", nil])
        #expect(flat?.map(\.valueAt) == [SourceLocation(line: 2, column: 10), SourceLocation(line: 3, column: 6),
                                         SourceLocation(line: 5, column: 14)])
        // Read by bytes: letters beyond ASCII and trailing spaces as YAML reads them.
        let accented = FlatYAML.fields("account: Café Müller  \nrep:   \"Åsa 👩‍💻 Ek\"\nstage: null\nnote: NULL\nnext:", firstLine: 1)
        #expect(accented?.map(\.value) == ["Café Müller", "Åsa 👩‍💻 Ek", nil, nil, nil])
        #expect(accented?.map(\.valueAt.column) == [10, 8, 8, 7, 6])
        for other in ["rep: a\r\nstage: b", "rep: [a, b]", "rep: \"a\\\"b\"", "rep: 'a'", "rep: a\nrep: b", "rep: a # note", "rep: &x a",
                      "rep:\n  - a", "rep: |\n  a", "rep:\ta"] {
            #expect(FlatYAML.fields(other, firstLine: 2) == nil, "\(other)")
        }
    }

    /// One reader of dates people write, for due dates and evidence alike, counting from the day
    /// of the call for what leaves the year or the week open.
    @Test("dates as people write them", arguments: [
        ("2026-12-03", "2026-12-03"), ("3 December 2026", "2026-12-03"), ("Dec 10", "2026-12-10"),
        ("10 December", "2026-12-10"), ("Jan 5", "2027-01-05"), ("Friday", "2026-11-27"), ("by Monday", "2026-11-30"),
        ("next Thursday", "2026-12-03"), ("25/12", "2026-12-25"), ("12/25", "2026-12-25"), ("12/10", nil),
        ("next month", nil), ("soon", nil), ("Dec 32", nil),
    ] as [(String, String?)])
    func datesAsPeopleWriteThem(_ text: String, _ expected: String?) throws {
        // 2026-11-26 was a Thursday.
        #expect(CalendarDate.resolve(text, relativeTo: "2026-11-26") == expected)
        // Evidence is read the same way: what a due date counts as a date, a date in evidence too.
        if expected != nil {
            let judge = EvidenceJudge(process: try TestSupport.builtinProcess("b2b"), people: PeoplePicture(record: DebriefRecord(
                source: "d.md", meeting: .init(id: "m", date: "2026-11-26", account: nil, opportunity: nil, rep: nil, stage: "discover"),
                process: .init(id: "b2b", version: "1.0"))))
            let evidence = "They sign \(text.hasPrefix("by") || text.hasPrefix("next") ? "" : "on ")\(text)."
            #expect(judge.problem(evidence, rule: EvidenceRule(.date)) == nil, "\(text)")
        }
    }

    @Test func filledFixtureGivesItsRecord() throws {
        let text = try TestSupport.read(ParseSupport.filled)
        let parsed = try ParseSupport.parse(text, path: "northwind-filled.md")
        let record = try #require(parsed.record)
        try TestSupport.expectGolden(TestSupport.json(record), TestSupport.fixture("debriefs/northwind-2026-11-26-debrief.record.json"))
    }

    @Test func theBlankFormHasNoAnswersAndNoWarnings() throws {
        let record = try #require(try ParseSupport.parse(ParseSupport.blankForm()).record)
        #expect(record.items.count == 13)
        #expect(record.items.allSatisfy { $0.state == .unchecked && $0.evidence.isEmpty })
        #expect(record.unmapped.isEmpty && record.diagnostics.isEmpty && record.coachingNotes.isEmpty)
        #expect(record.nextSteps.isEmpty && record.review.items.isEmpty && record.selfAssessment.score == nil)
    }

    /// Every text node a person added to the form appears somewhere in the record.
    @Test func nothingAPersonWroteIsLost() throws {
        func literals(_ text: String) -> [String] {
            MarkdownParser.parse(FrontMatter.split(text).body).descendants
                .filter { $0.kind == .text || $0.kind == .code || $0.kind == .codeBlock }
                .compactMap { $0.literal?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }
        let blankTexts = literals(try ParseSupport.blankForm())
        let blank = Set(blankTexts)
        let filled = try TestSupport.read(ParseSupport.filled)
        // What the person added: new text nodes, less any label the blank form had in front of them.
        let written = literals(filled).filter { !blank.contains($0) }.map { text in
            let label = blankTexts.filter { text.hasPrefix($0) }.max { $0.count < $1.count } ?? ""
            return String(text.dropFirst(label.count)).trimmingCharacters(in: .whitespaces)
        }
        #expect(written.count > 30)
        let record = try #require(try ParseSupport.parse(filled).record)
        let strings = Self.values(in: record)
        for text in written {
            for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
                // "N/A:" is kept as the item's state, "no" in the Agree column as agree: false.
                let words = line.hasPrefix("N/A:") ? String(line.dropFirst(4)).trimmingCharacters(in: .whitespaces)
                    : AnswerLabel.yesOrNo(line).map { "\($0)" } ?? line
                // A signed coaching note keeps its signature as the note's author.
                let signedNote = record.coachingNotes.contains { note in
                    guard let author = note.author else { return false }
                    return ["(\(author))", "— \(author)"].contains { signature in
                        line.hasSuffix(signature)
                            && note.text.contains(line.dropLast(signature.count).trimmingCharacters(in: .whitespaces))
                    }
                }
                #expect(strings.contains { $0.contains(words) } || signedNote, "lost: \(line)")
            }
        }
    }

    /// Every string, number and flag in a value, as text.
    private static func values(in value: Any) -> [String] {
        switch value {
        case let text as String: [text]
        case let number as Int: [String(number)]
        case let flag as Bool: [String(flag)]
        default: Mirror(reflecting: value).children.flatMap { values(in: $0.value) }
        }
    }
}
