import Foundation
import Testing
@testable import CallPrepKit

/// One truth (issue 24): the index is a cache of the debriefs, so no failed or read-only command
/// may leave an empty index behind that hides them.
@Suite("One truth: no index from a failed or read-only command", .serialized, .timeLimit(.minutes(5)))
struct OneTruthTests {
    static let meeting = "meetings/northwind-discovery.yaml"

    static func workspace() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        _ = try WorkspaceInitializer.create(at: folder.path, withTemplates: false)
        return folder
    }

    static func exists(_ path: String, in folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    @Test("ingest of a path that does not exist fails and creates no index; next-steps still reads debriefs/")
    func ingestOfNothingCreatesNoIndex() throws {
        let folder = try Self.workspace()
        let before = try CallPrepBinary.run(["next-steps"], in: folder)
        let ingest = try CallPrepBinary.run(["ingest", "nosuch"], in: folder)
        #expect(ingest.status == 1)
        #expect(ingest.stderr == "nosuch:1:1: error: cannot read the file: no such file or folder\n")
        #expect(ingest.stdout == "Nothing changed: 0 debriefs unchanged; 1 unreadable, kept as indexed.\n")
        #expect(!Self.exists(".callprep", in: folder))
        // The workspace's open steps are still found where they are: in debriefs/.
        let after = try CallPrepBinary.run(["next-steps"], in: folder)
        #expect(after.status == before.status && after.stdout == before.stdout, "\(after.stdout)")
        #expect(!after.stdout.contains("No open next steps"))
    }

    @Test("brief and form with a mistyped --index fail with a clear error and create nothing",
          arguments: ["brief", "form"])
    func mistypedIndexIsAnError(_ command: String) throws {
        let folder = try Self.workspace()
        let run = try CallPrepBinary.run([command, Self.meeting, "--index", "typo.sqlite"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr == "typo.sqlite:1:1: error: no index yet: run `callprep ingest debriefs`\n")
        #expect(!Self.exists("typo.sqlite", in: folder))
        #expect(!Self.exists("typo.sqlite.lock", in: folder))
    }

    @Test func oneDebriefIsSaidInTheSingular() {
        #expect(IngestSummary(unchanged: 1).description == "Nothing changed: 1 debrief unchanged.")
        #expect(IngestSummary(unchanged: 2).description == "Nothing changed: 2 debriefs unchanged.")
    }
}
