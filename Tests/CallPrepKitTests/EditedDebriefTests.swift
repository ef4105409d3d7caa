import Foundation
import Testing
@testable import CallPrepKit

/// An edit a person or a tool makes to the filled fixture, and how the record should change.
struct EditCase: CustomTestStringConvertible, @unchecked Sendable {
    let name: String
    let edit: (String) throws -> String
    /// Changes the expected record; nil when the record must not change at all.
    var expect: ((inout DebriefRecord) -> Void)?
    var testDescription: String { name }
}

private func replacing(_ old: String, _ new: String) -> (String) -> String {
    { text in
        precondition(text.contains(old), "the fixture has no '\(old)'")
        return text.replacingOccurrences(of: old, with: new)
    }
}

private func appendEvidence(_ record: inout DebriefRecord, _ id: String, _ more: String) {
    guard let index = record.items.firstIndex(where: { $0.id == id }) else { return }
    record.items[index].evidence += "\n" + more
}

/// Moves the section whose heading contains `marker` to just before the heading containing `before`.
private func moveSection(_ marker: String, before: String) -> (String) -> String {
    { text in
        var parts = text.components(separatedBy: "\n## ")
        guard let from = parts.firstIndex(where: { $0.hasPrefix("") && $0.split(separator: "\n").first?.contains(marker) == true })
        else { preconditionFailure("no section \(marker)") }
        let section = parts.remove(at: from)
        guard let to = parts.firstIndex(where: { $0.split(separator: "\n").first?.contains(before) == true })
        else { preconditionFailure("no section \(before)") }
        parts.insert(section.hasSuffix("\n") ? section : section + "\n", at: to)
        return parts.joined(separator: "\n## ")
    }
}

@Suite("Debriefs as people and tools edit them")
struct EditedDebriefTests {
    static let cases: [EditCase] = [
        // Point 2: constructs inside a person's answers.
        EditCase(name: "a ### heading inside an answer",
                 edit: replacing("by hand each week.\n", "by hand each week.\n\n  ### Details\n\n  Penalties apply per late drop.\n"),
                 expect: { appendEvidence(&$0, "problems-identified", "Details\nPenalties apply per late drop.") }),
        EditCase(name: "a heading inside a code block in its own section",
                 edit: replacing("Mara mentioned RouteWise twice.\n", "Mara mentioned RouteWise twice.\n\n```\n## Pains <!-- callprep:pains -->\n- [x] `prepared`\n```\n"),
                 expect: { $0.unmapped.append(.init(text: "## Pains <!-- callprep:pains -->\n- [x] `prepared`", line: 0,
                                                    section: "Competitors we heard about")) }),
        EditCase(name: "a task list written inside a free-text answer",
                 edit: replacing("written the day before.\n", "written the day before.\n\n  - [ ] call Tom back\n  - [x] `impact-quantified` sent deck\n"),
                 expect: { appendEvidence(&$0, "prepared", "- [ ] call Tom back\n- [x] impact-quantified sent deck") }),
        EditCase(name: "[X] in capitals", edit: replacing("- [x] Prepared beforehand", "- [X] Prepared beforehand")),
        EditCase(name: "* and + bullets", edit: { text in
            text.replacingOccurrences(of: "\n- [", with: "\n* [").replacingOccurrences(of: "\n- Great", with: "\n+ Great")
        }),
        EditCase(name: "setext headings", edit: { text in
            text.replacingOccurrences(of: "## Pains <!-- callprep:pains -->", with: "Pains <!-- callprep:pains -->\n------")
                .replacingOccurrences(of: "## Coaching notes <!-- callprep:coaching -->",
                                      with: "Coaching notes <!-- callprep:coaching -->\n---")
        }),
        EditCase(name: "CRLF line endings", edit: { $0.replacingOccurrences(of: "\n", with: "\r\n") }),
        EditCase(name: "a UTF-8 byte-order mark", edit: { "\u{FEFF}" + $0 }),
        EditCase(name: "missing blank lines", edit: { text in
            text.replacingOccurrences(of: "\n\n## ", with: "\n## ").replacingOccurrences(of: "\n\n- [", with: "\n- [")
        }),
        EditCase(name: "trailing spaces", edit: { $0.replacingOccurrences(of: "\n", with: "   \n") }),
        // Point 3: how people and tools edit the form.
        EditCase(name: "renamed headings", edit: { text in
            text.replacingOccurrences(of: "## Pains <!--", with: "## What hurts <!--")
                .replacingOccurrences(of: "## Manager review <!--", with: "## Sam's review <!--")
                .replacingOccurrences(of: "## Call practices <!--", with: "## How I ran the call <!--")
        }),
        EditCase(name: "section ids lost, titles kept", edit: { text in
            text.replacingOccurrences(of: #" <!-- callprep:(?!header)[a-z-]+ -->"#, with: "", options: .regularExpression)
        }),
        EditCase(name: "reordered sections", edit: { text in
            try moveSection("callprep:practices", before: "callprep:milestones")(
                moveSection("callprep:coaching", before: "callprep:next-steps")(text))
        }),
        EditCase(name: "a section a person added",
                 edit: replacing("## Self-assessment", "## Follow-up ideas\n\nSend the case study.\n\n## Self-assessment"),
                 expect: {
                     $0.unmapped += [.init(text: "Follow-up ideas", line: 0, section: "Follow-up ideas"),
                                     .init(text: "Send the case study.", line: 0, section: "Follow-up ideas")]
                 }),
        EditCase(name: "an optional section deleted", edit: { text in
            let start = text.range(of: "## People met")!.lowerBound
            let end = text.range(of: "## Competitors")!.lowerBound
            return String(text[..<start] + text[end...])
        }, expect: { record in
            record.people = []
            record.diagnostics.append(.init(severity: .warning, message: "the section 'People met' is missing",
                                            line: 0, column: 0))
        }),
        EditCase(name: "reformatted by pandoc", edit: { try ParseSupport.pandoc($0) }),
    ]

    static func baseText() throws -> String {
        try TestSupport.read(ParseSupport.filled)
    }

    @Test("an edited debrief gives the record a person would expect", arguments: cases)
    func edited(_ testCase: EditCase) throws {
        let base = try #require(try ParseSupport.parse(Self.baseText()).record)
        var expected = ParseSupport.content(base)
        testCase.expect?(&expected)
        let edited = try testCase.edit(Self.baseText())
        #expect(edited != (try Self.baseText()), "the edit changed nothing")
        let parsed = try ParseSupport.parse(edited)
        let record = try #require(parsed.record, "\(parsed.diagnostics)")
        var actual = ParseSupport.content(record)
        actual.diagnostics.sort { $0.message < $1.message }
        expected.diagnostics.sort { $0.message < $1.message }
        #expect(actual == expected)
    }
}
