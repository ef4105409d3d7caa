import Foundation
import GRDB

/// Problems opening or writing the index.
public enum IndexProblem: LocalizedError, Equatable, Sendable {
    case cannotOpen(String)
    case failed(String)

    public var errorDescription: String? {
        switch self {
        case let .cannotOpen(reason): "cannot open the index: \(reason)"
        case let .failed(reason): "the index could not be updated: \(reason)"
        }
    }
}

/// The SQLite index of debriefs: a cache of the files, which can always be rebuilt from them.
public final class IndexStore {
    public static let defaultPath = ".callprep/index.sqlite"

    let queue: DatabaseQueue
    let path: String

    /// Opens (creating when needed) the index at `path`; `:memory:` for one in memory.
    public init(path: String) throws(DiagnosticError) {
        self.path = path
        do {
            if path == ":memory:" {
                queue = try DatabaseQueue()
            } else {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                queue = try DatabaseQueue(path: path)
            }
            try Self.migrator.migrate(queue)
        } catch {
            throw DiagnosticError([Diagnostic(at: SourceLocation(file: path, line: 1, column: 1),
                                              IndexProblem.cannotOpen("\(error)"))])
        }
    }

    /// Versioned schema changes; each runs once per index file.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE debrief (
                    path TEXT PRIMARY KEY NOT NULL,
                    contentHash TEXT NOT NULL,
                    meetingID TEXT NOT NULL,
                    date TEXT NOT NULL,
                    account TEXT,
                    opportunity TEXT,
                    rep TEXT,
                    stage TEXT NOT NULL,
                    processID TEXT NOT NULL,
                    processVersion TEXT NOT NULL,
                    record TEXT NOT NULL,
                    score INTEGER,
                    claimedScore INTEGER,
                    selfScore INTEGER,
                    managerScore INTEGER,
                    evidencedStage TEXT,
                    readyToAdvance INTEGER,
                    gained INTEGER
                );
                CREATE INDEX debriefByRep ON debrief(rep, date);
                CREATE INDEX debriefByOpportunity ON debrief(processID, opportunity, date);
                CREATE TABLE itemStatus (
                    path TEXT NOT NULL REFERENCES debrief(path) ON DELETE CASCADE,
                    item TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    status TEXT NOT NULL,
                    weight REAL NOT NULL,
                    PRIMARY KEY (path, item)
                );
                CREATE INDEX itemStatusByItem ON itemStatus(item, status);
                CREATE TABLE finding (
                    path TEXT NOT NULL REFERENCES debrief(path) ON DELETE CASCADE,
                    "check" TEXT NOT NULL,
                    message TEXT NOT NULL,
                    line INTEGER
                );
                CREATE INDEX findingByPath ON finding(path);
                CREATE TABLE coachingNote (
                    path TEXT NOT NULL REFERENCES debrief(path) ON DELETE CASCADE,
                    text TEXT NOT NULL,
                    milestone TEXT,
                    author TEXT,
                    line INTEGER NOT NULL
                );
                CREATE INDEX coachingNoteByPath ON coachingNote(path);
                """)
        }
        // For a report over 100,000 debriefs in under a second (BENCHMARKS.md): the records' JSON
        // moves to a table of its own (SQLite reads through a long value to reach the columns
        // after it); each item status carries its debrief's rep, process and date, so the report
        // needs no join; `debrief` knows whether its stage is ahead of the evidence, and the size
        // and time of the file, so that an unchanged file is not even read.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                CREATE TABLE debriefRecord (
                    path TEXT PRIMARY KEY NOT NULL REFERENCES debrief(path) ON DELETE CASCADE,
                    record TEXT NOT NULL
                );
                INSERT INTO debriefRecord SELECT path, record FROM debrief;
                ALTER TABLE debrief DROP COLUMN record;
                ALTER TABLE debrief ADD COLUMN aheadOfEvidence INTEGER NOT NULL DEFAULT 0;
                UPDATE debrief SET aheadOfEvidence = EXISTS (
                    SELECT 1 FROM finding f WHERE f.path = debrief.path AND f."check" = 'stage-ahead-of-evidence');
                ALTER TABLE debrief ADD COLUMN fileSize INTEGER;
                ALTER TABLE debrief ADD COLUMN fileModified INTEGER;
                ALTER TABLE itemStatus ADD COLUMN rep TEXT;
                ALTER TABLE itemStatus ADD COLUMN processID TEXT NOT NULL DEFAULT '';
                ALTER TABLE itemStatus ADD COLUMN date TEXT NOT NULL DEFAULT '';
                UPDATE itemStatus SET (rep, processID, date) =
                    (SELECT rep, processID, date FROM debrief d WHERE d.path = itemStatus.path);
                CREATE INDEX itemStatusForReport ON itemStatus(rep, processID, item, kind, status, date);
                CREATE INDEX debriefForReportByRep ON debrief(rep, date, path, score, selfScore, managerScore);
                CREATE INDEX debriefForReportByDate ON debrief(date, path, processID, opportunity, stage, gained,
                                                              aheadOfEvidence);
                """)
        }
        return migrator
    }

    /// What the index knows of each file: its content hash, and its size and modification time
    /// (nanoseconds; nil when they cannot be trusted).
    func files() throws -> [String: IndexedFile] {
        try queue.read { db in
            var out: [String: IndexedFile] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT path, contentHash, fileSize, fileModified FROM debrief")
            while let row = try rows.next() {
                out[row["path"]] = IndexedFile(hash: row["contentHash"], size: row["fileSize"], modified: row["fileModified"])
            }
            return out
        }
    }

    /// Every indexed record of one opportunity, oldest first.
    func records(process: String, opportunity: String, in db: Database) throws -> [DebriefRecord] {
        let json = try String.fetchAll(db, sql: """
            SELECT r.record FROM debrief d JOIN debriefRecord r ON r.path = d.path
            WHERE d.processID = ? AND d.opportunity = ? ORDER BY d.date, d.path
            """, arguments: [process, opportunity])
        return try json.map { try JSONDecoder().decode(DebriefRecord.self, from: Data($0.utf8)) }
    }

    /// Every indexed record, oldest first (for the brief's history and for tests).
    public func records() throws -> [DebriefRecord] {
        try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT r.record FROM debrief d JOIN debriefRecord r ON r.path = d.path ORDER BY d.date, d.path
                """).map { try JSONDecoder().decode(DebriefRecord.self, from: Data($0.utf8)) }
        }
    }
}

/// An indexed file as `ingest` compares it with the one on disk.
struct IndexedFile: Equatable {
    var hash: String
    var size: Int?
    var modified: Int64?

    /// The size and modification time of `path`; nil when it cannot be read.
    static func status(of path: String) -> (size: Int, modified: Int64)? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return (Int(status.st_size), Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec))
    }
}
