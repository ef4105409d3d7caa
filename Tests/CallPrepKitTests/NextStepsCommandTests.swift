import Foundation
import Testing
@testable import CallPrepKit

/// `callprep next-steps`: open commitments across deals, from the latest debrief of each.
@Suite("callprep next-steps")
struct NextStepsCommandTests {
    /// The example deal with a later call whose steps replace the first call's, and another deal.
    static func workspace() throws -> URL {
        let folder = try ReliabilityTests.workspace()
        let first = try TestSupport.read(folder.appendingPathComponent(ReliabilityTests.debrief))
        let later = first.replacingOccurrences(of: "meeting: \"northwind-2026-11-26\"", with: "meeting: \"northwind-2026-12-03\"")
            .replacingOccurrences(of: "date: \"2026-11-26\"", with: "date: \"2026-12-03\"")
            .replacingOccurrences(of: "| Send delay numbers for last quarter | Mara Jensen | 2026-11-30 |",
                                  with: "| Send the savings case | Dana Whitfield | 2026-12-08 |")
            .replacingOccurrences(of: "| Book a call with the COO | Dana Whitfield | 2026-12-04 |",
                                  with: "| Share the rollout plan | Mára Jensen | after the board |")
        try later.write(to: folder.appendingPathComponent("debriefs/northwind-2026-12-03.md"), atomically: true, encoding: .utf8)
        let other = first.replacingOccurrences(of: "opportunity: \"northwind-fleet-2026\"", with: "opportunity: \"contoso-pilot\"")
            .replacingOccurrences(of: "meeting: \"northwind-2026-11-26\"", with: "meeting: \"contoso-2026-11-20\"")
            .replacingOccurrences(of: "account: \"Northwind Logistics\"", with: "account: \"Contoso Health\"")
            .replacingOccurrences(of: "rep: \"Dana Whitfield\"", with: "rep: \"Priya Raman\"")
        try other.write(to: folder.appendingPathComponent("debriefs/contoso.md"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func stepsComeFromTheLatestDebriefOfEachDealWithTheirState() throws {
        let folder = try Self.workspace()
        let run = try CallPrepBinary.run(["next-steps", "--date", "2026-12-05", "--format", "json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let list = try JSONDecoder().decode(NextStepList.self, from: Data(run.stdout.utf8))
        #expect(list.format == "callprep.next-steps/1")
        let summary = list.steps.map { "\($0.state.rawValue) \($0.action) (\($0.account ?? ""))" }
        #expect(summary == ["overdue Send delay numbers for last quarter (Contoso Health)",
                            "overdue Book a call with the COO (Contoso Health)",
                            "due Send the savings case (Northwind Logistics)",
                            "undated Share the rollout plan (Northwind Logistics)"])
        #expect(list.steps[2].source == "debriefs/northwind-2026-12-03.md:121")
        // From the index, the same.
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        let indexed = try CallPrepBinary.run(["next-steps", "--date", "2026-12-05", "--format", "json"], in: folder)
        #expect(try JSONDecoder().decode(NextStepList.self, from: Data(indexed.stdout.utf8)) == list)
    }

    @Test func filtersIgnoreCaseAndAccentsAndNameWhatExists() throws {
        let folder = try Self.workspace()
        let owner = try CallPrepBinary.run(["next-steps", "--owner", "mara jensen", "--date", "2026-12-05"], in: folder)
        #expect(owner.stdout.contains("Share the rollout plan") && owner.stdout.contains("Send delay numbers for last quarter"))
        #expect(!owner.stdout.contains("savings case"))
        let overdue = try CallPrepBinary.run(["next-steps", "--overdue", "--rep", "PRIYA RAMAN", "--date", "2026-12-05"], in: folder)
        #expect(overdue.stdout.split(separator: "\n").count == 2 && overdue.stdout.hasPrefix("overdue"))
        let nobody = try CallPrepBinary.run(["next-steps", "--rep", "Sam"], in: folder)
        #expect(nobody.status == 0 && nobody.stderr.contains("no one called 'Sam' (known: Dana Whitfield, Priya Raman)"))
    }

    @Test func csvIsShapedForACRMTaskImport() throws {
        let folder = try Self.workspace()
        let run = try CallPrepBinary.run(["next-steps", "--format", "csv", "--date", "2026-12-05", "debriefs"], in: folder)
        let lines = run.stdout.components(separatedBy: "\r\n")
        #expect(lines.first == "Subject,Due Date,Assigned To,Related To,Status,Description")
        #expect(lines.contains("Send the savings case,2026-12-08,Dana Whitfield,Northwind Logistics,due,"
            + "\"Opportunity northwind-fleet-2026, rep Dana Whitfield, from debriefs/northwind-2026-12-03.md:121\""))
    }
}
