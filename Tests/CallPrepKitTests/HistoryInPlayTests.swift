import Foundation
import Testing
@testable import CallPrepKit

/// Issue 23, item 5: a second call at the same stage, as a coach reads it. A milestone an earlier
/// debrief of the deal met is met for the stage: the form shows it met instead of asking again,
/// leaving it open later is neither a miss nor a warning, and the self-assessment is compared
/// with the items still in play. Runs the built binary in a workspace `callprep init` made, whose
/// example debrief (2026-11-26) meets `problems-identified` and `impact-quantified` of Discover,
/// and `meeting-reason-agreed` and `contact-role-known` of Connect.
@Suite("History: an item met earlier is met for the stage")
struct HistoryInPlayTests {
    static let firstDebrief = "debriefs/northwind-2026-11-26.md"
    static let secondDebrief = "debriefs/northwind-2026-12-03.md"
    /// Met by the first debrief, of the stage both calls are at.
    static let metEarlier = ["problems-identified", "impact-quantified"]

    /// A workspace with the example debrief, and a second meeting of the same opportunity at the
    /// same stage a week later.
    static func workspace() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        let made = try CallPrepBinary.run(["init", "ws"], in: folder)
        try #require(made.status == 0, "\(made.stderr)")
        let workspace = folder.appendingPathComponent("ws")
        let meeting = try TestSupport.read(workspace.appendingPathComponent("meetings/northwind-discovery.yaml"))
            .replacingOccurrences(of: "id: northwind-2026-11-26", with: "id: northwind-2026-12-03")
            .replacingOccurrences(of: "date: 2026-11-26", with: "date: 2026-12-03")
        try meeting.write(to: workspace.appendingPathComponent("meetings/northwind-followup.yaml"), atomically: true,
                          encoding: .utf8)
        // The first call's scorecard is the precondition: it met the items this suite is about.
        let first = try scorecard(["score", "--format", "json", firstDebrief], in: workspace)
        for id in metEarlier + ["meeting-reason-agreed", "contact-role-known"] {
            try #require(first.item(id)?["status"] as? String == "met", "the example debrief no longer meets \(id)")
        }
        return workspace
    }

    /// The one scorecard a `score --format json` run printed, and its standard error.
    static func scorecard(_ arguments: [String], in folder: URL) throws -> Card {
        let result = try CallPrepBinary.run(arguments, in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        let cards = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let card = try #require(cards.last)
        return Card(json: card, stderr: result.stderr)
    }

    struct Card {
        let json: [String: Any]
        let stderr: String
        var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }
        var score: Int? { json["score"] as? Int }
        var findings: [String] { (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["check"] as? String } }
        func item(_ id: String) -> [String: Any]? { items.first { $0["id"] as? String == id } }
    }

    /// The form for the second call, as `callprep form` writes it.
    static func form(in workspace: URL, _ extra: [String] = []) throws -> String {
        let result = try CallPrepBinary.run(["form", "meetings/northwind-followup.yaml"] + extra, in: workspace)
        try #require(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    static func write(_ text: String, _ path: String, in workspace: URL) throws {
        try text.write(to: workspace.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    @Test("the form shows a milestone met earlier as met, with its date and file, and does not ask again")
    func formShowsMetEarlier() throws {
        let workspace = try Self.workspace()
        let form = try Self.form(in: workspace)
        for id in Self.metEarlier + ["meeting-reason-agreed", "contact-role-known"] {
            let lines = form.split(separator: "\n").filter { $0.hasPrefix("- [") && $0.contains("`\(id)`") }
            #expect(lines.count == 1, "\(id) appears on \(lines.count) lines")
            let line = try #require(lines.first)
            #expect(line.hasPrefix("- [x] "))
            #expect(line.hasSuffix("`\(id)` — met on 2026-11-26 in \(Self.firstDebrief) <!-- callprep:met-earlier -->"))
        }
        #expect(form.contains(
            "- [x] The customer's problems identified `problems-identified` — met on 2026-11-26 in debriefs/northwind-2026-11-26.md"))
        // Still asked: the stage's milestones no debrief met yet.
        #expect(form.contains("- [ ] How often each problem occurs, in the customer's own numbers `frequency-quantified`"))
    }

    @Test("the form read back: no warning, the items met earlier listed as such, met for the stage")
    func formRoundTrips() throws {
        let workspace = try Self.workspace()
        // A line of the rep's own, so that the form is a call and not an unfilled form (skipped).
        let form = try Self.form(in: workspace).replacingOccurrences(of: "What went well:\n", with: "What went well: kept it short.\n")
        try Self.write(form, Self.secondDebrief, in: workspace)

        let parsed = try CallPrepBinary.run(["parse", Self.secondDebrief], in: workspace)
        #expect(parsed.status == 0)
        #expect(parsed.stderr == "")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String: Any]])
        let record = try #require(records.first)
        #expect((record["diagnostics"] as? [Any])?.isEmpty == true)
        let shown = (record["metEarlier"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(shown == Self.metEarlier + ["meeting-reason-agreed", "contact-role-known"])
        let items = (record["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!items.contains("problems-identified"))

        let check = try CallPrepBinary.run(["check", Self.secondDebrief], in: workspace)
        #expect(!check.stdout.contains("is missing"))
        #expect(!check.stderr.contains("is missing"))

        let card = try Self.scorecard(["score", "--format", "json", Self.secondDebrief], in: workspace)
        #expect(card.stderr == "")
        for id in Self.metEarlier {
            let item = try #require(card.item(id))
            #expect(item["status"] as? String == "met")
            #expect(item["reason"] as? String == "met on 2026-11-26 in \(Self.firstDebrief)")
            #expect((item["earlier"] as? [String: Any])?["source"] as? String == Self.firstDebrief)
            #expect(item["line"] as? Int != nil)
        }
        // The manager reviews only the items in play.
        #expect(!(try Self.form(in: workspace)).contains("| `problems-identified` | | |"))
    }

    @Test("left open on a form that asks again: met from the history in every command, no warning, no false gap")
    func leftOpenLater() throws {
        let workspace = try Self.workspace()
        // A form made without the deal's history (as before issue 23) asks for every milestone.
        let empty = workspace.appendingPathComponent("none")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let asking = try Self.form(in: workspace, ["--debriefs", "none"])
        try #require(asking.contains("- [ ] The customer's problems identified `problems-identified`"))
        // The call met how often the problem occurs; the earlier-met items are left open.
        var filled = asking.replacingOccurrences(
            of: "- [ ] How often each problem occurs, in the customer's own numbers `frequency-quantified`\n\n"
                + "  Evidence (a number the customer gave, e.g. 30 a month):",
            with: "- [x] How often each problem occurs, in the customer's own numbers `frequency-quantified`\n\n"
                + "  Evidence (a number the customer gave, e.g. 30 a month): Mara: \"we had 31 late deliveries in October\".")
        try #require(filled != asking)
        try Self.write(filled, Self.secondDebrief, in: workspace)

        // The score without a self-assessment, then with the highest one the check lets pass over
        // the items in play, which reads as a gap when the items met earlier count as missed.
        let unassessed = try Self.scorecard(["score", "--format", "json", Self.secondDebrief], in: workspace)
        let inPlayItems = unassessed.items.filter { !Self.metEarlier.contains($0["id"] as? String ?? "") }
        func weight(_ items: [[String: Any]]) -> Double { items.reduce(0) { $0 + ($1["weight"] as? Double ?? 0) } }
        let met = weight(inPlayItems.filter { $0["status"] as? String == "met" })
        let applicable = weight(inPlayItems.filter { $0["status"] as? String != "not-applicable" })
        let carried = weight(unassessed.items.filter { Self.metEarlier.contains($0["id"] as? String ?? "") })
        let inPlay = NumberText.percent(met, of: applicable)
        let scoredAsMissed = NumberText.percent(met, of: applicable + carried)
        try #require(carried == 3 && inPlay > 0, "the call must meet something in play")
        let selfScore = min(100, inPlay + 25)
        try #require(selfScore - scoredAsMissed > 25)
        filled = filled.replacingOccurrences(of: "Score (0 to 100):", with: "Score (0 to 100): \(selfScore)")
        try Self.write(filled, Self.secondDebrief, in: workspace)

        func expectMetFromHistory(_ card: Card, _ how: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            for id in Self.metEarlier {
                #expect(card.item(id)?["status"] as? String == "met", "\(how): \(id)", sourceLocation: sourceLocation)
                #expect(card.item(id)?["reason"] as? String == "met on 2026-11-26 in \(Self.firstDebrief)", "\(how)",
                        sourceLocation: sourceLocation)
            }
            #expect(card.item("frequency-quantified")?["status"] as? String == "met", "\(how)", sourceLocation: sourceLocation)
            #expect(card.score == inPlay, "\(how)", sourceLocation: sourceLocation)
            #expect(!card.findings.contains("self-assessment-gap"), "\(how)", sourceLocation: sourceLocation)
            #expect(!card.stderr.contains("is missing"), "\(how): \(card.stderr)", sourceLocation: sourceLocation)
        }
        let alone = try Self.scorecard(["score", "--format", "json", Self.secondDebrief], in: workspace)
        expectMetFromHistory(alone, "one file")
        let folder = try Self.scorecard(["score", "--format", "json", "debriefs"], in: workspace)
        expectMetFromHistory(folder, "the folder")
        #expect(folder.json["source"] as? String == Self.secondDebrief)

        let ingested = try CallPrepBinary.run(["ingest", "debriefs"], in: workspace)
        #expect(ingested.status == 0)
        #expect(!ingested.stderr.contains("is missing"), "\(ingested.stderr)")
        expectMetFromHistory(try Self.scorecard(["score", "--format", "json", Self.secondDebrief], in: workspace),
                             "one file, with the index")

        // The team report counts an item where it was in play: the first call only.
        let report = try CallPrepBinary.run(["report", "--by", "milestone", "--format", "json"], in: workspace)
        #expect(report.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let rows = try #require(json["milestones"] as? [[String: Any]])
        for id in Self.metEarlier {
            let row = try #require(rows.first { $0["id"] as? String == id })
            #expect(row["met"] as? Int == 1 && row["inPlay"] as? Int == 1, "\(id): \(row)")
        }

        // The brief of a third call counts them met too, and does not ask for them.
        let brief = try CallPrepBinary.run(["brief", "meetings/northwind-followup.yaml"], in: workspace)
        let work = try #require(brief.stdout.components(separatedBy: "## What this call must achieve").last)
        #expect(!work.contains("`problems-identified`"))
        #expect(brief.stdout.contains("(`problems-identified`)"))
    }
}
