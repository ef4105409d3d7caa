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
        return migrator
    }

    /// Paths and content hashes of everything indexed.
    func hashes() throws -> [String: String] {
        try queue.read { db in
            var out: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT path, contentHash FROM debrief")
            while let row = try rows.next() { out[row["path"]] = row["contentHash"] }
            return out
        }
    }

    /// Every indexed record of one opportunity, oldest first.
    func records(process: String, opportunity: String, in db: Database) throws -> [DebriefRecord] {
        let json = try String.fetchAll(db, sql: """
            SELECT record FROM debrief WHERE processID = ? AND opportunity = ? ORDER BY date, path
            """, arguments: [process, opportunity])
        return try json.map { try JSONDecoder().decode(DebriefRecord.self, from: Data($0.utf8)) }
    }

    /// Every indexed record, oldest first (for the brief's history and for tests).
    public func records() throws -> [DebriefRecord] {
        try queue.read { db in
            try String.fetchAll(db, sql: "SELECT record FROM debrief ORDER BY date, path")
                .map { try JSONDecoder().decode(DebriefRecord.self, from: Data($0.utf8)) }
        }
    }
}
