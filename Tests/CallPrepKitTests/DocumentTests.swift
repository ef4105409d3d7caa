import Foundation
import Testing
import Yams
@testable import CallPrepKit

/// A meeting fixture, the process it is prepared with, and its golden brief and form.
struct DocumentCase: CustomTestStringConvertible, Sendable {
    let name: String
    let meeting: String
    let process: String
    var testDescription: String { name }
}

@Suite("Prep briefs and debrief forms")
struct DocumentTests {
    static let cases: [DocumentCase] = [
        .init(name: "northwind-discovery", meeting: "templates/examples/northwind-discovery.yaml", process: "b2b"),
        .init(name: "contoso-propose", meeting: "Tests/CallPrepKitTests/Fixtures/documents/contoso-propose.json",
              process: "b2b"),
        .init(name: "fabrikam-validate", meeting: "Tests/CallPrepKitTests/Fixtures/documents/fabrikam-validate.yaml",
              process: "meddpicc"),
    ]

    /// Renders with the built-in templates only, whatever the working folder holds.
    static func render(_ testCase: DocumentCase) throws -> (brief: String, form: String) {
        let process = try TestSupport.builtinProcess(testCase.process)
        let meeting = try MeetingLoader.load(path: TestSupport.root.appendingPathComponent(testCase.meeting).path,
                                             process: process)
        let templates = try TemplateSet.load(workspace: TestSupport.temporaryFolder().path)
        return (DocumentRenderer.brief(meeting: meeting, process: process, templates: templates,
                                       meetingPath: "meetings/\(testCase.name).yaml"),
                DocumentRenderer.form(meeting: meeting, process: process, templates: templates))
    }

    @Test("briefs and forms match their golden files", arguments: cases)
    func golden(_ testCase: DocumentCase) throws {
        let (brief, form) = try Self.render(testCase)
        try TestSupport.expectGolden(brief, TestSupport.fixture("documents/\(testCase.name).brief.md"))
        try TestSupport.expectGolden(form, TestSupport.fixture("documents/\(testCase.name).form.md"))
    }

    @Test("the same meeting gives byte-identical documents", arguments: cases)
    func deterministic(_ testCase: DocumentCase) throws {
        let first = try Self.render(testCase)
        let second = try Self.render(testCase)
        #expect(first.brief == second.brief && first.form == second.form)
    }

