import Foundation
import Testing
@testable import CallPrepKit

/// A fixture debrief and the figures its scorecard must show.
struct ScoringCase: CustomTestStringConvertible, Sendable {
    let fixture: String
    let score: Int
    let claimed: Int
    let selfScore: Int?
    let manager: Int?
    let evidenced: String?
    let ready: Bool
    /// Items whose status is not `missed`; every other item in play must be missed.
    let statuses: [String: Scorecard.Status]
    let overridden: [String]
    let findings: [String]
    var testDescription: String { fixture }
}

enum ScoringSupport {
    static func scorecards(_ paths: [String], process: String? = nil) throws -> [Scorecard] {
        let catalog = try ProcessCatalog(explicit: process, workspace: TestSupport.temporaryFolder().path)
        let parser = try Workspace(folder: TestSupport.temporaryFolder().path, process: process).parser()
        let records = try paths.map { path in
            let text = try TestSupport.read(TestSupport.fixture(path))
            return try #require(parser.parse(SourceFile(path: (path as NSString).lastPathComponent, text: text)).record)
        }
        return DealHistories(process: catalog.lookup).scorecards(records)
    }
}

@Suite("Scoring calls")
struct ScoringTests {
    static let cases: [ScoringCase] = [
        .init(fixture: "all-checked-no-evidence", score: 0, claimed: 100, selfScore: nil, manager: nil, evidenced: nil,
              ready: false,
              statuses: ["problems-identified": .unsupported, "impact-quantified": .unsupported,
                         "frequency-quantified": .unsupported, "compelling-reason": .unsupported,
                         "commitment-to-solve": .unsupported, "meeting-reason-agreed": .unsupported,
                         "contact-role-known": .unsupported, "upfront-agreement": .unsupported,
                         "prepared": .unsupported, "roles-planned": .unsupported, "next-step-agreed": .unsupported,
                         "decision-maker-in-next-step": .unsupported, "no-premature-presenting": .unsupported],
              overridden: [],
              findings: ["next-step-dated", "no-prep-brief", "pains-quantified"]
                + Array(repeating: "required-without-evidence", count: 7) + ["stage-ahead-of-evidence"]),
        .init(fixture: "self-assessment-high", score: 19, claimed: 19, selfScore: 95, manager: nil, evidenced: nil,
              ready: false,
              statuses: ["problems-identified": .met, "upfront-agreement": .met, "prepared": .met],
              overridden: [],
              findings: ["next-step-decision-maker", "pains-quantified", "self-assessment-gap", "stage-ahead-of-evidence"]),
        // "Purpose, time and outcomes agreed first" names no outcome, nor that no is fine.
        .init(fixture: "manager-overrides", score: 44, claimed: 56, selfScore: 60, manager: 55, evidenced: "connect",
              ready: false,
              statuses: ["problems-identified": .met, "compelling-reason": .met, "meeting-reason-agreed": .met,
                         "contact-role-known": .met, "upfront-agreement": .unsupported, "prepared": .met,
                         "next-step-agreed": .met],
              overridden: ["impact-quantified", "compelling-reason"],
              findings: ["pains-quantified"]),
        // "Purpose and outcomes agreed at the start" names neither, so not even Connect is evidenced,
        // and a Propose call with no earlier stage evidenced is not ready to advance.
        .init(fixture: "stage-ahead", score: 38, claimed: 42, selfScore: 85, manager: nil, evidenced: nil,
              ready: false,
              statuses: ["solution-tied-to-impact": .met, "solution-reviewed-with-decision-maker": .met,
                         "meeting-reason-agreed": .unsupported, "contact-role-known": .met, "problems-identified": .met,
                         "upfront-agreement": .met, "prepared": .met, "next-step-agreed": .met,
                         "decision-maker-in-next-step": .met],
              overridden: [],
              findings: ["champion-untested", "required-without-evidence", "self-assessment-gap",
                         "stage-ahead-of-evidence"]),
        // "Agreed agenda and time with Aiko" leaves out the outcomes; judged honestly, the call is
        // 30 points below the rep's own view of it.
        .init(fixture: "meddpicc-validate", score: 40, claimed: 60, selfScore: 70, manager: nil, evidenced: nil,
              ready: false,
              statuses: ["decision-criteria": .met, "decision-process": .met, "identify-pain": .met,
                         "metrics": .unsupported, "upfront-agreement": .unsupported, "next-step-agreed": .met],
              overridden: [],
              findings: ["next-step-decision-maker", "no-prep-brief", "pains-quantified", "relationship-vendor-level",
                         "required-without-evidence", "self-assessment-gap", "stage-ahead-of-evidence"]),
    ]

