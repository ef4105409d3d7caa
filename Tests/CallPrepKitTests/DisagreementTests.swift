import Foundation
import Testing
@testable import CallPrepKit
import CallPrepCorpus

/// `callprep report --disagreements` and the review figures of the HTML report, through the built
/// binary, against what the corpus generator wrote into the reviews (`CorpusGenerator.lastReview`)
/// and what `callprep score` says of each item.
@Suite("Disagreements between managers and the judge", .serialized)
struct DisagreementTests {
    /// A generated corpus under `debriefs/`, and the review the generator wrote into each file.
    static func corpus(_ count: Int, seed: UInt64) throws -> (folder: URL, reviews: [String: CorpusReview], texts: [String: String]) {
        let folder = try TestSupport.temporaryFolder()
        var generator = try CorpusGenerator(seed: seed, templates: TemplateSet.load(workspace: folder.path))
        var reviews: [String: CorpusReview] = [:], texts: [String: String] = [:]
        for index in 0..<count {
            let (name, text) = try generator.debrief(index)
            try OutputFile.write(text, to: folder.appendingPathComponent("debriefs/\(name)").path, force: false, createFolders: true)
            texts["debriefs/" + name] = text
            if let review = generator.lastReview { reviews["debriefs/" + name] = review }
        }
        return (folder, reviews, texts)
    }

    static func report(_ arguments: [String], in folder: URL) throws -> DisagreementReport {
        let run = try CallPrepBinary.run(["report", "--disagreements", "--format", "json"] + arguments, in: folder)
        try #require(run.status == 0, "\(run.stderr)")
        return try JSONDecoder().decode(DisagreementReport.self, from: Data(run.stdout.utf8))
    }

