import Foundation
import Testing
@testable import CallPrepKit

/// A debrief as reps write them, built from its parts: the evidence under each item (nil leaves
/// the box empty), the people met, the next steps, free text.
struct Debrief {
    var stage = "discover"
    var process = "b2b"
    var date = "2026-11-26"
    var items: [String: String?] = Debrief.exemplaryItems
    var people: [[String]] = [["Mara Jensen", "Head of Operations", "champion"],
                              ["Henrik Sorensen", "COO", "decision maker"]]
    var nextSteps: [[String]] = [["Review the savings case with Henrik Sorensen", "Mara Jensen", "2026-12-03"]]
    var pains: [[String]] = [["Late deliveries to key accounts", "EUR 1,200 per late delivery", "30 a month"]]
    var notes = ""
    /// The plan section's items, as the form writes them; none when empty.
    var plan = ""
    var selfScore = 90

    /// What a careful rep writes after a good discovery call: the customer's words, numbers,
    /// names and dates.
    static let exemplaryItems: [String: String?] = [
        "meeting-reason-agreed": "Agreed why we met and that a no is fine if it is not a fit; Mara agreed.",
        "contact-role-known": "Mara Jensen owns dispatch and reports to Henrik Sorensen.",
        "problems-identified": "Missed delivery slots at their biggest accounts; dispatch is rebuilt by hand every week.",
        "impact-quantified": "Mara: \"every delivery that misses its slot sets us back roughly EUR 1,200 in penalties\".",
        "frequency-quantified": "Close to 30 delayed deliveries a month, by their count.",
        "compelling-reason": "Their routing contract ends on 2027-03-31; after that they pay monthly rates.",
        "commitment-to-solve": "Henrik decided to fix dispatch this year and made Mara the project lead.",
        "upfront-agreement": "Purpose, 45 minutes, and that saying no is fine, agreed in the first minutes.",
        "prepared": "Brief written the day before; 40 minutes on the questions.",
        "roles-planned": "N/A: I ran the call alone.",
        "next-step-agreed": "Mara sends the Q3 figures by 2026-11-30.",
        "decision-maker-in-next-step": "Henrik Sorensen joins the savings review on 2026-12-03.",
        "no-premature-presenting": "No demo and no slides; we kept the product out of it.",
    ]

    var markdown: String {
        var out = """
            ---
            form: "callprep.debrief-form/1"
            meeting: "call-\(date)"
            opportunity: "northwind-fleet"
            account: "Northwind Logistics"
            rep: "Dana Whitfield"
            date: "\(date)"
            process: "\(process)"
            stage: "\(stage)"
            ---


            """
        if !plan.isEmpty { out += "## Plan and result <!-- callprep:plan -->\n\n\(plan)\n\n" }
        out += "## Milestones <!-- callprep:milestones -->\n\n"
        for (id, evidence) in items.sorted(by: { $0.key < $1.key }) {
            let indented = (evidence ?? "").replacingOccurrences(of: "\n", with: "\n  ")
            out += "- [\(evidence == nil ? " " : "x")] `\(id)`\n\n  Evidence: \(indented)\n\n"
        }
        func table(_ marker: String, _ header: [String], _ rows: [[String]]) -> String {
            "## \(marker) <!-- callprep:\(marker) -->\n\n| " + header.joined(separator: " | ") + " |\n|"
                + String(repeating: " --- |", count: header.count) + "\n"
                + rows.map { "| " + $0.joined(separator: " | ") + " |\n" }.joined() + "\n"
        }
        out += table("next-steps", ["Action", "Owner", "Due"], nextSteps)
        out += table("pains", ["Problem", "Impact", "Frequency"], pains)
        out += table("people", ["Name", "Title", "Buying role"], people)
        if !notes.isEmpty { out += "## Notes\n\n\(notes)\n\n" }
        out += "## Self-assessment <!-- callprep:self-assessment -->\n\nScore (0 to 100): \(selfScore)\n"
        return out
    }
}

