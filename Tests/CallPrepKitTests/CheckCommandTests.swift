import Foundation
import Testing
@testable import CallPrepKit

/// `callprep check`, the lint a team repository runs in CI and in a pre-commit hook.
@Suite("callprep check")
struct CheckCommandTests {
    /// A workspace from `callprep init` with one broken file of each kind beside the good ones.
    static func brokenWorkspace() throws -> URL {
        let folder = try ReliabilityTests.workspace()
        try "id: m\ndate: 2026-13-01\n".write(to: folder.appendingPathComponent("meetings/bad.yaml"), atomically: true,
                                             encoding: .utf8)
        try "id: p\nversion: 1\ntitle: P\nstages:\n  - id: a\n    title: A\n    milestones: []\n"
            .write(to: folder.appendingPathComponent("process-bad.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "# {{#meeting}}\n".write(to: folder.appendingPathComponent("templates/brief.md.mustache"), atomically: true,
                                      encoding: .utf8)
        try ReliabilityTests.edit(folder, ReliabilityTests.debrief) { $0.replacingOccurrences(of: "stage: \"discover\"", with: "stage: \"nowhere\"") }
        try "Notes that are no debrief.\n".write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func everyKindOfFileIsCheckedAndOnlyProblemsArePrinted() throws {
        let folder = try Self.brokenWorkspace()
        let run = try CallPrepBinary.run(["check"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout == "")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("debriefs/northwind-2026-11-26.md:10:8: error: ") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("meetings/bad.yaml:") && $0.contains(": error: ") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("process-bad.yaml:7:") && $0.contains("has no milestones") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("templates/brief.md.mustache:") && $0.contains("never closed") }, "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("README.md") || $0.contains("process.yaml") || $0.contains("northwind-discovery") })
    }

    @Test func githubFormatAnnotatesThePullRequest() throws {
        let folder = try Self.brokenWorkspace()
        let run = try CallPrepBinary.run(["check", "--format", "github", "process-bad.yaml", "meetings"], in: folder)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count >= 2 && lines.allSatisfy { $0.hasPrefix("::error file=") || $0.hasPrefix("::warning file=") })
        #expect(lines.contains { $0.hasPrefix("::error file=process-bad.yaml,line=7,col=") })
    }

    @Test func jsonFormatIsVersionedAndReadable() throws {
        let folder = try Self.brokenWorkspace()
        let run = try CallPrepBinary.run(["check", "--format", "json", "process-bad.yaml"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "callprep.check/1")
        let rows = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(rows.first?["file"] as? String == "process-bad.yaml" && rows.first?["severity"] as? String == "error")
    }

    @Test func warningsPassUnlessStrict() throws {
        let folder = try ReliabilityTests.workspace()
        try FileManager.default.copyItem(at: folder.appendingPathComponent(ReliabilityTests.debrief),
                                         to: folder.appendingPathComponent("debriefs/copy.md"))
        let relaxed = try CallPrepBinary.run(["check", "debriefs"], in: folder)
        #expect(relaxed.status == 0)
        #expect(relaxed.stderr.contains("warning: a second debrief of meeting 'northwind-2026-11-26'"), "\(relaxed.stderr)")
        #expect(try CallPrepBinary.run(["check", "--strict", "debriefs"], in: folder).status == 1)
        #expect(try CallPrepBinary.run(["check", "meetings", "process.yaml"], in: folder).status == 0)
    }
}