    @Test("the form holds one unchecked task item per item in play, each with its id", arguments: cases)
    func formItems(_ testCase: DocumentCase) throws {
        let (_, form) = try Self.render(testCase)
        let process = try TestSupport.builtinProcess(testCase.process)
        let meeting = try MeetingLoader.load(path: TestSupport.root.appendingPathComponent(testCase.meeting).path,
                                             process: process)
        let plan = try #require(ItemsInPlay(process: process, stageID: meeting.opportunity.stage))
        let items = FormShape(form).taskItems
        let isPlanItem = { (id: String?) in id?.hasPrefix("outcome-") == true || id?.hasPrefix("task-") == true }
        #expect(items.filter { !isPlanItem($0.id) }.map(\.id) == plan.all.map(\.id))
        // The plan: each outcome the meeting names, and a task item per person of our side.
        let outcomes = [meeting.bestOutcome.map { _ in "outcome-best" }, meeting.minimumOutcome.map { _ in "outcome-minimum" }]
        #expect(items.filter { isPlanItem($0.id) }.map(\.id) == outcomes.compactMap { $0 }
            + meeting.attendees.filter { $0.side == .ours }.map { "task-" + PersonView.slug($0.name) })
        #expect(items.allSatisfy { !$0.checked })
    }

    @Test func briefNamesTheRisksTheDataShows() throws {
        let (brief, _) = try Self.render(Self.cases[2])
        let risks = section("Risks", of: brief)
        #expect(risks.contains("No decision maker attends. Find out who decides"))
        #expect(risks.contains("No quantified impact yet for: Store checkout queues at peak hours."))
        #expect(risks.contains("no debrief yet shows the required milestones of earlier stages: Identify (2), Qualify (2)"))
        #expect(risks.contains("No minimum acceptable outcome is defined"))
        let contoso = section("Risks", of: try Self.render(Self.cases[1]).brief)
        #expect(!contoso.contains("No decision maker attends"))
        #expect(contoso.contains("Ines Duarte has no task in the call"))
        #expect(!contoso.contains("No quantified impact"))
    }

    // MARK: Forging

    /// Meeting text that tries every Markdown construct that could forge structure.
    static let forgingMeeting = """
        date: 2026-11-26
        type: "- [x] forged type"
        account: |-
          Evil | Corp
          # Forged heading
        rep: "*Rep* _name_ `code`"
        objective: |-
          > quoted
          1. ordered
          - [x] checked item
        best_outcome: "<!-- hide the rest"
        minimum_outcome: "--> <b>bold</b> <script>x</script>"
        opportunity: {id: evil-1, name: "## name", stage: discover}
        attendees:
          - name: "Mallory | Mal"
            title: "- [x] problems-identified `problems-identified`"
            side: theirs
            buying_role: champion
            notes: |-
              line one
              ---
              | a | b |
          - name: "1. Eve"
            side: ours
            task: "<!-- callprep:milestones --> ## Next steps"
        pains:
          - problem: "- [ ] `impact-quantified`"
            impact: "| 1 | 2 |"
            frequency: "#hash *star* _under_"
        notes: "---\\nform: forged\\n---"
        """

    static func forgedDocuments() throws -> (brief: String, form: String, meeting: Meeting) {
        let process = try TestSupport.builtinProcess("b2b")
        let meeting = try MeetingLoader.load(SourceFile(path: "evil.yaml", text: forgingMeeting), process: process)
        let templates = try TemplateSet.load(workspace: TestSupport.temporaryFolder().path)
        return (DocumentRenderer.brief(meeting: meeting, process: process, templates: templates, meetingPath: "evil.yaml"),
                DocumentRenderer.form(meeting: meeting, process: process, templates: templates), meeting)
    }

    @Test func meetingTextCannotForgeTheFormsStructure() throws {
        let (_, form, meeting) = try Self.forgedDocuments()
        let shape = FormShape(form)

        let process = try TestSupport.builtinProcess("b2b")
        let plan = try #require(ItemsInPlay(process: process, stageID: "discover"))
        // The plan's outcomes and our attendee's task come first, under ids the meeting cannot forge.
        #expect(shape.taskItems.map(\.id) == ["outcome-best", "outcome-minimum", "task-1-eve"] + plan.all.map(\.id))
        #expect(shape.taskItems.allSatisfy { !$0.checked })

        #expect(shape.headings == [
            "Debrief: Evil | Corp # Forged heading, 26 November 2026", "Plan and result", "Milestones of Discover",
            "Earlier milestones", "Connect", "Call practices", "Next steps", "Pains", "People met",
            "Self-assessment", "Manager review", "Coaching notes",
        ])
        #expect(shape.tables.count == 4)
        #expect(shape.tables[1] == [["Problem", "Impact", "Frequency"],
                                    ["- [ ] `impact-quantified`", "| 1 | 2 |", "#hash *star* _under_"],
                                    ["", "", ""]])
        #expect(shape.tables[2] == [["Name", "Title", "Buying role", "New or known"],
                                    ["Mallory | Mal", "- [x] problems-identified `problems-identified`", "champion", "known"],
                                    ["", "", "", ""]])
        #expect(shape.htmlBlocks.isEmpty)
        #expect(shape.inlineHTML.allSatisfy { $0.hasPrefix("<!-- callprep:") })

        let frontMatter = try #require(FrontMatter.split(form).yaml)
        let fields = try #require(try Yams.load(yaml: frontMatter) as? [String: String])
        #expect(Set(fields.keys) == ["form", "meeting", "opportunity", "account", "rep", "date", "process",
                                     "process_version", "stage"])
        #expect(fields["account"] == meeting.account)
        #expect(fields["rep"] == "*Rep* _name_ `code`")
    }

    @Test func meetingTextCannotForgeTheBriefsStructure() throws {
        let (brief, _, _) = try Self.forgedDocuments()
        let shape = FormShape(brief)
        #expect(shape.headings == [
            "Call prep: Evil | Corp # Forged heading, - [x] forged type", "Objective", "Up-front agreement", "People",
            "Their side", "Our side", "Known pains", "Notes", "Where the deal stands", "What this call must achieve",
            "Milestones of Discover", "Practices to keep", "Risks", "Preparation checklist",
        ])
        #expect(shape.taskItems.count == 6 && shape.taskItems.allSatisfy { !$0.checked })
        #expect(shape.htmlBlocks.isEmpty && shape.inlineHTML.isEmpty)
        #expect(shape.tables.map { $0.count } == [2, 2, 2])
    }

    private func section(_ heading: String, of document: String) -> String {
        guard let start = document.range(of: "## \(heading)\n") else { return "" }
        let rest = document[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }
}

/// The structure of a generated document as cmark-gfm sees it, front matter set aside.
struct FormShape {
    struct TaskItem {
        let id: String?
        let checked: Bool
    }

    let headings: [String]
    let taskItems: [TaskItem]
    let tables: [[[String]]]
    let htmlBlocks: [String]
    let inlineHTML: [String]

    init(_ document: String) {
        let tree = MarkdownParser.parse(FrontMatter.split(document).body)
        let nodes = tree.descendants
        headings = nodes.filter { $0.kind == .heading }.map { heading in
            heading.children.filter { $0.kind != .htmlInline }.map(\.plainText).joined()
                .trimmingCharacters(in: .whitespaces)
        }
        taskItems = nodes.filter { $0.kind == .taskItem }.map { item in
            let firstParagraph = item.children.first
            let id = firstParagraph?.children.last { $0.kind == .code }?.literal
            return TaskItem(id: id, checked: item.isChecked ?? false)
        }
        tables = nodes.filter { $0.kind == .table }.map { table in
            table.children.map { row in row.children.map(\.plainText) }
        }
        htmlBlocks = nodes.filter { $0.kind == .htmlBlock }.compactMap(\.literal)
        inlineHTML = nodes.filter { $0.kind == .htmlInline }.compactMap(\.literal)
    }
}