/// One debrief and what a sales coach says of it: the status of the items named, and exactly
/// which checks find something.
struct CoachCase: CustomTestStringConvertible, Sendable {
    let name: String
    let debrief: Debrief
    let statuses: [String: Scorecard.Status]
    /// Words the reason of an item must hold, to show the rep why.
    let reasons: [String: String]
    let findings: Set<String>

    init(_ name: String, _ change: (inout Debrief) -> Void = { _ in }, statuses: [String: Scorecard.Status] = [:],
         reasons: [String: String] = [:], findings: Set<String> = []) {
        self.name = name
        var debrief = Debrief()
        change(&debrief)
        self.debrief = debrief
        self.statuses = statuses
        self.reasons = reasons
        self.findings = findings
    }

    var testDescription: String { name }
}

enum CoachingSupport {
    static func score(_ debriefs: [Debrief]) throws -> [Scorecard] {
        let workspace = try TestSupport.workspace()
        let parser = try workspace.parser()
        let records = try debriefs.enumerated().map { index, debrief in
            let parsed = parser.parse(SourceFile(path: "call-\(index).md", text: debrief.markdown))
            return try #require(parsed.record, "\(parsed.diagnostics)")
        }
        return DealHistories(process: workspace.catalog.lookup).scorecards(records)
    }
}

