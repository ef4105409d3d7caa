import Foundation
import Testing
@testable import CallPrepKit

/// Front matter of a valid debrief, lines 1 to 8; bodies start on line 9.
private func debrief(_ body: String, _ frontMatter: [String: String] = [:]) -> String {
    var fields = [("form", "\"callprep.debrief-form/1\""), ("meeting", "m1"), ("date", "2026-11-26"), ("process", "b2b"),
                  ("process_version", "\"1.0\""), ("stage", "discover")]
    for (key, value) in frontMatter.sorted(by: { $0.key < $1.key }) {
        if let index = fields.firstIndex(where: { $0.0 == key }) {
            fields[index].1 = value
        } else {
            fields.append((key, value))
        }
    }
    return "---\n" + fields.filter { !$0.1.isEmpty }.map { "\($0.0): \($0.1)\n" }.joined() + "---\n" + body
}

private let milestones = "## Milestones of Discover <!-- callprep:milestones -->\n\n"

@Suite("Debrief diagnostics")
struct DebriefDiagnosticsTests {
    static let cases: [BrokenFileCase] = [
        .init(name: "no front matter", text: "# Debrief\n",
              expected: ["d.md:1:1: error: the debrief has no front matter: it must start with the '---' block that `callprep form` wrote"]),
        .init(name: "front matter never closed", text: "---\nmeeting: m1\n# Debrief\n",
              expected: ["d.md:1:1: error: the front matter opened here is never closed with a '---' line"]),
        .init(name: "broken front matter", text: "---\nmeeting: [m1\n---\n",
              expected: ["d.md:3:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"]),
        .init(name: "missing meeting id", text: debrief("", ["meeting": ""]),
              expected: ["d.md:2:1: error: the front matter is missing 'meeting'"]),
        .init(name: "unsupported form version", text: debrief("", ["form": "\"callprep.debrief-form/9\""]),
              expected: ["d.md:2:7: error: form format 'callprep.debrief-form/9' is not one this callprep reads (it reads callprep.debrief-form/1)"]),
        .init(name: "date that is not a date", text: debrief("", ["date": "26/11/2026"]),
              expected: ["d.md:4:7: error: 'date' must be a date such as 2026-11-24, not '26/11/2026'"]),
        .init(name: "unknown process id", text: debrief("", ["process": "acme"]),
              expected: ["d.md:5:10: error: unknown process 'acme' (found: b2b, meddpicc; name its file with --process)"]),
        .init(name: "unknown stage", text: debrief("", ["stage": "nowhere"]),
              expected: ["d.md:7:8: error: unknown stage 'nowhere' for process 'b2b'"]),
        .init(name: "process version differs", text: debrief("", ["process_version": "\"2.0\""]),
              expected: ["d.md:6:18: warning: the form was made with process b2b 2.0; scoring uses version 1.0"]),
        .init(name: "unknown front matter key", text: debrief("", ["owner": "Dana"]),
              expected: ["d.md:8:1: warning: unknown front matter key 'owner' (ignored)"]),
        .init(name: "item id the process does not have", text: debrief(milestones + "- [x] Something else `made-up-id`\n"),
              expected: ["d.md:11:23: warning: item id 'made-up-id' is not in the process (kept as unmapped text)"]),
        .init(name: "required milestone marked not applicable",
              text: debrief(milestones + "- [ ] Problems `problems-identified`\n\n  Evidence: N/A, no time\n"),
              expected: ["d.md:11:1: error: 'problems-identified' is required and cannot be not applicable"]),
        .init(name: "duplicated item",
              text: debrief(milestones + "- [x] Problems `problems-identified`\n- [ ] Problems again `problems-identified`\n"),
              expected: ["d.md:12:1: error: item 'problems-identified' appears twice (first on line 11)"]),
        .init(name: "due date that is not a date",
              text: debrief("## Next steps <!-- callprep:next-steps -->\n\n| Action | Owner | Due |\n| --- | --- | --- |\n| Call | Dana | soon |\n"),
              expected: ["d.md:13:17: warning: due date 'soon' is not a date (write it as YYYY-MM-DD)"]),
        .init(name: "self-assessment score out of range",
              text: debrief("## Self-assessment <!-- callprep:self-assessment -->\n\nScore (0 to 100): 140\n"),
              expected: ["d.md:11:1: warning: the self-assessment score must be a whole number from 0 to 100, not '140'"]),
        .init(name: "block quotes nested 100,000 deep",
              text: debrief(String(repeating: "> ", count: 100_000) + "deep\n"),
              expected: ["d.md:9:127: error: lists and quotes are nested more than 64 levels deep here"]),
        .init(name: "lists nested 3,000 deep",
              text: debrief((0..<3_000).map { String(repeating: "  ", count: $0) + "- a\n" }.joined()),
              expected: ["d.md:40:63: error: lists and quotes are nested more than 64 levels deep here"]),
        .init(name: "agree that is neither yes nor no",
              text: debrief("## Manager review <!-- callprep:review -->\n\n| Item | Agree | Comment |\n| --- | --- | --- |\n| `prepared` | maybe | |\n"),
              expected: ["d.md:13:16: warning: 'maybe' in the Agree column is neither yes nor no"]),
    ]

    @Test("each problem gives its exact diagnostic", arguments: cases)
    func diagnostic(_ testCase: BrokenFileCase) throws {
        let parsed = try ParseSupport.parse(testCase.text)
        let found = parsed.diagnostics.map(\.description).filter { !$0.contains("is missing") || $0.contains("front matter") }
        #expect(found == testCase.expected)
        #expect(parsed.record == nil || !parsed.hasErrors)
    }

    @Test func missingItemsAndSectionsAreWarnings() throws {
        let parsed = try ParseSupport.parse(debrief(milestones + "- [x] Problems `problems-identified`\n\n  They named three.\n"))
        let record = try #require(parsed.record)
        #expect(!parsed.hasErrors)
        #expect(record.items.map(\.id) == ["problems-identified"])
        let warnings = parsed.diagnostics.map(\.message)
        #expect(warnings.contains("item 'impact-quantified' is missing from the debrief (counted as not met)"))
        #expect(warnings.contains("item 'meeting-reason-agreed' is missing from the debrief (counted as not met)"))
        #expect(warnings.contains("the section 'Coaching notes' is missing"))
        #expect(warnings.count == 12 + 6)
    }
}
