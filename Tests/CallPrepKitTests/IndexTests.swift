import Foundation
import Testing
@testable import CallPrepKit
import CallPrepCorpus

enum IndexSupport {
    /// A folder holding the given fixtures (path below Fixtures/, or a URL) under `debriefs/`.
    static func workspace(_ files: [URL]) throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("debriefs"), withIntermediateDirectories: true)
        for file in files {
            try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent("debriefs/\(file.lastPathComponent)"))
        }
        return folder
    }

    /// Ingests into the index at `index` as `callprep ingest` does, with the built-in process and templates.
    struct Ingester {
        let workspace: Workspace
        let index: String

        func ingest(_ paths: [String], rebuild: Bool = false,
                    report: (Diagnostic) -> Void) throws(DiagnosticError) -> IngestSummary {
            try workspace.ingest(paths, index: index, rebuild: rebuild, report: report)
        }
    }

    static func ingester(_ index: String) throws -> Ingester {
        Ingester(workspace: try TestSupport.workspace(), index: index)
    }

    /// Runs `body` with the working folder set to `folder`, as the commands see paths.
    static func inFolder<T>(_ folder: URL, _ body: () throws -> T) throws -> T {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(folder.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        return try body()
    }

    /// Writes `count` generated debriefs into `folder/debriefs`.
    static func writeCorpus(_ count: Int, seed: UInt64, into folder: URL, callsPerOpportunity: Int = 5) throws {
        var generator = try CorpusGenerator(seed: seed, templates: TemplateSet.load(workspace: folder.path),
                                            callsPerOpportunity: callsPerOpportunity)
        for index in 0..<count {
            let (name, text) = try generator.debrief(index)
            try OutputFile.write(text, to: folder.appendingPathComponent("debriefs/\(name)").path, force: false,
                                 createFolders: true)
        }
    }

    static let scoringFixtures = ["manager-overrides", "self-assessment-high", "stage-ahead", "meddpicc-validate"]
        .map { TestSupport.fixture("scoring/\($0).md") } + [ParseSupport.filled]
}

@Suite("The index", .serialized)
struct IndexTests {
    @Test func ingestIsIncremental() throws {
        let folder = try IndexSupport.workspace(IndexSupport.scoringFixtures)
        let index = folder.appendingPathComponent("index.sqlite").path
        try IndexSupport.inFolder(folder) {
            let first = try IndexSupport.ingester(index).ingest(["debriefs"]) { _ in }
            #expect(first.added.count == 5 && first.updated.isEmpty && first.unchanged == 0)
            let again = try IndexSupport.ingester(index).ingest(["debriefs"]) { _ in }
            #expect(!again.changed && again.unchanged == 5)
            #expect(again.description == "Nothing changed: 5 debriefs unchanged.")
            let before = try IndexStore(path: index).records()

            let changed = "debriefs/stage-ahead.md"
            let text = try String(contentsOfFile: changed, encoding: .utf8)
            try text.replacingOccurrences(of: "Score (0 to 100): 85", with: "Score (0 to 100): 40")
                .write(toFile: changed, atomically: true, encoding: .utf8)
            let third = try IndexSupport.ingester(index).ingest(["debriefs"]) { _ in }
            #expect(third.updated == [changed] && third.added.isEmpty && third.removed.isEmpty && third.unchanged == 4)
            let after = try IndexStore(path: index).records()
            #expect(zip(before, after).filter { $0 != $1 }.map(\.1.source) == [changed])
            #expect(after.first { $0.source == changed }?.selfAssessment.score == 40)

            try FileManager.default.removeItem(atPath: "debriefs/meddpicc-validate.md")
            let fourth = try IndexSupport.ingester(index).ingest(["debriefs"]) { _ in }
            #expect(fourth.removed == ["debriefs/meddpicc-validate.md"] && fourth.unchanged == 4)
            #expect(try IndexStore(path: index).records().map(\.source).sorted() == after.map(\.source).filter {
                $0 != "debriefs/meddpicc-validate.md"
            }.sorted())