@Suite("Coaching truth: what the evidence says, as a coach reads it")
struct CoachingTruthTests {
    static let cases: [CoachCase] = [
        .init("an exemplary discovery call gets no finding and meets every item",
              statuses: Dictionary(uniqueKeysWithValues: Debrief.exemplaryItems.keys.map {
                  ($0, $0 == "roles-planned" ? .notApplicable : .met)
              })),
        // Compelling reason
        .init("a feeling is no compelling reason", { $0.items["compelling-reason"] = "The ops lead sounded fed up with it." },
              statuses: ["compelling-reason": .unsupported],
              reasons: ["compelling-reason": "Feelings and wishes are not a compelling reason"],
              findings: ["required-without-evidence"]),
        .init("a wish is no compelling reason", { $0.items["compelling-reason"] = "They would love to have it sorted soon." },
              statuses: ["compelling-reason": .unsupported], reasons: ["compelling-reason": "name the event"],
              findings: ["required-without-evidence"]),
        .init("a feeling beside a dated event is a compelling reason",
              { $0.items["compelling-reason"] = "Mara sounded fed up, and their carrier contract ends in March 2027." },
              statuses: ["compelling-reason": .met]),
        .init("the cost of waiting is a compelling reason",
              { $0.items["compelling-reason"] = "Every month of waiting costs them EUR 36,000 in penalties." },
              statuses: ["compelling-reason": .met]),
        // Impact
        .init("our benchmark is not their impact",
              { $0.items["impact-quantified"] = "About EUR 40k a quarter, the industry benchmark for a fleet this size." },
              statuses: ["impact-quantified": .unsupported], reasons: ["impact-quantified": "benchmarks"],
              findings: ["required-without-evidence"]),
        .init("our own estimate is not their impact",
              { $0.items["impact-quantified"] = "We estimate EUR 50k a year from our ROI calculator." },
              statuses: ["impact-quantified": .unsupported], reasons: ["impact-quantified": "not the customer's impact"],
              findings: ["required-without-evidence"]),
        .init("an amount with nobody's name on it is not the customer's number",
              { $0.items["impact-quantified"] = "EUR 1,200 per late delivery." },
              statuses: ["impact-quantified": .unsupported], reasons: ["impact-quantified": "say whose figure it is"],
              findings: ["required-without-evidence"]),
        .init("their figure beside our benchmark is their impact",
              { $0.items["impact-quantified"] = "Mara said it costs them EUR 40k a quarter, twice the industry average." },
              statuses: ["impact-quantified": .met]),
        .init("a figure someone named gave is their impact",
              { $0.items["impact-quantified"] = "EUR 1,200 per late delivery, Mara's figure." },
              statuses: ["impact-quantified": .met]),
        .init("a lot of money is no amount", { $0.items["impact-quantified"] = "Mara said it costs them a lot of money." },
              statuses: ["impact-quantified": .unsupported], reasons: ["impact-quantified": "has no amount"],
              findings: ["required-without-evidence"]),
        // Commitment
        .init("a request for a quote is no commitment", { $0.items["commitment-to-solve"] = "They asked for a quote by Friday." },
              statuses: ["commitment-to-solve": .unsupported], reasons: ["commitment-to-solve": "is not a commitment to solve"],
              findings: ["required-without-evidence"]),
        .init("wanting a demo is no commitment", { $0.items["commitment-to-solve"] = "Henrik wants a demo next week." },
              statuses: ["commitment-to-solve": .unsupported],
              findings: ["required-without-evidence"]),
        .init("interest is no commitment", { $0.items["commitment-to-solve"] = "They seemed very interested in fixing it." },
              statuses: ["commitment-to-solve": .unsupported], reasons: ["commitment-to-solve": "are not a commitment"],
              findings: ["required-without-evidence"]),
        // People
        .init("two capitalised words are no one the deal knows",
              { $0.items["contact-role-known"] = "Spoke with Jo Bloggs about the rollout." },
              statuses: ["contact-role-known": .unsupported], reasons: ["contact-role-known": "names no one on the customer's side"],
              findings: ["required-without-evidence", "stage-ahead-of-evidence"]),
        .init("a role without a name is no person", { $0.items["contact-role-known"] = "The CFO owns the budget." },
              statuses: ["contact-role-known": .unsupported],
              findings: ["required-without-evidence", "stage-ahead-of-evidence"]),
        .init("a first name of someone met names them", { $0.items["contact-role-known"] = "Henrik signs off on budget." },
              statuses: ["contact-role-known": .met]),
        // The up-front agreement and the reason for the meeting
        .init("an up-front agreement without its possible outcomes",
              { $0.items["upfront-agreement"] = "Agreed the agenda and 45 minutes." },
              statuses: ["upfront-agreement": .unsupported], reasons: ["upfront-agreement": "names no possible outcome"]),
        .init("outcomes agreed, but which, and is no fine?",
              { $0.items["meeting-reason-agreed"] = "Purpose and outcomes agreed at the start." },
              statuses: ["meeting-reason-agreed": .unsupported],
              findings: ["required-without-evidence", "stage-ahead-of-evidence"]),
        // Preparation
        .init("a glance at the website is no preparation",
              { $0.items["prepared"] = "Looked at their website five minutes before the call." },
              statuses: ["prepared": .unsupported], reasons: ["prepared": "less than 30 minutes"],
              findings: ["no-prep-brief"]),
        .init("half an hour of preparation counts", { $0.items["prepared"] = "Spent 30 minutes on their annual report and the questions." },
              statuses: ["prepared": .met]),
        .init("no brief is no preparation", { $0.items["prepared"] = "No brief this time, I knew them well." },
              statuses: ["prepared": .unsupported], findings: ["no-prep-brief"]),
        // Presenting, and its negations
        .init("a demo while discovery is open is presenting, and the practice is not met", {
            $0.items["commitment-to-solve"] = nil
            $0.items["no-premature-presenting"] = "Gave the full demo of the routing screens."
        }, statuses: ["no-premature-presenting": .unsupported, "commitment-to-solve": .missed],
              reasons: ["no-premature-presenting": "presenting-before-discovery"], findings: ["presenting-before-discovery"]),
        .init("pricing shown while discovery is open is presenting", {
            $0.items["commitment-to-solve"] = nil
            $0.notes = "Walked Henrik through our pricing at the end."
        }, statuses: ["no-premature-presenting": .unsupported], findings: ["presenting-before-discovery"]),
        .init("\"didn't show slides\", \"did not present\", \"no pricing yet\" are not presenting", {
            $0.items["commitment-to-solve"] = nil
            $0.items["no-premature-presenting"] = "We didn't show slides and did not present."
            $0.notes = "No pricing yet. Kept the product out of it."
        }, statuses: ["no-premature-presenting": .met, "commitment-to-solve": .missed]),
        .init("things held back, listed, are not presenting", {
            $0.items["commitment-to-solve"] = nil
            $0.items["no-premature-presenting"] = "Things I kept off the screen:\n\n- the dispatch board\n- the price list"
        }, statuses: ["no-premature-presenting": .met]),
        // Next steps
        .init("a next step without a date: the practice is not met", {
            $0.nextSteps = [["Review the savings case with Henrik Sorensen", "Mara Jensen", "after the board meets"]]
        }, statuses: ["next-step-agreed": .unsupported], reasons: ["next-step-agreed": "next-step-dated"],
              findings: ["next-step-dated"]),
        .init("a next step with the decision maker's first name involves them", {
            $0.nextSteps = [["Henrik reviews the savings case", "Mara Jensen", "2026-12-03"]]
        }, statuses: ["decision-maker-in-next-step": .met]),
        .init("a next step without the decision maker: the practice is not met", {
            $0.nextSteps = [["Send the Q3 figures", "Mara Jensen", "2026-11-30"]]
        }, statuses: ["decision-maker-in-next-step": .unsupported], findings: ["next-step-decision-maker"]),
        // Promises, champions, the decision level
        .init("pricing promised while discovery is open", {
            $0.items["commitment-to-solve"] = nil
            $0.nextSteps.append(["Send pricing for 40 trucks", "Dana Whitfield", "2026-12-01"])
        }, statuses: ["commitment-to-solve": .missed], findings: ["proposal-before-discovery"]),
        .init("a Common fit call with users only: no decision level", {
            $0.stage = "common-fit"
            $0.people = [["Tom Okafor", "Dispatch Lead", "user"]]
        }, findings: ["relationship-vendor-level", "next-step-decision-maker"]),
        .init("a champion past discovery who has only been friendly", {
            $0.stage = "common-fit"
            $0.items["common-fit-agreed"] = "Both lists agreed out loud: they need SAP TM integration, we need Tom as owner."
            $0.items["contact-role-known"] = "Mara Jensen owns dispatch."
        }, findings: ["champion-untested"]),
        .init("a champion who introduced us is tested", {
            $0.stage = "common-fit"
            $0.items["common-fit-agreed"] = "Mara introduced us to Henrik and shared their Q3 data; they need SAP TM integration, we need Tom as owner."
        }),
        // The plan against the result
        .init("an exemplary call that reached its plan", {
            $0.plan = """
                - [x] Minimum outcome reached `outcome-minimum`: Mara shares last quarter's figures.

                  Evidence: Mara sends them by 2026-11-30.

                - [x] Dana Whitfield did their task `task-dana-whitfield`: Runs the call.
                """
        }),
        .init("a call below its minimum outcome", {
            $0.plan = """
                - [ ] Minimum outcome reached `outcome-minimum`: Mara shares last quarter's figures.

                  Evidence: Finance owns them; not this week.
                """
        }, findings: ["below-minimum-outcome"]),
        .init("a colleague along for the ride: roles not planned, whatever the N/A says", {
            $0.plan = """
                - [x] Luis Ortega did their task `task-luis-ortega`: no task planned

                  Evidence: Luis joined and talked about the routing screens.
                """
        }, statuses: ["roles-planned": .missed], reasons: ["roles-planned": "colleague-without-task"],
              findings: ["colleague-without-task"]),
        .init("roles marked not applicable although a colleague came", {
            $0.plan = """
                - [x] Luis Ortega did their task `task-luis-ortega`: Asks how schedules are built today.

                  Evidence: He asked, and Tom walked us through the spreadsheet.
                """
        }, statuses: ["roles-planned": .missed], findings: ["colleague-without-task"]),
        .init("a colleague who could not come leaves the roles not applicable", {
            $0.plan = """
                - [ ] Luis Ortega did their task `task-luis-ortega`: Asks how schedules are built today.

                  Evidence: N/A: Luis could not join.
                """
        }, statuses: ["roles-planned": .notApplicable]),
        // Pains
        .init("a pain without its impact: the impact item is not met", {
            $0.pains = [["Late deliveries to key accounts", "costly", "often"]]
        }, statuses: ["impact-quantified": .unsupported], findings: ["pains-quantified"]),
    ]

