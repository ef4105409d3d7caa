import Foundation
import Testing
@testable import CallPrepKit

/// One truth, through the binary: a debrief gets the same score, the same history summary and
/// the same next steps however it is asked for (alone, in its folder, from `-`, from a subfolder,
/// after `ingest`, with a stale, an empty or a deleted index), and `status`, `next-steps` and
/// `agenda` agree on the same workspace.
@Suite("One truth: the same answers every way", .serialized, .hangGuard)
struct OneTruthMatrixTests {
    static let first = "debriefs/northwind-2026-11-26.md"
    static let second = "debriefs/northwind-2026-12-03.md"

    /// The example workspace with a second call of the same deal a week later: its meeting file,
    /// and its debrief, filled in from the form, with one milestone of its own, a next step and a
    /// self-assessment. The first call's milestones are its history.
    static func workspace() throws -> URL {
        let folder = try OneTruthTests.workspace()
        let meeting = try TestSupport.read(folder.appendingPathComponent(OneTruthTests.meeting))
            .replacingOccurrences(of: "id: northwind-2026-11-26", with: "id: northwind-2026-12-03")
            .replacingOccurrences(of: "date: 2026-11-26", with: "date: 2026-12-03")
        try meeting.write(to: folder.appendingPathComponent("meetings/northwind-followup.yaml"), atomically: true, encoding: .utf8)
        let form = try CallPrepBinary.run(["form", "meetings/northwind-followup.yaml", "-o", second], in: folder)
        try #require(form.status == 0, "\(form.stderr)")
        try ReliabilityTests.edit(folder, second) { text in
            text.replacingOccurrences(of: "- [ ] A compelling reason", with: "- [x] A compelling reason")
                .replacingOccurrences(
                    of: "EUR 40k a quarter):\n\n- [ ] The customer's commitment",
                    with: "EUR 40k a quarter): Their winter peak opens 2027-01-11, and Mara put each week "
                        + "of manual rescheduling at EUR 9k of overtime.\n\n- [ ] The customer's commitment")
                .replacingOccurrences(of: "| | | | | |\n\n## Pains",
                                      with: "| Send the overtime figures by site | Mara Jensen | 2026-12-09 | | |\n"
                                          + "| Hold a working session with dispatch | Dana Whitfield | 2026-12-16 | | |\n\n## Pains")
                .replacingOccurrences(of: "Score (0 to 100):\n", with: "Score (0 to 100): 70\n")
                .replacingOccurrences(of: "What went well:\n", with: "What went well: Mara tied the peak to a cost.\n")
        }
        return folder
    }

