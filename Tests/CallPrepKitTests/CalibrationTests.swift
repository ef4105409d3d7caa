import Foundation
import Testing
@testable import CallPrepKit

/// Issue 23, item 6: calibration a coach would sign (DESIGN section 6). Whole debriefs of one
/// discovery call, filled three ways, through the built binary: `callprep init`, a meeting of a new
/// opportunity (Fixtures/calibration/ashgrove-discovery.yaml: a regional hospital's estates and
/// facilities team), the real form from `callprep form`, filled line by line as a rep fills it,
/// saved under debriefs/ and scored with `callprep score --format json`.
///
/// - An exemplary call scores 90 or more, with no finding at all.
/// - A disciplined call that ends in a clear, early "no" scores high, and is not blamed for the
///   commitment it rightly did not claim.
/// - A call whose ticked boxes hold our own material scores low, and its self-assessment shows a gap.
@Suite("Calibration: whole debriefs rank as a coach ranks them")
struct CalibrationTests {
    static let meeting = TestSupport.fixture("calibration/ashgrove-discovery.yaml")
    static let debrief = "debriefs/ashgrove-2026-11-17.md"

    // MARK: - The three calls

    /// Every milestone of the stage and every practice evidenced as a coach wants it: their own
    /// numbers with whose they are, a dated event, the outcomes (no included) agreed up front, a
    /// written plan, a dated step a customer person owns with their decision maker in it, and
    /// nothing presented.
    static let exemplary = Debrief(
        name: "exemplary",
        answers: [
            .ticked("outcome-best", "Gwen and Rafael costed the downtime themselves, and Gwen booked Colette Brandt into the review on 2026-12-01."),
            .ticked("outcome-minimum", "Both sides agreed there is a reason for a second meeting."),
            .ticked("task-owen-achterberg", "Ran the opening agreement, then asked what each breakdown costs and why now."),
            .ticked("task-nadia-fairbrook", "Asked how a work order is raised; Rafael walked us through the whiteboard and the spreadsheet."),
            .ticked("problems-identified", "When a theatre air handler or a steriliser fails, Rafael pulls engineers off planned jobs and the planned maintenance backlog grows."),
            .ticked("impact-quantified", "Per Gwen's finance pack, each theatre session lost to an air-handling fault costs the hospital about GBP 9,500."),
            .ticked("frequency-quantified", "Rafael's maintenance log shows 14 theatre sessions lost in the last twelve months, and about 35 planned jobs deferred a month."),
            .ticked("compelling-reason", "Their CQC inspection is due in April 2027, and Gwen said deferred maintenance was the inspectors' main finding last time."),
            .ticked("commitment-to-solve", "Gwen has ring-fenced GBP 60k in the 2027/28 estates budget for this and named Rafael to lead it, with or without us."),
            .ticked("meeting-reason-agreed", "Gwen took the call to see whether planned maintenance software could stop theatre downtime; we agreed at the start that if it is not a fit, either side says so and we stop there."),
            .ticked("contact-role-known", "Gwen Abernathy owns the estates budget and reports to Colette Brandt, the Finance Director, who signs anything over GBP 25k."),
            .ticked("upfront-agreement", "In the first three minutes we agreed the purpose, the hour, Nadia's part, and that a no at the end is a fine outcome."),
            .ticked("prepared", "Wrote the call plan the day before and went through it with Nadia; it is in the CRM."),
            .ticked("roles-planned", "I opened and ran the agreement; Nadia asked how work orders are raised; nobody presented."),
            .ticked("next-step-agreed", "Gwen booked a 45-minute review of the downtime figures for 2026-12-01 and sent the invite during the call."),
            .ticked("decision-maker-in-next-step", "Colette Brandt, the Finance Director, joins the 2026-12-01 review Gwen booked."),
            .ticked("no-premature-presenting", "No demo and no slides: Nadia kept the scheduling screens closed, since cost and commitment came first."),
        ],
        nextSteps: [
            ["Review the downtime figures with Colette Brandt", "Gwen Abernathy", "2026-12-01"],
            ["Send the theatre downtime log", "Rafael Quint", "2026-11-24"],
        ],
        pains: [
            ["Breakdowns of theatre air handling and sterile services equipment", "GBP 9,500 per lost theatre session (Gwen's finance pack)", "14 sessions in the last 12 months"],
            ["Planned maintenance tasks slip when engineers are pulled onto breakdowns", "about 35 planned jobs deferred a month (Rafael's log)", "monthly"],
        ],
        selfScore: 90,
        wentWell: "Gwen and Rafael sized the problem in their own figures, and the finance director is in the next step.")