    @Test("each debrief gets the verdicts a coach gives", arguments: cases)
    func verdicts(_ testCase: CoachCase) throws {
        let card = try #require(try CoachingSupport.score([testCase.debrief]).first)
        for (id, status) in testCase.statuses {
            let item = try #require(card.items.first { $0.id == id }, "\(id) is not in play")
            #expect(item.status == status, "\(id): \(item.reason)")
        }
        for (id, words) in testCase.reasons {
            let reason = card.items.first { $0.id == id }?.reason ?? ""
            #expect(reason.contains(words), "\(id): \(reason)")
        }
        #expect(Set(card.findings.map(\.check)) == testCase.findings, "\(card.findings.map(\.message))")
        // No finding contradicts a met item.
        for finding in card.findings {
            let about = CheckRegistry.check(id: finding.check)?.description.item
            #expect(card.items.first { $0.id == about }?.status != .met, "\(finding.check) beside a met \(about ?? "")")
        }
    }

    /// The same evidence claimed at different stages: the same statuses and evidenced stage; the
    /// claim decides only what is in play and whether the deal is ready to advance.
    @Test(arguments: [("discover", "common-fit"), ("connect", "propose"), ("discover", "commit")])
    func identicalEvidenceGivesIdenticalVerdictsWhateverStageIsClaimed(_ first: String, _ second: String) throws {
        var debrief = Debrief()
        debrief.items["common-fit-agreed"] = "Both lists agreed out loud: their volume, our integration."
        debrief.items["decision-maker-engaged"] = "Henrik Sorensen sat in on the second half and asked about the pilot."
        let cards = try [first, second].map { stage -> Scorecard in
            var claimed = debrief
            claimed.stage = stage
            return try #require(try CoachingSupport.score([claimed]).first)
        }
        #expect(cards[0].stage.evidenced == cards[1].stage.evidenced)
        #expect(cards[0].stage.evidenced == "discover")
        let statuses = cards.map { Dictionary(uniqueKeysWithValues: $0.items.map { ($0.id, $0.status) }) }
        for (id, status) in statuses[0] where statuses[1][id] != nil {
            #expect(statuses[1][id] == status, "\(id)")
        }
        let process = try TestSupport.builtinProcess("b2b")
        for card in cards {
            let evidenced = card.stage.evidenced.flatMap(process.stageIndex) ?? -1
            #expect(card.readyToAdvance == (evidenced >= (process.stageIndex(card.stage.claimed) ?? 0)), "\(card.stage)")
        }
    }