    /// The second debrief's scorecard in JSON, with what differs only by name left out: the
    /// score, the statuses, the stages, the findings and the history summary.
    static func card(_ arguments: [String], in folder: URL, subfolder: String? = nil, stdin: String? = nil) throws -> String {
        let place = subfolder.map { folder.appendingPathComponent($0) } ?? folder
        let run = try CallPrepBinary.run(["score", "--format", "json"] + arguments, in: place, stdin: stdin)
        // A failure is an answer of its own, compared with the others: every way is tried.
        guard run.status == 0, let cards = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]],
              let found = cards.first(where: { card in
                  ((card["meeting"] as? [String: Any])?["id"] as? String) == "northwind-2026-12-03"
              }) else { return "exit \(run.status): \(run.stderr)" }
        var kept = found
        kept["source"] = nil
        let data = try JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func nextSteps(in folder: URL, subfolder: String? = nil) throws -> String {
        let place = subfolder.map { folder.appendingPathComponent($0) } ?? folder
        let run = try CallPrepBinary.run(["next-steps", "--format", "csv", "--date", "2026-12-10"], in: place)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    @Test func theSecondCallIsScoredWithItsHistory() throws {
        let folder = try Self.workspace()
        let card = try Self.card([Self.second], in: folder)
        // The first call's milestones count: the history names it, and the score is not zero.
        #expect(card.contains("\"history\""), "\(card)")
        #expect(card.contains("northwind-2026-11-26.md"))
        #expect(card.contains("\"compelling-reason\""))
    }

    @Test func oneDebriefGetsTheSameScoreHistoryAndNextStepsEveryWay() throws {
        let folder = try Self.workspace()
        let expected = try Self.card([Self.second], in: folder)
        let expectedSteps = try Self.nextSteps(in: folder)
        #expect(expectedSteps.contains("Send the overtime figures by site"))
        #expect(expectedSteps.contains("Send delay numbers"), "a step the later debrief does not close stays open")
        let text = try TestSupport.read(folder.appendingPathComponent(Self.second))
        var seen: [String: String] = ["alone": expected]

        seen["in its folder"] = try Self.card(["debriefs"], in: folder)
        seen["from - named with --as"] = try Self.card(["-", "--as", Self.second], in: folder, stdin: text)
        seen["from a subfolder"] = try Self.card(["northwind-2026-12-03.md"], in: folder, subfolder: "debriefs")
        seen["by its full path"] = try Self.card([folder.appendingPathComponent(Self.second).path], in: folder)
        #expect(try Self.nextSteps(in: folder, subfolder: "meetings") == expectedSteps)

        let ingest = try CallPrepBinary.run(["ingest", "debriefs"], in: folder)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        seen["after ingest"] = try Self.card([Self.second], in: folder)
        seen["after ingest, in its folder"] = try Self.card(["debriefs"], in: folder)
        #expect(try Self.nextSteps(in: folder) == expectedSteps)

        // Stale: the index was made when the first call's debrief said less, and the second was not there.
        let index = folder.appendingPathComponent(IndexStore.defaultPath)
        try FileManager.default.removeItem(at: index)
        let firstText = try TestSupport.read(folder.appendingPathComponent(Self.first))
        try FileManager.default.moveItem(at: folder.appendingPathComponent(Self.second), to: folder.appendingPathComponent("second.md"))
        try ReliabilityTests.edit(folder, Self.first) { $0.replacingOccurrences(of: "- [x] The customer's problems identified",
                                                                                with: "- [ ] The customer's problems identified") }
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        try firstText.write(to: folder.appendingPathComponent(Self.first), atomically: true, encoding: .utf8)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("second.md"), to: folder.appendingPathComponent(Self.second))
        #expect(try Self.nextSteps(in: folder) == expectedSteps, "a stale index hides no step")
        seen["with a stale index"] = try Self.card([Self.second], in: folder)

        // Empty: an index of an empty folder.
        try FileManager.default.removeItem(at: index)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nothing"), withIntermediateDirectories: true)
        #expect(try CallPrepBinary.run(["ingest", "nothing"], in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: index.path))
        #expect(try Self.nextSteps(in: folder) == expectedSteps, "an empty index hides no step")
        try FileManager.default.removeItem(at: index)
        #expect(try CallPrepBinary.run(["ingest", "nothing"], in: folder).status == 0)
        seen["with an empty index"] = try Self.card([Self.second], in: folder)

        // Deleted after an ingest.
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        try FileManager.default.removeItem(at: index)
        seen["with the index deleted"] = try Self.card([Self.second], in: folder)
        #expect(try Self.nextSteps(in: folder) == expectedSteps)

        for (way, card) in seen.sorted(by: { $0.key < $1.key }) {
            #expect(card == expected, "\(way)")
        }
    }

    /// The same workspace seen by status, next-steps and agenda: the same overdue steps on one day
    /// (followed across the deal's debriefs, though the index holds only the first), and the
    /// agenda's score of the day's call is `score`'s.
    @Test func statusNextStepsAndAgendaAgree() throws {
        let folder = try Self.workspace()
        #expect(try CallPrepBinary.run(["ingest", Self.first], in: folder).status == 0)
        let day = "2026-12-10"
        let steps = try CallPrepBinary.run(["next-steps", "--overdue", "--format", "json", "--date", day], in: folder)
        let status = try CallPrepBinary.run(["status", "--format", "json", "--date", day], in: folder)
        #expect(steps.status == 0 && status.status == 0, "\(steps.stderr)\(status.stderr)")
        #expect(steps.stdout.contains("Send the overtime figures by site"), "\(steps.stdout)")
        #expect(status.stdout.contains("Send the overtime figures by site"), "\(status.stdout)")
        // The first call's step stays open (the second does not close it), and is overdue for both.
        #expect(!steps.stdout.contains("Hold a working session") && !status.stdout.contains("Hold a working session"))
        #expect(steps.stdout.contains("Send delay numbers") && status.stdout.contains("Send delay numbers"))

        let agenda = try CallPrepBinary.run(["agenda", "--format", "json", "--date", "2026-12-03"], in: folder)
        #expect(agenda.status == 0, "\(agenda.stderr)")
        let card = try Self.card([Self.second], in: folder)
        let value = try #require(card.firstMatch(of: /"score":(\d+)/)?.1)
        #expect(agenda.stdout.contains("\"score\" : \(value)"), "agenda \(agenda.stdout) against score \(value)")
        // Due by the day of the call: the first call's step still open and overdue; the second's not yet.
        #expect(agenda.stdout.contains("Send delay numbers") && !agenda.stdout.contains("Send the overtime figures"))
    }
}
