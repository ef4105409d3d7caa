import Foundation
import GRDB
import Testing
@testable import CallPrepKit

/// Many writers on one team index: concurrent ingests, and a server lost in the middle of one.
@Suite("Team index writers", .serialized)
struct TeamIndexWritersTests {
    /// 400 generated debriefs dealt round the four folders `debriefs/part-N` (so that most deals
    /// have debriefs in several of them).
    static func corpus(_ count: Int = 400, seed: UInt64 = 11) throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        try IndexSupport.writeCorpus(count, seed: seed, into: folder)
        let debriefs = folder.appendingPathComponent("debriefs")
        let names = try FileManager.default.contentsOfDirectory(atPath: debriefs.path).sorted()
        for (offset, name) in names.enumerated() {
            let part = debriefs.appendingPathComponent("part-\(offset % 4 + 1)")
            try FileManager.default.createDirectory(at: part, withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: debriefs.appendingPathComponent(name), to: part.appendingPathComponent(name))
        }
        return folder
    }

    static let tables = ["debriefs": "debrief", "items": "itemStatus", "findings": "finding",
                         "coaching_notes": "coachingNote", "review_answers": "reviewAnswer"]

    /// Four `ingest` processes at once, one folder each, into one workspace: then the same rows and
    /// the same report as one SQLite ingest of all the files.
    @Test func fourConcurrentIngestsEndWithExactlyTheUnion() throws {
        let folder = try Self.corpus()
        let cluster = try TestPostgres.shared()
        let url = try cluster.database()
        let processes = try (1...4).map { part in
            try CallPrepBinary.start(["ingest", "debriefs/part-\(part)", "--index", url], in: folder)
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0])

        let sqlite = folder.appendingPathComponent("one.sqlite").path
        #expect(try CallPrepBinary.run(["ingest", "debriefs", "--index", sqlite], in: folder, timeout: 300).status == 0)
        let queue = try DatabaseQueue(path: sqlite)
        for (table, sqliteTable) in Self.tables.sorted(by: { $0.key < $1.key }) {
            let onServer = try cluster.psql(TestPostgres.databaseName(url), "SELECT count(*) FROM \(table)")
            let onFile = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(sqliteTable)") ?? -1 }
            #expect(onServer == "\(onFile)\n", "\(table)")
            if table == "debriefs" { #expect(onFile == 400) }
        }
        try queue.close()
        for command in [["report", "--format", "json"], ["report", "--by", "milestone"], ["coach"],
                        ["next-steps", "--date", "2027-01-01"]] {
            let onFile = try CallPrepBinary.run(command + ["--index", sqlite], in: folder, timeout: 120)
            let onServer = try CallPrepBinary.run(command + ["--index", url], in: folder, timeout: 120)
            #expect(onFile.status == 0 && !onFile.stdout.isEmpty && onServer.stdout == onFile.stdout, "\(command)")
        }
    }

    /// The server stopped while an ingest runs: a clear error naming it, and once it is back,
    /// the index holds what it held before; the next run completes.
    @Test(arguments: [(0.5, "fast"), (0.8, "immediate"), (0.95, "fast")])
    func aServerStoppedDuringAnIngestLeavesTheIndexAsItWas(fraction: Double, mode: String) throws {
        let folder = try Self.corpus(300, seed: 5)
        let cluster = try TestPostgres(name: "fault-\(mode)-\(Int(fraction * 100))")
        defer { try? cluster.stop() }
        let url = try cluster.database()
        let database = TestPostgres.databaseName(url)
        #expect(try CallPrepBinary.run(["ingest", "debriefs/part-1", "debriefs/part-2", "--index", url], in: folder,
                                       timeout: 300).status == 0)
        let snapshot = "SELECT string_agg(path || ':' || content_hash || ':' || COALESCE(score::text, '-'), ',' ORDER BY path) "
            + "FROM debriefs"
        let before = try cluster.psql(database, snapshot)
        let counts = "SELECT (SELECT count(*) FROM debriefs) || '/' || (SELECT count(*) FROM items)"
        let countsBefore = try cluster.psql(database, counts)

        // How long an ingest of the rest takes, into another database, to stop the server at a fraction of it.
        let started = Date()
        #expect(try CallPrepBinary.run(["ingest", "debriefs", "--index", cluster.database()], in: folder,
                                       timeout: 300).status == 0)
        let whole = Date().timeIntervalSince(started)

        let errors = Pipe()
        let process = try CallPrepBinary.start(["ingest", "debriefs", "--index", url], in: folder, errors: errors)
        Thread.sleep(forTimeInterval: whole * fraction)
        try cluster.stop(mode: mode)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try cluster.start()

        print("Fault test (\(mode) stop at \(Int(fraction * 100))% of \(String(format: "%.1f", whole)) s): ingest exited "
            + "\(process.terminationStatus): \(message.trimmingCharacters(in: .newlines))")
        if process.terminationStatus == 0 {
            // It finished before the server went: then it holds everything.
            #expect(try cluster.psql(database, "SELECT count(*) FROM debriefs") == "300\n")
        } else {
            #expect(process.terminationStatus == 1)
            let lines = message.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("\(url):1:1: error: "), "\(message)")
            #expect(message.contains(cluster.folder.path + "/.s.PGSQL.\(cluster.port)") && message.contains("run this again"),
                    "\(message)")
            #expect(try cluster.psql(database, snapshot) == before)
            #expect(try cluster.psql(database, counts) == countsBefore)
        }
        let again = try CallPrepBinary.run(["ingest", "debriefs", "--index", url], in: folder, timeout: 300)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try cluster.psql(database, "SELECT count(*) FROM debriefs") == "300\n")
    }
}
