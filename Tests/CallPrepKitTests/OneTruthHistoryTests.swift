import Foundation
import Testing
@testable import CallPrepKit

/// One truth, the smaller defects of the trial: an earlier call judged without its meeting file,
/// standard input named three ways, a folder ingested twice from a subfolder.
@Suite("One truth: history, names and places", .serialized, .hangGuard)
struct OneTruthHistoryTests {
    static let first = "debriefs/northwind-2026-12-01.md"
    static let second = "debriefs/northwind-2026-12-08.md"

    /// A deal at common fit whose first call met the decision maker, a person only the meeting file
    /// names as the decision maker (the debrief's people met leave him out); its second call a week
    /// later.
    static func workspace() throws -> URL {
        let folder = try OneTruthTests.workspace()
        let example = try TestSupport.read(folder.appendingPathComponent(OneTruthTests.meeting))
            .replacingOccurrences(of: "stage: discover", with: "stage: common-fit")
            .replacingOccurrences(of: "attendees:\n", with: """
                attendees:
                  - name: Henrik Aalto
                    title: Chief Operating Officer
                    side: theirs
                    buying_role: decision-maker

                """)
        for (name, day) in [("first", "2026-12-01"), ("second", "2026-12-08")] {
            let meeting = example.replacingOccurrences(of: "id: northwind-2026-11-26", with: "id: northwind-\(day)")
                .replacingOccurrences(of: "date: 2026-11-26", with: "date: \(day)")
            try meeting.write(to: folder.appendingPathComponent("meetings/\(name).yaml"), atomically: true, encoding: .utf8)
            let form = try CallPrepBinary.run(["form", "meetings/\(name).yaml", "-o", "debriefs/northwind-\(day).md"], in: folder)
            try #require(form.status == 0, "\(form.stderr)")
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent(OneTruthTests.meeting))
        try FileManager.default.removeItem(at: folder.appendingPathComponent(ReliabilityTests.debrief))
        try ReliabilityTests.edit(folder, first) { text in
            text.replacing(/- \[ \] (The decision maker identified and engaged directly `decision-maker-engaged`\n\n  Evidence \([^)\n]*\):)/) {
                "- [x] \($0.1) Henrik joined for the last twenty minutes and walked through the rollout plan with us."
            }.replacingOccurrences(of: "What went well:\n", with: "What went well: Henrik came.\n")
                // Only the meeting file says who Henrik is: the rep left him out of the people met.
                .replacing(/\| Henrik Aalto \|[^\n]*\n/, with: "")
        }
        try ReliabilityTests.edit(folder, second) { $0.replacingOccurrences(of: "What went well:\n", with: "What went well: Short call.\n") }
        return folder
    }

    /// The history of the second call, as `score` gives it in JSON.
    static func history(_ arguments: [String], in folder: URL) throws -> String {
        let run = try CallPrepBinary.run(["score", "--format", "json"] + arguments, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        return String(run.stdout.firstMatch(of: /"history" : \{[\s\S]*?\n    \}/)?.0 ?? "none: \(run.stdout.prefix(200))")
    }

    @Test func anEarlierCallIsJudgedWithItsMeetingFileInEveryCommand() throws {
        let folder = try Self.workspace()
        let alone = try Self.history([Self.second], in: folder)
        #expect(alone.contains("decision-maker-engaged"), "\(alone)")
        #expect(try Self.history(["debriefs"], in: folder).contains("decision-maker-engaged"))
        let brief = try CallPrepBinary.run(["brief", "meetings/second.yaml"], in: folder)
        #expect(brief.stdout.contains("The decision maker identified and engaged directly"), "\(brief.stdout)")
        let form = try CallPrepBinary.run(["form", "meetings/second.yaml"], in: folder)
        #expect(form.stdout.contains("`decision-maker-engaged` — met on 2026-12-01"), "\(form.stdout)")
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        #expect(try Self.history([Self.second], in: folder) == alone)
    }

    /// A meeting file changed after an ingest: the index's scorecards are made again with it, so
    /// that the report gives the scores `score` gives.
    @Test func aChangedMeetingFileRescoresTheIndex() throws {
        let folder = try Self.workspace()
        func scores() throws -> (score: [Int], report: String, note: String) {
            let run = try CallPrepBinary.run(["score", "--format", "json", "debriefs"], in: folder)
            let cards = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
            let report = try CallPrepBinary.run(["report", "--format", "json"], in: folder)
            return (cards.compactMap { $0["score"] as? Int }, report.stdout, run.stderr + report.stderr)
        }
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        let before = try scores()
        #expect(before.report.contains("\"averageScore\" : \((before.score.reduce(0, +) + 1) / 2)")
            || before.report.contains("\"averageScore\" : \(before.score.reduce(0, +) / 2)"), "\(before)")
        // Henrik was the decision maker only in the meeting file: without him, the first call met none.
        try ReliabilityTests.edit(folder, "meetings/first.yaml") { $0.replacingOccurrences(of: "buying_role: decision-maker", with: "buying_role: user") }
        let after = try scores()
        #expect(after.score != before.score, "the meeting file decides a verdict")
        let average = after.score.reduce(0, +)
        #expect(after.report.contains("\"averageScore\" : \((average + 1) / 2)") || after.report.contains("\"averageScore\" : \(average / 2)"),
                "\(after.score) against \(after.report.prefix(600))")
        #expect(after.note.contains("; 1 deal scored again, as meeting files or briefs changed"), "\(after.note)")
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).stdout == "Nothing changed: 2 debriefs unchanged.\n")
        // A meeting file for a call not yet debriefed changes no score; a new process file may change any.
        let third = try TestSupport.read(folder.appendingPathComponent("meetings/second.yaml"))
            .replacingOccurrences(of: "id: northwind-2026-12-08", with: "id: northwind-2026-12-15")
        try third.write(to: folder.appendingPathComponent("meetings/third.yaml"), atomically: true, encoding: .utf8)
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).stdout == "Nothing changed: 2 debriefs unchanged.\n")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("processes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSupport.root.appendingPathComponent("templates/processes/meddpicc.yaml"),
                                         to: folder.appendingPathComponent("processes/meddpicc.yaml"))
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).stdout
            == "Indexed 0 new, 0 changed, 0 removed, 2 unchanged; every deal scored again, as the processes changed.\n")
    }

    /// `report --process` chooses which debriefs count; it never scores a debrief by another
    /// process, with or without an index.
    @Test func reportByProcessIsTheSameWithOrWithoutAnIndex() throws {
        let folder = try ReliabilityTests.workspace()
        func counts() throws -> [String] {
            try ["meddpicc", "b2b"].map { process in
                let run = try CallPrepBinary.run(["report", "--process", process, "--format", "csv"], in: folder)
                #expect(run.status == 0 && run.stderr.isEmpty, "a b2b debrief is not read as \(process): \(run.stderr)")
                return run.stdout
            }
        }
        let withoutIndex = try counts()
        #expect(!withoutIndex[0].contains("Dana Whitfield") && withoutIndex[1].contains("Dana Whitfield,1,47,"), "\(withoutIndex)")
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        #expect(try counts() == withoutIndex)
        #expect(try CallPrepBinary.run(["report", "--format", "csv"], in: folder).stdout == withoutIndex[1])
    }

    /// Two calls of one deal on the same day come in one order, by path, however they are given.
    @Test func twoCallsOnOneDayComeInOneOrder() throws {
        let folder = try Self.workspace()
        let copy = try TestSupport.read(folder.appendingPathComponent(Self.first))
            .replacingOccurrences(of: "meeting: \"northwind-2026-12-01\"", with: "meeting: \"northwind-2026-12-01-b\"")
        try copy.write(to: folder.appendingPathComponent("debriefs/northwind-2026-12-01x.md"), atomically: true, encoding: .utf8)
        let later = "debriefs/northwind-2026-12-01x.md"
        func card(_ order: [String]) throws -> String {
            let run = try CallPrepBinary.run(["score", "--no-history", "--format", "json"] + order, in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            let cards = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
            let history = cards.first { $0["source"] as? String == later }?["history"] ?? [:]
            return String(decoding: try JSONSerialization.data(withJSONObject: history, options: [.sortedKeys]), as: UTF8.self)
        }
        let inOrder = try card([Self.first, later])
        #expect(inOrder.contains("northwind-2026-12-01.md"), "the earlier path is the history")
        #expect(try card([later, Self.first]) == inOrder)
    }

    @Test("standard input is <stdin> in every output", arguments: [
        ["score", "-"], ["score", "--format", "csv", "-"], ["parse", "-"], ["next-steps", "-"], ["coach", "-"],
    ])
    func standardInputHasOneName(_ arguments: [String]) throws {
        let folder = try ReliabilityTests.workspace()
        let debrief = try TestSupport.read(folder.appendingPathComponent(ReliabilityTests.debrief))
        try FileManager.default.removeItem(at: folder.appendingPathComponent(ReliabilityTests.debrief))
        let run = try CallPrepBinary.run(arguments, in: folder, stdin: debrief)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("<stdin>"), "\(run.stdout)")
        #expect(!run.stdout.contains("-:") && !run.stdout.contains("\"-\""), "\(run.stdout)")
    }

    @Test func aFolderIngestedFromASubfolderIsTheSameFolder() throws {
        let folder = try ReliabilityTests.workspace()
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        let again = try CallPrepBinary.run(["ingest", "."], in: folder.appendingPathComponent("debriefs"))
        #expect(again.stdout == "Nothing changed: 1 debrief unchanged.\n", "\(again.stdout)\(again.stderr)")
        let records = try IndexStore(path: folder.appendingPathComponent(IndexStore.defaultPath).path).records()
        #expect(records.map(\.source) == [ReliabilityTests.debrief])
    }
}