    @Test("fixture debriefs give their expected scorecards", arguments: cases)
    func scorecard(_ testCase: ScoringCase) throws {
        let card = try #require(try ScoringSupport.scorecards(["scoring/\(testCase.fixture).md"]).first)
        #expect(card.score == testCase.score)
        #expect(card.claimedScore == testCase.claimed)
        #expect(card.selfScore == testCase.selfScore && card.managerScore == testCase.manager)
        #expect(card.stage.evidenced == testCase.evidenced)
        #expect(card.readyToAdvance == testCase.ready)
        for item in card.items {
            #expect(item.status == testCase.statuses[item.id] ?? .missed, "\(item.id): \(item.reason)")
        }
        #expect(card.items.filter { $0.overriddenBy == "manager" }.map(\.id).sorted() == testCase.overridden.sorted())
        #expect(card.findings.map(\.check) == testCase.findings)
        try TestSupport.expectGolden(TestSupport.json(card),
                                     TestSupport.fixture("scoring/\(testCase.fixture).scorecard.json"))
    }

    @Test func everyReasonExplainsItsStatus() throws {
        let card = try #require(try ScoringSupport.scorecards(["scoring/manager-overrides.md"]).first)
        let reasons = Dictionary(uniqueKeysWithValues: card.items.map { ($0.id, $0.reason) })
        #expect(reasons["impact-quantified"] == "the manager disagrees with the rep: That is our estimate, not theirs.")
        #expect(reasons["compelling-reason"]
            == "the manager says it was reached: The March renewal is a compelling reason; count it.")
        #expect(reasons["frequency-quantified"] == "not checked")
        // A met item names the fact that decided it and the rule applied.
        #expect(reasons["problems-identified"] == "'Late deliveries to five key accounts, weekly re-planning...' (rule: text not-ours)")
        let unsupported = try #require(try ScoringSupport.scorecards(["scoring/meddpicc-validate.md"]).first)
        #expect(unsupported.items.first { $0.id == "metrics" }?.reason == "the evidence 'tbd' is a placeholder")
    }

    /// A placeholder is told by its folded text; a text with more ASCII letters and digits than the
    /// longest placeholder is told none without folding, and must agree with folding.
    @Test(arguments: [("TBD", true), ("  see   Notes!! ", true), ("N/A", true), ("Ĺorem ipsum", false), ("lorem ipsum", true),
                      ("LOREM-IPSUM", true), ("lorem ipsum x", false), ("seenotesseenotes", false), ("Ｔｂｄ", false),
                      ("ok" + String(repeating: "!", count: 40), true), ("Mara confirmed the pilot", false)])
    func placeholdersAreToldWithOrWithoutFolding(text: String, placeholder: Bool) {
        #expect(EvidenceKindCheck.isPlaceholder(text) == placeholder)
        #expect(EvidenceKindCheck.isPlaceholder(text) == EvidenceKindCheck.placeholders.contains(normalized(text)))
    }

    @Test func earlierDebriefsOfTheOpportunityCount() throws {
        // The Connect milestones met in the earlier call count for the later one.
        let cards = try ScoringSupport.scorecards(["scoring/manager-overrides.md", "scoring/self-assessment-high.md"])
        let alone = try #require(try ScoringSupport.scorecards(["scoring/self-assessment-high.md"]).first)
        let later = cards[1]
        #expect(later.history?.count == 1 && later.history?.latest.source == "manager-overrides.md")
        #expect(later.stage.evidenced == "connect" && alone.stage.evidenced == nil)
        #expect(!later.items.contains { $0.id == "meeting-reason-agreed" })
        #expect(!later.findings.contains { $0.check == "stage-ahead-of-evidence" })
        #expect(cards[0].history == nil)
    }

    static let evidence: [EvidenceCase] = [
        .init("words that describe what happened", .text, "Mara described three late deliveries.", nil),
        .init("nothing written", .text, "", "checked, but no evidence is written"),
        .init("a placeholder: TBD", .text, "TBD", "the evidence 'TBD' is a placeholder"),
        .init("a placeholder: yes", .text, "yes", "the evidence 'yes' is a placeholder"),
        .init("a placeholder in long punctuation", .text, "— — — … tbd !!! ??? — — —", "the evidence '— — — … tbd !!! ??? — — —' is a placeholder"),
        .init("a placeholder in capitals and spaces", .text, "   LOREM    IPSUM   ", "the evidence '   LOREM    IPSUM   ' is a placeholder"),
        .init("one word is too short", .text, "Agreed", "the evidence 'Agreed' is too short to show anything"),
        .init("an amount with its currency and period", .amount, "$40k a quarter", nil),
        .init("a count in words passes as an amount (by its shape alone)", .amount, "three times a month", nil),
        .init("money without a figure", .amount, "a lot of money", "the evidence has no amount (a number, with its currency, unit or period)"),
        .init("a number with its period", .number, "30 a month", nil),
        .init("a frequency without a number", .number, "often", "the evidence has no number"),
        .init("an ISO date", .date, "by 2026-12-03", nil),
        .init("a day and a month name", .date, "Figures due 30 Nov", nil),
        .init("a month name, day and year", .date, "December 3, 2026", nil),
        .init("a relative date is no date", .date, "next week", "the evidence does not count as date: 'next week' names no day"),
        .init("a first name of someone met", .person, "Henrik said yes", nil),
        .init("a title and a full name", .person, "The COO, Henrik Sorensen", nil),
        .init("two capitalised words are no one the deal knows", .person, "Talked to Jo Bloggs",
              "the evidence names no one on the customer's side (list the people you met in People met)"),
        .init("a role without a name", .person, "the CFO",
              "the evidence names no one on the customer's side (list the people you met in People met)"),
    ]

    @Test("evidence is checked for its kind", arguments: evidence)
    func evidenceKind(_ example: EvidenceCase) throws {
        var record = DebriefRecord(source: "d.md", meeting: .init(id: "m", date: "2026-11-26", account: nil, opportunity: nil, rep: nil,
                                                  stage: "discover"),
                                   process: .init(id: "b2b", version: "1.0"))
        record.people = [.init(name: "Henrik Sorensen", title: "COO", role: "decision maker", line: 1)]
        let process = try TestSupport.builtinProcess("b2b")
        let judge = EvidenceJudge(process: process, people: PeoplePicture(record: record))
        #expect(judge.problem(example.text, rule: EvidenceRule(example.kind)) == example.problem,
                "\(example.kind): \(example.text)")
    }
}