    /// Discovery done with care, and it shows there is no project: no event, a small cost, no money
    /// this year. Both sides agree to stop, as agreed up front; the rep leaves the commitment and
    /// the compelling reason open and says why.
    static let clearNo = Debrief(
        name: "clear no",
        answers: [
            .open("outcome-best", "Not reached: the cost is too small for a project this year."),
            .ticked("outcome-minimum", "Both sides agreed there is no reason for a second meeting now."),
            .ticked("task-owen-achterberg", "Ran the agreement and asked the cost and urgency questions."),
            .ticked("task-nadia-fairbrook", "Asked how work orders are raised; Rafael showed us his whiteboard."),
            .ticked("problems-identified", "Breakdowns of the older sterilisers push routine jobs back a day or two, and Rafael re-plans the week by hand."),
            .ticked("impact-quantified", "Rafael's own log: about 6 engineer-hours a month go on re-planning."),
            .ticked("frequency-quantified", "Rafael counts two or three re-plans a month."),
            .open("compelling-reason", "Honestly none: no inspection finding, no deadline, and the spreadsheet copes."),
            .open("commitment-to-solve", "Left open on purpose: Gwen said they will not fund or staff this in 2027, and we agreed that is the right call."),
            .ticked("meeting-reason-agreed", "Gwen wanted to know whether scheduling software was worth a project; we agreed up front that either answer is fine, and that a clear no ends it there."),
            .ticked("contact-role-known", "Gwen Abernathy holds the estates budget; anything over GBP 25k goes to Colette Brandt, the Finance Director."),
            .ticked("upfront-agreement", "First minutes: purpose, one hour, and that a clear no is a good way for the call to end."),
            .ticked("prepared", "Call plan written the afternoon before, with the cost and urgency questions."),
            .ticked("roles-planned", "Owen ran the agreement and the cost questions; Nadia asked about work orders; no demo planned."),
            .ticked("next-step-agreed", "Gwen tells Colette Brandt by 2026-11-20 that the project is parked, and copies me."),
            .ticked("decision-maker-in-next-step", "Colette Brandt hears the decision from Gwen by 2026-11-20."),
            .ticked("no-premature-presenting", "Nothing presented; the demo stayed off the table once it was clear there was no project."),
        ],
        nextSteps: [
            ["Tell Colette Brandt the project is parked, copying Owen", "Gwen Abernathy", "2026-11-20"],
        ],
        pains: [
            ["Breakdowns of theatre air handling and sterile services equipment", "2 steriliser trays re-processed a month (Rafael's log)", "2 a month"],
            ["Planned maintenance tasks slip when engineers are pulled onto breakdowns", "about 6 engineer-hours a month of re-planning (Rafael's log)", "2 or 3 times a month"],
        ],
        selfScore: 75,
        wentWell: "We found out in one call that there is no project, and nobody's time was wasted.")

    /// Every box ticked, each with our own material, hedges or wishes; a generous self-assessment.
    static let ownMaterial = Debrief(
        name: "own material",
        answers: [
            .ticked("outcome-best", "Hopefully Gwen brings the finance director next time."),
            .ticked("outcome-minimum", "I think there is a second meeting in it."),
            .ticked("task-owen-achterberg", "Ran the call."),
            .ticked("task-nadia-fairbrook", "Gave the demo."),
            .ticked("problems-identified", "They need our scheduling module to replace the whiteboard."),
            .ticked("impact-quantified", "I reckon downtime costs them around GBP 400k a year, going by our ROI calculator."),
            .ticked("frequency-quantified", "Industry average is roughly 20 breakdowns a month for a site like theirs."),
            .ticked("compelling-reason", "Gwen seemed keen to move quickly, hopefully before the inspection."),
            .ticked("commitment-to-solve", "Gwen asked for pricing and a proposal by Friday."),
            .ticked("meeting-reason-agreed", "Agenda and timings agreed at the start."),
            .ticked("contact-role-known", "Gwen probably signs, TBC."),
            .ticked("upfront-agreement", "Agreed the agenda and that Nadia would show the product at the end."),
            .ticked("prepared", "Skimmed their website in the car park."),
            .ticked("roles-planned", "Nadia would jump in where needed, TBC."),
            .ticked("next-step-agreed", "Gwen will introduce us to the CFO soon."),
            .ticked("decision-maker-in-next-step", "Hopefully the finance director joins at some point."),
            .ticked("no-premature-presenting", "Nadia gave a quick demo of the planner at the end and they loved it."),
        ],
        nextSteps: [
            ["Send the proposal at our list price", "Owen Achterberg", "TBC"],
        ],
        pains: [
            ["Breakdowns of theatre air handling and sterile services equipment", "GBP 400k a year per our ROI calculator", "often"],
            ["Planned maintenance tasks slip when engineers are pulled onto breakdowns", "a lot", ""],
        ],
        selfScore: 88,
        wentWell: "Great rapport, they loved the demo.")