    /// The decision maker met on an earlier call of the deal is known on the next one: a next step
    /// naming them involves the decision maker, and the debrief need not list them again.
    @Test func peopleMetEarlierInTheDealAreKnownLater() throws {
        var first = Debrief()
        first.date = "2026-11-19"
        var second = Debrief()
        second.people = [["Mara Jensen", "Head of Operations", "champion"]]
        second.nextSteps = [["Henrik reviews the savings case", "Mara Jensen", "2026-12-03"]]
        let cards = try CoachingSupport.score([first, second])
        let later = try #require(cards.last)
        #expect(later.history?.count == 1 && later.history?.first.source == "call-0.md")
        #expect(!later.findings.contains { $0.check == "next-step-decision-maker" }, "\(later.findings)")
        #expect(later.items.first { $0.id == "decision-maker-in-next-step" }?.status == .met)
        let alone = try #require(try CoachingSupport.score([second]).first)
        #expect(alone.findings.contains { $0.check == "next-step-decision-maker" })
    }

    /// A brief in the workspace's `briefs/`, written on or before the day of the call, shows the
    /// call was prepared, ticked or not; one written after the call shows nothing.
    @Test(arguments: [("2026-11-25", true), ("2026-11-26", true), ("2026-11-27", false)])
    func aBriefWrittenBeforeTheCallIsItsPreparation(written: String, counts: Bool) throws {
        let folder = try TestSupport.temporaryFolder()
        _ = try WorkspaceInitializer.create(at: folder.path)
        let debrief = folder.appendingPathComponent("debriefs/northwind-2026-11-26.md")
        let unprepared = try TestSupport.read(debrief).replacingOccurrences(
            of: "- [x] Prepared beforehand `prepared`\n\n  Evidence (your written plan, or how long you prepared): "
                + "Brief in the CRM, written the day before.",
            with: "- [ ] Prepared beforehand `prepared`")
        try unprepared.write(to: debrief, atomically: true, encoding: .utf8)
        let workspace = try Workspace(folder: folder.path)
        func prepared() throws -> (Scorecard.Item?, [String]) {
            let output = folder.appendingPathComponent("card.json").path
            _ = try workspace.score([debrief.path], format: .json, minScore: nil, maxBytes: 1 << 20, color: false,
                                    to: OutputTarget(path: output, force: true), report: { _ in })
            let card = try #require(try JSONDecoder().decode([Scorecard].self, from: Data(contentsOf: URL(fileURLWithPath: output))).first)
            return (card.items.first { $0.id == "prepared" }, card.findings.map(\.check))
        }
        #expect(try prepared().0?.status == .missed)
        #expect(try prepared().1.contains("no-prep-brief"))

        try FileManager.default.createDirectory(at: folder.appendingPathComponent("briefs"), withIntermediateDirectories: true)
        workspace.today = written
        let brief = folder.appendingPathComponent("briefs/northwind.md").path
        try workspace.brief(meeting: folder.appendingPathComponent("meetings/northwind-discovery.yaml").path, index: nil,
                            debriefs: nil, to: OutputTarget(path: brief), report: { _ in })
        #expect(BriefStamp(in: try String(contentsOfFile: brief, encoding: .utf8))
                == BriefStamp(meeting: "northwind-2026-11-26", written: written))
        let (item, findings) = try prepared()
        #expect(item?.status == (counts ? .met : .missed))
        #expect(findings.contains("no-prep-brief") == !counts, "\(findings)")
        if counts { #expect(item?.reason == "a brief for this meeting was written on \(written)") }
    }

    /// Every rule's documented examples (docs/checks.md) get the verdict the documentation gives.
    @Test(arguments: EvidenceRuleExamples.all.indices)
    func eachRuleAcceptsAndRefusesWhatItsDocumentationSays(_ index: Int) throws {
        let example = EvidenceRuleExamples.all[index]
        var record = DebriefRecord(source: "d.md", meeting: .init(id: "m", date: "2026-11-26", account: nil,
                                                                  opportunity: nil, rep: nil, stage: "discover"),
                                   process: .init(id: "b2b", version: "1.0"))
        record.people = [.init(name: "Mara Jensen", title: nil, role: "champion", line: 1),
                         .init(name: "Henrik Sorensen", title: "COO", role: "decision maker", line: 2)]
        let process = try TestSupport.builtinProcess("b2b")
        let judge = EvidenceJudge(process: process, people: PeoplePicture(record: record))
        #expect(judge.problem(example.passes, rule: example.evidence) == nil, "\(example.rule): \(example.passes)")
        #expect(judge.problem(example.fails, rule: example.evidence) != nil, "\(example.rule): \(example.fails)")
    }
}
