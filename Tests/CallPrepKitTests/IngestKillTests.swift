import Foundation
import GRDB
import Testing
@testable import CallPrepKit

@Suite("Ingest killed part-way")
struct IngestKillTests {
    /// SIGKILL at several points of a run: the index is as it was before or as it is after, never
    /// in between, and the debrief files are untouched.
    @Test func aKilledIngestLeavesTheIndexBeforeOrAfter() throws {
        let folder = try TestSupport.temporaryFolder()
        try IndexSupport.writeCorpus(300, seed: 3, into: folder)
        let snapshot = try fileHashes(folder.appendingPathComponent("debriefs"))

        // How long one whole run takes here, to kill the others at fractions of it.
        let started = Date()
        #expect(try CallPrepBinary.run(["ingest", "debriefs", "--index", "full.sqlite"], in: folder).status == 0)
        let whole = Date().timeIntervalSince(started)

        for (trial, fraction) in [0.2, 0.5, 0.8, 0.9, 0.97].enumerated() {
            let index = "killed-\(trial).sqlite"
            let process = try CallPrepBinary.start(["ingest", "debriefs", "--index", index], in: folder)
            Thread.sleep(forTimeInterval: whole * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let path = folder.appendingPathComponent(index).path
            if FileManager.default.fileExists(atPath: path) {
                let queue = try DatabaseQueue(path: path)
                let integrity = try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
                #expect(integrity == "ok", "trial \(trial)")
                let count = try queue.read { db in
                    try db.tableExists("debrief") ? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM debrief") ?? 0 : 0
                }
                #expect(count == 0 || count == 300, "trial \(trial): \(count) debriefs, neither before nor after")
                try queue.close()
            }
            // The next run finishes the job.
            let again = try CallPrepBinary.run(["ingest", "debriefs", "--index", index], in: folder)
            #expect(again.status == 0)
            #expect(try IndexStore(path: path).records().count == 300)
        }
        #expect(try fileHashes(folder.appendingPathComponent("debriefs")) == snapshot)
    }

    private func fileHashes(_ folder: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            out[name] = Workspace.hash([UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
        }
        return out
    }
}