    // MARK: - The tests

    @Test("an exemplary discovery call scores 90 or more, every item met, and no finding at all")
    func exemplaryCall() throws {
        let card = try Self.exemplary.scorecard()
        #expect(card.score >= 90, "\(card)")
        #expect(card.findings.isEmpty, "\(card)")
        let notMet = card.items.filter { $0.status != "met" }
        #expect(notMet.isEmpty, "\(notMet.map { "\($0.id): \($0.status), \($0.reason)" })")
    }

    @Test("a disciplined call that ends in a clear no scores high, and is not blamed for the commitment it did not claim")
    func clearNoCall() throws {
        let card = try Self.clearNo.scorecard()
        let own = try Self.ownMaterial.scorecard()
        #expect(card.score >= 70, "\(card)")
        #expect(card.score > own.score, "clear no \(card.score), own material \(own.score)")

        let commitment = try #require(card.item("commitment-to-solve"))
        #expect(commitment.status == "missed", "\(commitment)")
        #expect(commitment.status != "unsupported")
        // No finding about it: no check whose item it is, none that names it or points at its line.
        let checksAboutIt = Set(CheckRegistry.all.filter { $0.description.item == "commitment-to-solve" }.map(\.description.id.rawValue))
        let title = "The customer's commitment to solve the problem"
        let aboutIt = card.findings.filter {
            checksAboutIt.contains($0.check) || $0.message.contains("commitment-to-solve") || $0.message.contains(title)
                || ($0.line != nil && $0.line == commitment.line)
        }
        #expect(aboutIt.isEmpty, "\(aboutIt)")
        // Open with an honest note is what it is: no unsupported claim among the items left open.
        #expect(card.item("compelling-reason")?.status == "missed")
    }

    @Test("a call that ticks every box with our own material scores under 40, with the self-assessment gap")
    func ownMaterialCall() throws {
        let card = try Self.ownMaterial.scorecard()
        #expect(card.selfScore == 88)
        #expect(card.claimedScore == 100, "\(card)")
        #expect(card.score < 40, "\(card)")
        #expect(card.findings.contains { $0.check == "self-assessment-gap" }, "\(card.findings)")
    }

    @Test("the ranking a coach gives: exemplary above the clear no, the clear no above our own material")
    func ranking() throws {
        let exemplary = try Self.exemplary.scorecard().score
        let clearNo = try Self.clearNo.scorecard().score
        let ownMaterial = try Self.ownMaterial.scorecard().score
        #expect(exemplary > clearNo, "exemplary \(exemplary), clear no \(clearNo)")
        #expect(clearNo > ownMaterial, "clear no \(clearNo), own material \(ownMaterial)")
    }

    // MARK: - Filling the form

    /// One debrief of the call: the answers a rep writes into the generated form.
    struct Debrief: CustomStringConvertible {
        let name: String
        let answers: [Answer]
        let nextSteps: [[String]]
        let pains: [[String]]
        let selfScore: Int
        let wentWell: String

        var description: String { name }

        /// An item of the form, by its id: its box, and the evidence written after its label.
        struct Answer {
            let id: String
            let ticked: Bool
            let evidence: String

            static func ticked(_ id: String, _ evidence: String) -> Answer { Answer(id: id, ticked: true, evidence: evidence) }
            /// Left open, with an honest note.
            static func open(_ id: String, _ evidence: String) -> Answer { Answer(id: id, ticked: false, evidence: evidence) }
        }

