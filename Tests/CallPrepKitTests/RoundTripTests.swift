import Foundation
import Testing
@testable import CallPrepKit
import CallPrepCorpus

@Suite("Form, filled, parsed: the round trip")
struct RoundTripTests {
    static let checked = ["problems-identified", "impact-quantified", "meeting-reason-agreed", "upfront-agreement",
                          "next-step-agreed"]
    static let evidence = [
        "problems-identified": "Late deliveries to five key accounts.",
        "impact-quantified": "EUR 1,200 per late delivery, their figure.",
        "compelling-reason": "Not reached yet.",
        "roles-planned": "N/A: I was alone on the call.",
        "next-step-agreed": "Figures due 2026-11-30.",
    ]

    static func fill(_ form: String) throws -> String {
        var filler = FormFiller(text: form)
        for id in checked { try filler.check(id) }
        for (id, words) in evidence.sorted(by: { $0.key < $1.key }) { try filler.evidence(id, words) }
        try filler.fillEmptyRow(after: "callprep:next-steps", ["Send Q3 figures", "Mara Jensen", "2026-11-30"])
        try filler.fillEmptyRow(after: "callprep:pains", ["Manual planning", "16 hours a week", "weekly"])
        try filler.fillEmptyRow(after: "callprep:people", ["Henrik Sorensen", "COO", "decision maker", "new"])
        try filler.label("Score (0 to 100):", "75")
        try filler.label("What went well:", "Got their own number.")
        try filler.label("What I would do differently:", "Ask for the COO sooner.")
        try filler.label("Reviewer:", "Sam Lee")
        try filler.label("Grade (0 to 100):", "55")
        try filler.review("impact-quantified", agree: "yes", comment: "Their words, good.")
        try filler.review("upfront-agreement", agree: "no", comment: "No time agreed.")
        try filler.label("Comments:", "Find the decision maker.")
        filler.appendNote("`impact-quantified` Write their exact words. (Sam Lee)")
        return filler.text
    }

    @Test func whatWasFilledComesBack() throws {
        let record = try #require(try ParseSupport.parse(try Self.fill(ParseSupport.blankForm())).record)
        #expect(record.diagnostics.isEmpty && record.unmapped.isEmpty)
        #expect(record.meeting == .init(id: "northwind-2026-11-26", date: "2026-11-26", account: "Northwind Logistics",
                                        opportunity: "northwind-fleet-2026", rep: "Dana Whitfield", stage: "discover"))
        #expect(record.process == .init(id: "b2b", version: "1.0"))
        for item in record.items {
            let expectedState: DebriefRecord.State = item.id == "roles-planned" ? .notApplicable
                : Self.checked.contains(item.id) ? .checked : .unchecked
            #expect(item.state == expectedState, "\(item.id)")
            let expectedEvidence = item.id == "roles-planned" ? "I was alone on the call." : Self.evidence[item.id] ?? ""
            #expect(item.evidence == expectedEvidence, "\(item.id)")
        }
        #expect(record.items.count == 13)
        #expect(record.nextSteps.map { [$0.action, $0.owner, $0.due, $0.dueDate] }
            == [["Send Q3 figures", "Mara Jensen", "2026-11-30", "2026-11-30"]])
        #expect(record.pains.map(\.problem) == ["Late deliveries to key accounts",
                                                "Dispatch schedule is rebuilt by hand every week", "Manual planning"])
        #expect(record.pains.last?.impact == "16 hours a week" && record.pains.last?.frequency == "weekly")
        #expect(record.people.last.map { [$0.name, $0.title, $0.role, $0.status] }
            == ["Henrik Sorensen", "COO", "decision maker", "new"])
        #expect(record.selfAssessment.score == 75)
        #expect(record.selfAssessment.wentWell == "Got their own number.")
        #expect(record.selfAssessment.doDifferently == "Ask for the COO sooner.")
        #expect(record.review.reviewer == "Sam Lee" && record.review.grade == 55)
        #expect(record.review.comments == "Find the decision maker.")
        #expect(record.review.items.map { "\($0.id) \($0.agree.map(String.init) ?? "-") \($0.comment ?? "")" }
            == ["impact-quantified true Their words, good.", "upfront-agreement false No time agreed."])
        #expect(record.coachingNotes.map { [$0.text, $0.milestone, $0.author] }
            == [["Write their exact words.", "impact-quantified", "Sam Lee"]])
    }

    @Test func pandocBeforeFillingChangesNothing() throws {
        let direct = try #require(try ParseSupport.parse(try Self.fill(ParseSupport.blankForm())).record)
        let reformatted = try ParseSupport.pandoc(ParseSupport.blankForm())
        #expect(reformatted != (try ParseSupport.blankForm()))
        let viaPandoc = try #require(try ParseSupport.parse(try Self.fill(reformatted)).record)
        #expect(ParseSupport.content(viaPandoc) == ParseSupport.content(direct))
    }

    @Test func pandocBeforeAndAfterFillingChangesNothing() throws {
        let direct = try #require(try ParseSupport.parse(try Self.fill(ParseSupport.blankForm())).record)
        let twice = try ParseSupport.pandoc(try Self.fill(ParseSupport.pandoc(ParseSupport.blankForm())))
        let viaPandoc = try #require(try ParseSupport.parse(twice).record)
        #expect(ParseSupport.content(viaPandoc) == ParseSupport.content(direct))
    }

    @Test func theFormFromTheBinaryParsesThroughTheBinary() throws {
        let folder = try TestSupport.temporaryFolder()
        let example = TestSupport.root.appendingPathComponent("templates/examples/northwind-discovery.yaml").path
        let form = try CallPrepBinary.run(["form", example], in: folder)
        try Self.fill(form.stdout).write(to: folder.appendingPathComponent("filled.md"), atomically: true, encoding: .utf8)
        let json = try CallPrepBinary.run(["parse", "filled.md"], in: folder)
        #expect(json.status == 0 && json.stderr == "")
        let records = try JSONDecoder().decode([DebriefRecord].self, from: Data(json.stdout.utf8))
        #expect(records.count == 1)
        #expect(Set(records.first?.items.filter { $0.state == .checked }.map(\.id) ?? []) == Set(Self.checked))
    }
}
