import Foundation
import Testing
@testable import CallPrepKit

/// `callprep status`: what a manager asks of a workspace first, with counts.
@Suite("callprep status")
struct StatusCommandTests {
    @Test func eachListHoldsWhatIsMissing() throws {
        let folder = try ReliabilityTests.workspace()
        // A call next week without a brief, one with a brief, and one past without a debrief.
        let meeting = try TestSupport.read(folder.appendingPathComponent("meetings/northwind-discovery.yaml"))
        for (id, date) in [("northwind-2026-12-10", "2026-12-10"), ("northwind-2026-12-11", "2026-12-11"),
                           ("northwind-2026-11-20", "2026-11-20")] {
            try meeting.replacingOccurrences(of: "id: northwind-2026-11-26", with: "id: \(id)")
                .replacingOccurrences(of: "date: 2026-11-26", with: "date: \(date)")
                .write(to: folder.appendingPathComponent("meetings/\(id).yaml"), atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("briefs"), withIntermediateDirectories: true)
        let workspace = try Workspace(folder: folder.path)
        try workspace.brief(meeting: folder.appendingPathComponent("meetings/northwind-2026-12-11.yaml").path, index: nil,
                            debriefs: nil, to: OutputTarget(path: folder.appendingPathComponent("briefs/b.md").path),
                            report: { _ in })
        // A debrief without the manager's review, and one with an error.
        try ReliabilityTests.edit(folder, ReliabilityTests.debrief) { $0.replacingOccurrences(of: "Reviewer: Sam Lee", with: "Reviewer:") }
        try "---\nform: \"callprep.debrief-form/1\"\nmeeting: \"x\"\n---\n"
            .write(to: folder.appendingPathComponent("debriefs/broken.md"), atomically: true, encoding: .utf8)

        let run = try CallPrepBinary.run(["status", "--date", "2026-12-01", "--format", "json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let status = try JSONDecoder().decode(WorkspaceStatus.self, from: Data(run.stdout.utf8))
        #expect(status.format == "callprep.status/1")
        #expect(status.withoutBrief.map(\.meeting) == ["northwind-2026-12-10"])
        #expect(status.withoutDebrief.map(\.meeting) == ["northwind-2026-11-20"])
        #expect(status.withErrors.map(\.source) == ["debriefs/broken.md"])
        #expect(status.awaitingReview.map(\.source) == ["debriefs/northwind-2026-11-26.md"])
        #expect(status.overdueSteps.map(\.action) == ["Send delay numbers for last quarter"])
        let text = try CallPrepBinary.run(["status", "--date", "2026-12-01"], in: folder)
        #expect(text.stdout.contains("Upcoming calls without a brief: 1\n  2026-12-10 northwind-2026-12-10"))
        #expect(text.stdout.contains("Overdue next steps: 1\n"))
    }
}