    /// Each debrief's scorecard items, from `callprep score --format json`, by path.
    static func scorecards(in folder: URL) throws -> [String: [[String: Any]]] {
        let run = try CallPrepBinary.run(["score", "debriefs", "--format", "json"], in: folder)
        try #require(run.status == 0 || run.status == 1, "\(run.stderr)")
        let cards = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: cards.map { ($0["source"] as? String ?? "", $0["items"] as? [[String: Any]] ?? []) })
    }

    @Test func countsAndDirectionsAreTheGeneratedReviews() throws {
        let (folder, reviews, _) = try Self.corpus(250, seed: 21)
        let report = try Self.report([], in: folder)
        let cards = try Self.scorecards(in: folder)

        // What the generator answered, on the items in play (an item an earlier debrief of the
        // deal met is not), and which way each turned the judge's verdict, as `score` shows it.
        var answers = 0
        var expected: [String: [ReviewDirection: Int]] = [:]
        var uncheckedNo = 0, checkedNo = 0
        for (path, review) in reviews {
            let items = try #require(cards[path])
            for answer in review.answers {
                guard let item = items.first(where: { $0["id"] as? String == answer.item }), item["earlier"] == nil else { continue }
                answers += 1
                if answer.written == .unticked && !answer.agree { uncheckedNo += 1 }
                if answer.written != .unticked && !answer.agree { checkedNo += 1 }
                guard item["overriddenBy"] as? String == "manager", let judged = item["judged"] as? String,
                      let status = item["status"] as? String else { continue }
                let direction: ReviewDirection? = judged == "met" && status != "met" ? .judgeMetManagerNo
                    : judged != "met" && status == "met" ? .judgeNotMetManagerYes : nil
                if let direction { expected[answer.item, default: [:]][direction, default: 0] += 1 }
            }
        }
        #expect(report.debriefs == reviews.values.filter { !$0.answers.isEmpty }.count)
        #expect(report.answers == answers)
        var counted: [String: [ReviewDirection: Int]] = [:]
        for row in report.items {
            counted[row.item, default: [:]][.judgeMetManagerNo, default: 0] += row.judgeMetManagerNo
            counted[row.item, default: [:]][.judgeNotMetManagerYes, default: 0] += row.judgeNotMetManagerYes
            #expect(row.notApplicableManagerNo == 0, "the generator marks nothing not applicable")
            #expect(row.agreed + row.disagreements == row.answers)
        }
        for (item, directions) in counted {
            for (direction, count) in directions {
                #expect(count == expected[item]?[direction] ?? 0, "\(item) \(direction)")
            }
        }
        let lenient = report.items.reduce(0) { $0 + $1.judgeMetManagerNo }
        let strict = report.items.reduce(0) { $0 + $1.judgeNotMetManagerYes }
        #expect(report.disagreements == lenient + strict)
        // Every "no" to an unticked item says it was reached: a disagreement the judge could not
        // have avoided; a "no" to a ticked item disagrees only where the judge had said met.
        #expect(strict >= uncheckedNo && uncheckedNo > 0)
        #expect(lenient > 0 && lenient <= checkedNo)
        // Ranked by the weight turned round; each item with disagreements says what to look at.
        #expect(report.items.map(\.weight) == report.items.map(\.weight).sorted(by: >))
        for row in report.items {
            #expect(row.lookAt.count == [row.judgeMetManagerNo, row.judgeNotMetManagerYes].filter { $0 > 0 }.count)
        }
        // The generator's bare dates pass the judge's date rules; managers refuse them.
        #expect(report.items.flatMap(\.lookAt).contains { $0.contains("whose only fact was a date with no event") },
                "\(report.items.flatMap(\.lookAt))")
        let example = try #require(report.items.flatMap(\.examples).first { $0.direction == .judgeMetManagerNo })
        #expect(example.facts != nil && example.line != nil && example.comment?.isEmpty == false)
    }

    @Test func eachFormatAndFilter() throws {
        let (folder, reviews, texts) = try Self.corpus(120, seed: 5)
        let all = try Self.report([], in: folder)
        let markdown = try CallPrepBinary.run(["report", "--disagreements"], in: folder)
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Where managers disagree with the judge\n"))
        #expect(markdown.stdout.contains("\(all.answers) answers, \(all.disagreements) disagreements"))
        for sentence in all.items.flatMap(\.lookAt) { #expect(markdown.stdout.contains("- " + MarkdownEscaping.inline(sentence))) }
        let csv = try CallPrepBinary.run(["report", "--disagreements", "--format", "csv"], in: folder)
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first?.hasPrefix("process,item,title,rule,answers,agreed,judge_met_manager_no") == true)
        #expect(lines.count == all.items.count + 1)

        // --rep: the answers of that rep's reviewed debriefs only.
        let rep = "Priya Raman"
        let ofRep = try Self.report(["--rep", rep], in: folder)
        let repPaths = Set(texts.filter { $0.value.contains("rep: \"\(rep)\"") }.keys)
        #expect(ofRep.debriefs == reviews.filter { repPaths.contains($0.key) && !$0.value.answers.isEmpty }.count)
        #expect(ofRep.items.flatMap(\.examples).allSatisfy { repPaths.contains($0.source) })
        #expect(ofRep.answers > 0 && ofRep.answers < all.answers)
        // --since and --until: the dates in the window.
        let window = try Self.report(["--since", "2026-03-01", "--until", "2026-06-30"], in: folder)
        #expect(window.answers > 0 && window.answers < all.answers)
        #expect(window.items.flatMap(\.examples).allSatisfy { ("2026-03-01"..."2026-06-30").contains($0.date) })
        // --process: one process's items (over an index: without one, the debriefs read for the
        // run are judged under the process named).
        try #require(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        let meddpicc = try Self.report(["--process", "meddpicc"], in: folder)
        #expect(!meddpicc.items.isEmpty && meddpicc.items.allSatisfy { $0.process == "meddpicc" })
        #expect(meddpicc.answers + (try Self.report(["--process", "b2b"], in: folder)).answers == all.answers)

        let html = try CallPrepBinary.run(["report", "--disagreements", "--format", "html"], in: folder)
        #expect(html.status == 64 && html.stderr.contains("--disagreements writes md, json or csv, not html."))
    }

    @Test func theHTMLReportShowsTheBacklogAndTheAgreement() throws {
        let (folder, reviews, texts) = try Self.corpus(120, seed: 5)
        let html = try CallPrepBinary.run(["report", "--format", "html"], in: folder)
        #expect(html.status == 0, "\(html.stderr)")
        let all = try Self.report([], in: folder)
        let waiting = texts.keys.filter { reviews[$0] == nil }
        #expect(html.stdout.contains("<b>\(waiting.count)</b><span>waiting for review</span>"), "\(waiting.count)")
        #expect(html.stdout.contains("<b>\(all.agreementRate ?? -1)%</b><span>managers agree with the judge</span>"))
        for manager in CorpusGenerator.managers {
            let named = waiting.filter { texts[$0]?.contains("Reviewer: \(manager)\n") == true }.count
            let reviewed = reviews.values.filter { $0.reviewer == manager }.count
            #expect(named > 0 && html.stdout.contains("<tr><td>\(manager)</td><td class=\"n\">\(reviewed)</td><td class=\"n\">\(named)</td>"),
                    "\(manager): \(reviewed) reviewed, \(named) waiting")
        }
        let unnamed = waiting.filter { texts[$0]?.contains("Reviewer:\n") == true }.count
        #expect(html.stdout.contains("<tr><td>no reviewer named</td><td class=\"n\">0</td><td class=\"n\">\(unnamed)</td>"))
    }

    /// The calibration's exemplary call, reviewed by a manager who agrees with every row.
    @Test func aManagerWhoAgreesEverywhereGivesNoDisagreement() throws {
        let folder = try TestSupport.temporaryFolder()
        try #require(try CallPrepBinary.run(["init", "ws"], in: folder).status == 0)
        let workspace = folder.appendingPathComponent("ws")
        // Only this debrief: `init` writes an example, reviewed with disagreements of its own.
        for name in try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("debriefs").path) {
            try FileManager.default.removeItem(at: workspace.appendingPathComponent("debriefs/" + name))
        }
        try FileManager.default.copyItem(at: CalibrationTests.meeting,
                                         to: workspace.appendingPathComponent("meetings/ashgrove-discovery.yaml"))
        let form = try CallPrepBinary.run(["form", "meetings/ashgrove-discovery.yaml"], in: workspace)
        try #require(form.status == 0, "\(form.stderr)")
        var text = try CalibrationTests.exemplary.filled(form.stdout)
        let rows = text.components(separatedBy: "\n").filter { $0.hasPrefix("| `") && $0.hasSuffix("| | |") }
        try #require(rows.count > 10)
        for row in rows { text = text.replacingOccurrences(of: row, with: row.dropLast(4) + " yes | |") }
        text = text.replacingOccurrences(of: "Reviewer:\n", with: "Reviewer: Sam Lee\n")
            .replacingOccurrences(of: "Grade (0 to 100):\n", with: "Grade (0 to 100): 92\n")
        let path = workspace.appendingPathComponent(CalibrationTests.debrief)
        try text.write(to: path, atomically: true, encoding: .utf8)

        let agreed = try Self.report([], in: workspace)
        #expect(agreed.debriefs == 1 && agreed.answers == rows.count && agreed.disagreements == 0 && agreed.agreementRate == 100)
        #expect(agreed.items.allSatisfy { $0.agreed == $0.answers && $0.lookAt.isEmpty && $0.examples.isEmpty })

        // One "no" to a met item: one disagreement of the lenient kind, at the item's line.
        try text.replacingOccurrences(of: "| `compelling-reason` | yes | |", with: "| `compelling-reason` | no | Which inspection? |")
            .write(to: path, atomically: true, encoding: .utf8)
        let one = try Self.report([], in: workspace)
        #expect(one.disagreements == 1 && one.answers == rows.count)
        let row = try #require(one.items.first)
        #expect(row.item == "compelling-reason" && row.judgeMetManagerNo == 1 && row.weight > 0)
        let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("- [x]") && $0.contains("`compelling-reason`") })
        #expect(row.examples.map(\.source) == [CalibrationTests.debrief] && row.examples.first?.line == line + 1)
        #expect(row.examples.first?.comment == "Which inspection?")
        #expect(row.lookAt == ["compelling-reason: managers refused 1 of 1 met verdicts; look at what its rule \u{201C}\(row.rule)\u{201D} lets through."]
                || row.lookAt.first?.hasPrefix("compelling-reason: managers refused 1 of 1 met verdicts whose") == true, "\(row.lookAt)")
    }
}
