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
///
/// The one owner of the database: every read and write is a named method here or in
/// `IndexWriter` (one transaction), and rows are the records of IndexRecords.swift.
public final class IndexStore {
    public static let defaultPath = ".callprep/index.sqlite"

    let queue: DatabaseQueue
    public let path: String

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
            throw DiagnosticError([Diagnostic(file: path,
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
}

extension IndexStore {
    /// Runs `body` in one transaction: all of its writes land, or none.
    public func write<T>(_ body: (IndexWriter) throws -> T) throws(DiagnosticError) -> T {
        do {
            return try queue.write { db in try body(IndexWriter(db: db)) }
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw failure(error)
        }
    }

    /// What the index knows of each file: its content hash, and its size and modification time
    /// (nil when they cannot be trusted).
    public func files() throws(DiagnosticError) -> [String: IndexedFile] {
        try read { db in
            // Four columns, by position: decoding whole records made an unchanged re-ingest of
            // 10,000 files 0.05 s slower (BENCHMARKS.md).
            var out: [String: IndexedFile] = [:]
            let columns = DebriefRow.Columns.self
            let rows = try Row.fetchCursor(db, DebriefRow.select(columns.path, columns.contentHash, columns.fileSize,
                                                                 columns.fileModified))
            while let row = try rows.next() {
                out[row[0]] = IndexedFile(hash: row[1], size: row[2], modified: row[3])
            }
            return out
        }
    }

    /// Every indexed record, oldest first (for the brief's history and for tests).
    public func records() throws(DiagnosticError) -> [DebriefRecord] {
        try read { db in
            let paths = try String.fetchAll(db, DebriefRow.select(DebriefRow.Columns.path)
                .order(DebriefRow.Columns.date, DebriefRow.Columns.path))
            return try paths.compactMap { path in try IndexWriter.record(at: path, in: db) }
        }
    }

    /// Reads the index in one consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws(DiagnosticError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw failure(error)
        }
    }

    func failure(_ error: any Error) -> DiagnosticError {
        DiagnosticError([Diagnostic(file: path, IndexProblem.failed("\(error)"))])
    }
}

/// An indexed file as `ingest` compares it with the one on disk.
public struct IndexedFile: Sendable, Equatable {
    public var hash: String
    public var size: Int?
    public var modified: Int64?

    public init(hash: String, size: Int?, modified: Int64?) {
        self.hash = hash
        self.size = size
        self.modified = modified
    }

    /// Whether the file on disk has the size and time the index saw: then it is not even read.
    public func matches(_ status: FileStatus?) -> Bool {
        guard let status, let size, let modified else { return false }
        return status.size == size && status.modified == modified
    }
}
