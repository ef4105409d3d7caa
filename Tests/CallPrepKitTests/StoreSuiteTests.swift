import Foundation
import Testing
@testable import CallPrepKit

/// One test suite, two stores: every test runs against the SQLite index and against the team
/// index on the tests' own PostgreSQL server, and must hold on both. Ingests run the binary in the
/// workspace's folder (this process's working folder is never changed: tests run in parallel).
@Suite("The store suite, on SQLite and on PostgreSQL")
struct StoreSuiteTests {
    /// What `callprep ingest` prints, run in `folder` on `index`.
    private func ingest(_ paths: [String], into index: String, in folder: URL, rebuild: Bool = false) throws -> String {
        let run = try CallPrepBinary.run(["ingest"] + paths + ["--index", index] + (rebuild ? ["--rebuild"] : []), in: folder,
                                         timeout: 120)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    /// `files` (the scoring fixtures unless told) ingested into a fresh index of `store`, opened.
    private func indexed(_ store: StoreKind, files: [URL] = IndexSupport.scoringFixtures) throws -> any DebriefIndex {
        let folder = try IndexSupport.workspace(files)
        let index = try store.freshIndex(in: folder)
        _ = try ingest(["debriefs"], into: index, in: folder)
        return try StoreKind.open(index)
    }

    @Test(arguments: StoreKind.allCases)
    func ingestIsIncrementalByContent(store: StoreKind) throws {
        let folder = try IndexSupport.workspace(IndexSupport.scoringFixtures)
        let index = try store.freshIndex(in: folder)
        let debriefs = folder.appendingPathComponent("debriefs")
        #expect(try ingest(["debriefs"], into: index, in: folder) == "Indexed 5 new, 0 changed, 0 removed, 0 unchanged.\n")
        #expect(try ingest(["debriefs"], into: index, in: folder) == "Nothing changed: 5 debriefs unchanged.\n")
        let before = try StoreKind.open(index).records()
        #expect(before.count == 5)

        // A fresh clone: every file gets a new time, its bytes as they were.
        for name in try FileManager.default.contentsOfDirectory(atPath: debriefs.path) {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3_600)],
                                                  ofItemAtPath: debriefs.appendingPathComponent(name).path)
        }
        #expect(try ingest(["debriefs"], into: index, in: folder) == "Nothing changed: 5 debriefs unchanged.\n")

        let changed = "debriefs/stage-ahead.md"
        let file = folder.appendingPathComponent(changed)
        try TestSupport.read(file).replacingOccurrences(of: "Score (0 to 100): 85", with: "Score (0 to 100): 40")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try ingest(["debriefs"], into: index, in: folder) == "Indexed 0 new, 1 changed, 0 removed, 4 unchanged.\n")
        let after = try StoreKind.open(index).records()
        #expect(zip(before, after).filter { $0 != $1 }.map(\.1.source) == [changed])
        #expect(after.first { $0.source == changed }?.selfAssessment.score == 40)

        try FileManager.default.removeItem(at: debriefs.appendingPathComponent("meddpicc-validate.md"))
        #expect(try ingest(["debriefs"], into: index, in: folder) == "Indexed 0 new, 0 changed, 1 removed, 4 unchanged.\n")
        #expect(try StoreKind.open(index).records().map(\.source).sorted()
            == after.map(\.source).filter { $0 != "debriefs/meddpicc-validate.md" }.sorted())

        #expect(try ingest(["debriefs"], into: index, in: folder, rebuild: true)
            == "Indexed 4 new, 0 changed, 0 removed, 0 unchanged.\n")
        #expect(try StoreKind.open(index).records().count == 4)
    }

    /// `agenda`'s read: the records of some opportunities (whatever their process) or meetings,
    /// exactly those `records()` holds, by path; none for none asked.
    @Test(arguments: StoreKind.allCases)
    func recordsOfOpportunitiesAndMeetings(store: StoreKind) throws {
        let opened = try indexed(store)
        let all = try opened.records()
        let opportunity = try #require(all.compactMap(\.meeting.opportunity).first)
        let meeting = try #require(all.first { $0.meeting.opportunity != opportunity }?.meeting.id)
        let expected = all.filter { $0.meeting.opportunity == opportunity || $0.meeting.id == meeting }.map(\.source).sorted()
        #expect(expected.count >= 2 && expected.count < all.count)
        #expect(try opened.records(opportunities: [opportunity, "no-such-deal"], meetings: [meeting]).map(\.source) == expected)
        #expect(try opened.records(opportunities: [opportunity], meetings: []).map(\.source)
            == all.filter { $0.meeting.opportunity == opportunity }.map(\.source).sorted())
        #expect(try opened.records(opportunities: [], meetings: []).isEmpty)
    }

    /// The figures of `IndexTests.reportFiguresMatchAHandComputedCase`, from either store.
    @Test(arguments: StoreKind.allCases)
    func reportFiguresMatchAHandComputedCase(store: StoreKind) throws {
        let opened = try indexed(store)
        let report = try opened.teamReport(ReportFilter(), process: ProcessCatalog(explicit: nil).lookup)
        let filtered = try opened.teamReport(ReportFilter(rep: "Priya Raman"), process: ProcessCatalog(explicit: nil).lookup)
        #expect(report.debriefs == 5 && report.averageScore == 36)
        let dana = try #require(report.reps.first { $0.rep == "Dana Whitfield" })
        #expect(dana.calls == 3 && dana.averageScore == 33 && dana.trend == -16 && dana.selfGap == 45 && dana.managerGap == 13)
        #expect(dana.priorities.map(\.id) == ["commitment-to-solve", "frequency-quantified"])
        let impact = try #require(report.milestones.first { $0.id == "impact-quantified" })
        #expect(impact.met == 1 && impact.inPlay == 3 && impact.rate == 33)
        let stages = Dictionary(uniqueKeysWithValues: report.stages.map { ("\($0.process)/\($0.stage)", $0) })
        #expect(stages["b2b/propose"].map { [$0.opportunities, $0.aheadOfEvidence, $0.stalled] } == [1, 1, 0])
        #expect(filtered.debriefs == 1 && filtered.reps.map(\.rep) == ["Priya Raman"])
    }

    @Test(arguments: StoreKind.allCases)
    func historyNotesQueueAndAnswers(store: StoreKind) throws {
        let history = TestSupport.fixture("history/northwind-2026-12-03-debrief.md")
        let opened = try indexed(store, files: IndexSupport.scoringFixtures + [history])
        let deal = try opened.records(opportunity: "northwind-fleet-2026", process: "b2b", rep: "Dana Whitfield",
                                      before: "2026-12-10")
        #expect(deal.map(\.meeting.date).sorted() == deal.map(\.meeting.date) && deal.count >= 2)
        let notes = try opened.coachingNoteRows(ReportFilter())
        #expect(notes.contains { $0.path == "debriefs/northwind-2026-12-03-debrief.md" && $0.author == "Sam Lee" })
        let queue = try opened.reviewQueueRows()
        #expect(!queue.isEmpty && queue.map(\.date) == queue.map(\.date).sorted())
        #expect(!queue.contains { $0.source == "debriefs/manager-overrides.md" })
        let answers = try opened.reviewAnswers(ReportFilter())
        #expect(answers.contains { $0.path == "debriefs/manager-overrides.md" && !$0.agree })
        #expect(try opened.reps() == ["Dana Whitfield", "Jonas Berg", "Priya Raman"])
        #expect(try opened.meetings().count == 4)
        #expect(try opened.latestOfEachOpportunity().count == 3)
    }
}