/// One piece of evidence for an item of one kind, and the verdict it must get (nil: it counts).
struct EvidenceCase: CustomTestStringConvertible, Sendable {
    let name: String
    let kind: EvidenceKind
    let text: String
    let problem: String?

    init(_ name: String, _ kind: EvidenceKind, _ text: String, _ problem: String?) {
        self.name = name
        self.kind = kind
        self.text = text
        self.problem = problem
    }

    var testDescription: String { "\(kind.rawValue) evidence, \(name): '\(text)'" }
}

@Suite("Built-in checks")
struct CheckTests {
    static func scorecard(_ example: CheckExample, process: SalesProcess? = nil) throws -> Scorecard {
        let text = """
            ---
            form: "callprep.debrief-form/1"
            meeting: example
            opportunity: example
            date: 2026-11-26
            process: b2b
            stage: \(example.stage)
            ---

            \(example.markdown)
            """
        let record = try #require(try ParseSupport.parse(text).record)
        return Scorer(process: try process ?? TestSupport.builtinProcess("b2b")).score(record)
    }

    static let examples: [(check: String, example: CheckExample, triggers: Bool)] = CheckRegistry.all.flatMap { check in
        check.description.triggers.map { (check.description.id.rawValue, $0, true) }
            + check.description.passes.map { (check.description.id.rawValue, $0, false) }
    }