            let rebuilt = try IndexSupport.ingester(index).ingest(["debriefs"], rebuild: true) { _ in }
            #expect(rebuilt.added.count == 4 && rebuilt.unchanged == 0 && rebuilt.removed.isEmpty)
            #expect(try IndexStore(path: index).records().count == 4)
        }
    }

    @Test func aBrokenDebriefIsReportedAndTheRestIndexed() throws {
        let folder = try IndexSupport.workspace(Array(IndexSupport.scoringFixtures.prefix(2)))
        try "---\nform: \"callprep.debrief-form/1\"\nmeeting: x\n".write(
            to: folder.appendingPathComponent("debriefs/broken.md"), atomically: true, encoding: .utf8)
        var reported: [String] = []
        let summary = try IndexSupport.inFolder(folder) {
            try IndexSupport.ingester("index.sqlite").ingest(["debriefs"]) { reported.append($0.description) }
        }
        #expect(summary.failed == ["debriefs/broken.md"] && summary.added.count == 2)
        #expect(reported.contains("debriefs/broken.md:1:1: error: the front matter opened here is never closed with a '---' line"))
    }

    /// The five fixtures, scored with their history; every figure below follows from the scorecards.
    @Test func reportFiguresMatchAHandComputedCase() throws {
        let folder = try IndexSupport.workspace(IndexSupport.scoringFixtures)
        let report = try IndexSupport.inFolder(folder) {
            _ = try IndexSupport.ingester("index.sqlite").ingest(["debriefs"]) { _ in }
            return try IndexStore(path: "index.sqlite").teamReport(ReportFilter(),
                                                                   process: ProcessCatalog(explicit: nil).lookup)
        }
        #expect(report.debriefs == 5)
        // Scores: manager-overrides 44, northwind 36, self-assessment-high 20 (all Dana, one opportunity,
        // same date, so in path order: the later two are scored without the milestones the earlier ones
        // met, which are met for the stage and out of play), stage-ahead 38 (Priya), meddpicc 40
        // (Jonas): 178 / 5 = 35.6.
        #expect(report.averageScore == 36)
        let dana = try #require(report.reps.first { $0.rep == "Dana Whitfield" })
        #expect(dana.calls == 3)
        #expect(dana.averageScore == 33)            // (44 + 36 + 20) / 3 = 33.3
        #expect(dana.trend == -16)                  // (36 + 20) / 2 = 28, minus 44
        #expect(dana.selfGap == 45)                 // (60-44 + 80-36 + 95-20) / 3 = 45
        #expect(dana.managerGap == 13)              // (60-55 + 80-60) / 2 = 12.5
        #expect(dana.priorities.map(\.id) == ["commitment-to-solve", "frequency-quantified"])
        #expect(dana.priorities.map(\.missed) == [3, 3])
        let priya = try #require(report.reps.first { $0.rep == "Priya Raman" })
        #expect(priya.calls == 1 && priya.averageScore == 38 && priya.trend == 0 && priya.selfGap == 47)
        #expect(priya.managerGap == nil)
        let problems = try #require(report.milestones.first { $0.id == "problems-identified" })
        // In play where no earlier debrief of the deal had met it: manager-overrides and stage-ahead.
        #expect(problems.met == 2 && problems.inPlay == 2 && problems.rate == 100)
        let impact = try #require(report.milestones.first { $0.id == "impact-quantified" })
        // Met first by northwind, so out of play in self-assessment-high: 1 of 3.
        #expect(impact.met == 1 && impact.inPlay == 3 && impact.rate == 33)
        let stages = Dictionary(uniqueKeysWithValues: report.stages.map { ("\($0.process)/\($0.stage)", $0) })
        #expect(stages["b2b/discover"].map { [$0.opportunities, $0.aheadOfEvidence, $0.stalled] } == [1, 0, 1])
        #expect(stages["b2b/propose"].map { [$0.opportunities, $0.aheadOfEvidence, $0.stalled] } == [1, 1, 0])
        #expect(stages["meddpicc/validate"].map { [$0.opportunities, $0.aheadOfEvidence, $0.stalled] } == [1, 1, 0])

        let filtered = try IndexSupport.inFolder(folder) {
            try IndexStore(path: "index.sqlite").teamReport(ReportFilter(rep: "Priya Raman"),
                                                            process: ProcessCatalog(explicit: nil).lookup)
        }
        #expect(filtered.debriefs == 1 && filtered.reps.map(\.rep) == ["Priya Raman"])
    }

    @Test func reportOverAThousandGeneratedDebriefs() throws {
        let folder = try TestSupport.temporaryFolder()
        try IndexSupport.writeCorpus(1_000, seed: 7, into: folder)
        var problems: [String] = []
        let (summary, report) = try IndexSupport.inFolder(folder) {
            let summary = try IndexSupport.ingester("index.sqlite").ingest(["debriefs"]) { problems.append($0.description) }
            let report = try IndexStore(path: "index.sqlite").teamReport(ReportFilter(), process: ProcessCatalog(explicit: nil).lookup)
            return (summary, report)
        }
        #expect(summary.added.count == 1_000 && summary.failed.isEmpty)
        #expect(!problems.contains { $0.contains("error") })
        #expect(report.debriefs == 1_000)
        #expect(report.reps.count == 8 && report.reps.reduce(0) { $0 + $1.calls } == 1_000)
        #expect(report.stages.reduce(0) { $0 + $1.opportunities } == 200)
        #expect(report.milestones.allSatisfy { (0...100).contains($0.rate) && $0.met <= $0.inPlay })
        #expect(Set(report.milestones.map(\.process)) == ["b2b", "meddpicc"])
        // The generator makes later reps in its list more diligent, and the report must show it.
        let scores = Dictionary(uniqueKeysWithValues: report.reps.map { ($0.rep, $0.averageScore) })
        #expect(try #require(scores["Sven Lind"]) > (try #require(scores["Dana Whitfield"])) + 20)
    }

    @Test func coachingNotesPerRepAndMilestoneNewestFirst() throws {
        let history = TestSupport.fixture("history/northwind-2026-12-03-debrief.md")
        let folder = try IndexSupport.workspace([ParseSupport.filled, history])
        let notes = try IndexSupport.inFolder(folder) {
            _ = try IndexSupport.ingester("index.sqlite").ingest(["debriefs"]) { _ in }
            return try IndexStore(path: "index.sqlite").coachingNotes(ReportFilter(), process: ProcessCatalog(explicit: nil).lookup)
        }
        #expect(notes.reps.map(\.rep) == ["Dana Whitfield"])
        let topics = try #require(notes.reps.first?.topics)
        #expect(topics.map(\.milestone) == ["commitment-to-solve", "impact-quantified", nil])
        #expect(topics.last?.notes.map(\.source) == ["debriefs/northwind-2026-11-26-debrief.md:189",
                                                     "debriefs/northwind-2026-11-26-debrief.md:190"])
        #expect(topics.first?.notes.first.map { [$0.date, $0.author ?? "", $0.source] }
            == ["2026-12-03", "Sam Lee", "debriefs/northwind-2026-12-03-debrief.md:153"])
    }

    @Test func theFollowUpBriefShowsTheDealsHistory() throws {
        let folder = try IndexSupport.workspace([ParseSupport.filled,
                                                 TestSupport.fixture("history/northwind-2026-12-03-debrief.md")])
        try FileManager.default.copyItem(at: TestSupport.fixture("history/northwind-2026-12-10.yaml"),
                                         to: folder.appendingPathComponent("northwind-2026-12-10.yaml"))
        let fromFolder = try CallPrepBinary.run(["brief", "northwind-2026-12-10.yaml"], in: folder)
        #expect(fromFolder.status == 0 && fromFolder.stderr == "")
        // The brief ends with its stamp, dated the day it is written; the rest is the golden file.
        let stamp = BriefStamp(meeting: "northwind-2026-12-10", written: CalendarDate.today()).line
        #expect(fromFolder.stdout.hasSuffix("\n\n\(stamp)\n"))
        try TestSupport.expectGolden(String(fromFolder.stdout.dropLast(stamp.count + 2)),
                                     TestSupport.fixture("history/northwind-2026-12-10.brief.md"))
        #expect(fromFolder.stdout.contains("Earlier debriefs of this opportunity: debriefs/northwind-2026-11-26-debrief.md, "
            + "debriefs/northwind-2026-12-03-debrief.md"))
        #expect(fromFolder.stdout.contains("- Send the savings case, Dana Whitfield, due 2026-12-08 (**overdue**)"))

        let ingest = try CallPrepBinary.run(["ingest", "debriefs"], in: folder)
        #expect(ingest.status == 0)
        let fromIndex = try CallPrepBinary.run(["brief", "northwind-2026-12-10.yaml"], in: folder)
        #expect(fromIndex.stdout == fromFolder.stdout)
    }

    /// RFC 4180, read back: quoted cells with doubled quotes, CRLF between rows.
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false, previousQuote = false
        for character in text {
            if quoted {
                if character == "\"" { quoted = false; previousQuote = true } else { cell.append(character) }
                continue
            }
            switch character {
            case "\"": if previousQuote { cell.append("\"") }; quoted = true
            case ",": row.append(cell); cell = ""
            case "\r\n", "\n": row.append(cell); rows.append(row); row = []; cell = ""
            default: cell.append(character)
            }
            previousQuote = false
        }
        return rows
    }

    @Test func reportCSVHasNoCellASpreadsheetWouldTurnIntoADate() throws {
        let folder = try IndexSupport.workspace(IndexSupport.scoringFixtures)
        for section in ["rep", "milestone", "stage"] {
            let run = try CallPrepBinary.run(["report", "debriefs", "--format", "csv", "--by", section], in: folder)
            let rows = Self.csvRows(run.stdout)
            #expect(rows.count > 1 && rows.allSatisfy { $0.count == rows[0].count }, "\(section)")
            let dateLike = rows.joined().filter { $0.range(of: #"^\d+[/-]\d+([/-]\d+)?$"#, options: .regularExpression) != nil }
            #expect(dateLike.isEmpty, "\(section): \(dateLike)")
        }
        let bom = try CallPrepBinary.run(["report", "--format", "csv", "--bom"], in: folder)
        #expect(bom.stdout.hasPrefix("\u{FEFF}rep,calls,"))
    }

    @Test func repFiltersIgnoreCaseAndNameTheRepsThatExist() throws {
        let folder = try IndexSupport.workspace(IndexSupport.scoringFixtures)
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        let lower = try CallPrepBinary.run(["coach", "--rep", "dana whitfield"], in: folder)
        #expect(lower.stdout.contains("## Dana Whitfield"))
        let nobody = try CallPrepBinary.run(["report", "--rep", "Sam", "--format", "csv"], in: folder)
        #expect(nobody.status == 0 && nobody.stderr.contains("--rep: no one called 'Sam' (known: "), "\(nobody.stderr)")
    }

    @Test func reportAndCoachWorkStraightFromAFolder() throws {
        let folder = try IndexSupport.workspace(IndexSupport.scoringFixtures)
        let report = try CallPrepBinary.run(["report", "debriefs", "--format", "csv"], in: folder)
        #expect(report.status == 0)
        #expect(report.stderr.hasSuffix("Indexed 5 new, 0 changed, 0 removed, 0 unchanged.\n"))
        #expect(report.stdout.hasPrefix("rep,calls,average_score,trend,self_gap,manager_gap,"))
        #expect(report.stdout.contains("\r\nDana Whitfield,3,33,-16,45,13,commitment-to-solve,3,3,frequency-quantified,3,3\r\n"))
        let coach = try CallPrepBinary.run(["coach", "debriefs", "--rep", "Dana Whitfield"], in: folder)
        #expect(coach.status == 0 && coach.stderr == "Nothing changed: 5 debriefs unchanged.\n")
        #expect(coach.stdout.hasPrefix("# Coaching notes\n\n## Dana Whitfield\n"))
        let html = try CallPrepBinary.run(["report", "--format", "html", "-o", "report.html"], in: folder)
        #expect(html.status == 0)
        let page = try TestSupport.read(folder.appendingPathComponent("report.html"))
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<svg") && !page.contains("<script")
            && !page.contains("http://") && !page.contains("https://"))
        // The dates covered, the day it was made, each rep over time, and full titles.
        #expect(page.contains("Debriefs from 2026-11-26 to ") && page.contains(" · made on \(CalendarDate.today())"))
        #expect(page.contains("<details><summary><b>Dana Whitfield</b>, 3 calls") && page.contains("<circle cx="))
        #expect(page.contains("<th>Open next step</th>") && page.contains("<td>Send the scoring sheet</td><td>Aiko Tanaka</td>"))
        #expect(page.contains("The impact of each problem quantified in the customer&#39;s own numbers <code>impact-quantified</code>")
                || page.contains("The impact of each problem quantified in the customer’s own numbers"))
    }
}