        /// `form` as the rep fills it: boxes ticked, evidence after each `Evidence (...):` label,
        /// the tables' rows and the self-assessment written in. Fails when the form has no place
        /// for an answer, so that a change of the form cannot leave an answer out unnoticed.
        func filled(_ form: String) throws -> String {
            var lines = form.components(separatedBy: "\n")
            for answer in answers {
                let box = try #require(lines.firstIndex { $0.hasPrefix("- [ ] ") && $0.contains("`\(answer.id)`") },
                                       "the form has no open box for \(answer.id)")
                if answer.ticked { lines[box] = "- [x] " + lines[box].dropFirst(6) }
                let label = try #require(lines[(box + 1)...].firstIndex { $0.hasPrefix("  Evidence (") },
                                         "no evidence label under \(answer.id)")
                try #require(lines[label].hasSuffix("):"), "the label under \(answer.id) is not empty: \(lines[label])")
                lines[label] += " " + answer.evidence
            }
            var text = lines.joined(separator: "\n")
            text = try Self.rows(of: "| Action | Owner | Due (YYYY-MM-DD) | State (open, done, dropped) | Since |", in: text, nextSteps)
            text = try Self.rows(of: "| Problem | Impact | Frequency |", in: text, pains)
            text = try Self.rows(of: "| Name | Title | Buying role | New or known |", in: text, [
                ["Gwen Abernathy", "Director of Estates and Facilities", "champion", "known"],
                ["Rafael Quint", "Maintenance Planning Lead", "user", "known"],
            ])
            text = try Self.replacing("Score (0 to 100):\n", with: "Score (0 to 100): \(selfScore)\n", in: text)
            return try Self.replacing("What went well:\n", with: "What went well: \(wentWell)\n", in: text)
        }

        /// `text` with the rows of the table under `header` replaced by `rows`.
        static func rows(of header: String, in text: String, _ rows: [[String]]) throws -> String {
            let head = try #require(text.range(of: header + "\n"), "no table \(header)")
            let separator = try #require(text.range(of: "\n", range: head.upperBound..<text.endIndex))
            let end = text.range(of: "\n\n", range: separator.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
            let body = rows.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n")
            return text.replacingCharacters(in: separator.upperBound..<end, with: body)
        }

        static func replacing(_ old: String, with new: String, in text: String) throws -> String {
            let replaced = text.replacingOccurrences(of: old, with: new)
            try #require(replaced != text && text.components(separatedBy: old).count == 2, "the form has no single '\(old)'")
            return replaced
        }

        /// A fresh workspace from `callprep init`, the meeting, its form filled and saved under
        /// debriefs/, and its scorecard.
        func scorecard() throws -> Card {
            let folder = try TestSupport.temporaryFolder()
            let made = try CallPrepBinary.run(["init", "ws"], in: folder)
            try #require(made.status == 0, "\(made.stderr)")
            let workspace = folder.appendingPathComponent("ws")
            try FileManager.default.copyItem(at: CalibrationTests.meeting,
                                             to: workspace.appendingPathComponent("meetings/ashgrove-discovery.yaml"))
            let form = try CallPrepBinary.run(["form", "meetings/ashgrove-discovery.yaml"], in: workspace)
            try #require(form.status == 0, "\(form.stderr)")
            try filled(form.stdout).write(to: workspace.appendingPathComponent(CalibrationTests.debrief), atomically: true,
                                          encoding: .utf8)

            let scored = try CallPrepBinary.run(["score", CalibrationTests.debrief, "--format", "json"], in: workspace)
            try #require(scored.status == 0, "\(scored.stderr)")
            let cards = try #require(try JSONSerialization.jsonObject(with: Data(scored.stdout.utf8)) as? [[String: Any]])
            try #require(cards.count == 1)
            return try Card(name: name, json: cards[0])
        }
    }

    /// The parts of a JSON scorecard these tests read.
    struct Card: CustomStringConvertible {
        struct Item { let id, status, reason: String; let line: Int? }
        struct Finding { let check, message: String; let line: Int? }

        let name: String
        let score: Int
        let claimedScore: Int?
        let selfScore: Int?
        let items: [Item]
        let findings: [Finding]

        init(name: String, json: [String: Any]) throws {
            self.name = name
            score = try #require(json["score"] as? Int)
            claimedScore = json["claimedScore"] as? Int
            selfScore = json["selfScore"] as? Int
            items = (json["items"] as? [[String: Any]] ?? []).map {
                Item(id: $0["id"] as? String ?? "", status: $0["status"] as? String ?? "", reason: $0["reason"] as? String ?? "",
                     line: $0["line"] as? Int)
            }
            findings = (json["findings"] as? [[String: Any]] ?? []).map {
                Finding(check: $0["check"] as? String ?? "", message: $0["message"] as? String ?? "", line: $0["line"] as? Int)
            }
        }

        func item(_ id: String) -> Item? { items.first { $0.id == id } }

        /// The score, each item not met with its reason, and each finding: what a failure needs to show.
        var description: String {
            (["\(name): score \(score)"] + items.filter { $0.status != "met" }.map { "  \($0.id): \($0.status), \($0.reason)" }
                + findings.map { "  finding \($0.check): \($0.message)" }).joined(separator: "\n")
        }
    }
}