    @Test("every example triggers its check, or does not, as it says", arguments: examples.indices)
    func example(index: Int) throws {
        let (id, example, triggers) = Self.examples[index]
        let fired = try Self.scorecard(example).findings.contains { $0.check == id }
        #expect(fired == triggers, "\(id): \(example.name)")
    }

    /// Over every check's examples: a finding about an item leaves that item not met.
    @Test("no finding contradicts a met item", arguments: examples.indices)
    func noFindingContradictsAMetItem(index: Int) throws {
        let card = try Self.scorecard(Self.examples[index].example)
        for finding in card.findings {
            guard let about = CheckRegistry.check(id: finding.check)?.description.item,
                  let item = card.items.first(where: { $0.id == about }) else { continue }
            #expect(item.status != .met, "\(finding.check) beside a met \(about)")
        }
    }

    @Test func everyCheckIDTheProcessMayNameHasItsRule() {
        #expect(CheckRegistry.all.count == CheckID.allCases.count)
        for id in CheckID.allCases {
            #expect(CheckRegistry.check(id).description.id == id, "\(id.rawValue)")
            #expect(CheckRegistry.check(id: id.rawValue)?.description.id == id)
        }
        #expect(CheckRegistry.check(id: "no-such-check") == nil)
    }

    @Test func everyCheckHasExamplesBothWays() {
        #expect(CheckRegistry.all.count >= 7)
        for check in CheckRegistry.all {
            #expect(!check.description.triggers.isEmpty && !check.description.passes.isEmpty, "\(check.description.id)")
        }
        #expect(CheckRegistry.ids == CheckRegistry.ids.sorted())
    }

    @Test func checksDocumentationIsGeneratedFromTheChecks() throws {
        try TestSupport.expectGolden(CheckDocsMarkdown.render(), TestSupport.root.appendingPathComponent("docs/checks.md"))
    }

    @Test func aProcessCanSwitchACheckOffAndChangeAThreshold() throws {
        var process = try TestSupport.builtinProcess("b2b")
        let gap = try #require(CheckRegistry.check(id: "self-assessment-gap")?.description.triggers.first)
        #expect(try Self.scorecard(gap, process: process).findings.contains { $0.check == "self-assessment-gap" })
        process.checks = [CheckSetting(id: .selfAssessmentGap, threshold: 95)]
        #expect(try !Self.scorecard(gap, process: process).findings.contains { $0.check == "self-assessment-gap" })
        process.checks = [CheckSetting(id: .selfAssessmentGap, enabled: false)]
        #expect(try !Self.scorecard(gap, process: process).findings.contains { $0.check == "self-assessment-gap" })
        let dated = try #require(CheckRegistry.check(id: "next-step-dated")?.description.triggers.first)
        #expect(try Self.scorecard(dated, process: process).findings.contains { $0.check == "next-step-dated" })
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(TerminalColor.enabled(isTerminal: true, environment: [:]))
        #expect(!TerminalColor.enabled(isTerminal: false, environment: [:]))
        #expect(!TerminalColor.enabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!TerminalColor.enabled(isTerminal: true, environment: ["TERM": "dumb"]))
        #expect(TerminalColor.enabled(isTerminal: true, environment: ["NO_COLOR": ""]))
    }
}
