import Foundation
import GRDB

/// The SQLite index of debriefs: a cache of the files, which can always be rebuilt from them.
///
/// The one owner of the database: every read and write is a named method here or in
/// `IndexWriter` (one transaction), and rows are the records of IndexRecords.swift.
public final class IndexStore: DebriefIndex {
    public static let defaultPath = ".callprep/index.sqlite"
    /// How long a reader or writer waits for another process's transaction before giving up.
    static let busyTimeout: TimeInterval = 120

    private(set) var queue: DatabaseQueue
    /// The path as given: what messages name.
    public let path: String
    /// The index file itself: `path` with its symbolic links followed, so that a rebuild replaces
    /// the file a link leads to, not the link.
    let file: String
    private let lock: IndexLock
    /// The file this store opened (device and inode), to notice that a rebuild replaced it.
    private var opened: FileIdentity?

    /// Opens the index at `path`, creating it when `create` (else a missing index is an error, and
    /// nothing is created); `:memory:` for one in memory. A damaged index, or one of a newer
    /// schema, is an error that says how to rebuild it. The file is opened in the writers' turn,
    /// so that a rebuild under way is waited for and its index is the one opened.
    public init(path: String, create: Bool = true) throws(DiagnosticError) {
        self.path = path
        let file = path == ":memory:" ? path : WriteTarget.linkedPath(path)
        self.file = file
        let lock = IndexLock(indexPath: file)
        self.lock = lock
        if path != ":memory:", !create, !FileManager.default.fileExists(atPath: path) {
            throw DiagnosticError([Diagnostic(file: path, IndexProblem.noIndex)])
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        do {
            if path == ":memory:" {
                queue = try Self.open(nil, configuration: configuration, path: path)
            } else {
                let folder = (file as NSString).deletingLastPathComponent
                if !folder.isEmpty {
                    do {
                        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    } catch {
                        throw IndexLockError(reason: "cannot create the folder \(folder)", path: folder)
                    }
                }
                (queue, opened) = try lock.exclusively {
                    (try Self.open(file, configuration: configuration, path: path), FileIdentity(file))
                }
            }
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw Self.failure(error, path: path, opening: true)
        }
    }

    /// A copy of this index in memory, to add debriefs to for one run without storing them (a
    /// debrief read from standard input).
    public func inMemoryCopy() throws(DiagnosticError) -> any DebriefIndex {
        let copy = try IndexStore(path: ":memory:")
        do {
            try queue.backup(to: copy.queue)
        } catch {
            throw failure(error)
        }
        return copy
    }

    /// Opens the database at `file` (in memory when nil) and brings its schema up to date.
    private static func open(_ file: String?, configuration: Configuration, path: String) throws -> DatabaseQueue {
        let queue = try file.map { try DatabaseQueue(path: $0, configuration: configuration) }
            ?? DatabaseQueue(configuration: configuration)
        if try queue.read({ try migrator.hasBeenSuperseded($0) }) {
            throw DiagnosticError([Diagnostic(file: path, IndexProblem.newerSchema)])
        }
        try migrator.migrate(queue)
        return queue
    }

    /// Runs `body` in the writers' turn, held throughout, on the index as it is now: when a
    /// rebuild put a new file in place since this store opened it, the new file is opened first
    /// (the old one is gone from the folder, and SQLite refuses to write it).
    public func updating<T>(_ body: () throws(DiagnosticError) -> T) throws(DiagnosticError) -> T {
        do {
            return try inTurn { () throws -> T in try body() }
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw failure(error)
        }
    }

    /// `body` in the writers' turn, on the index file that is in place now.
    private func inTurn<T>(_ body: () throws -> T) throws -> T {
        try lock.exclusively {
            if path != ":memory:", let now = FileIdentity(file), now != opened {
                var configuration = Configuration()
                configuration.busyMode = .timeout(Self.busyTimeout)
                queue = try Self.open(file, configuration: configuration, path: path)
                opened = now
            }
            return try body()
        }
    }

    /// Builds a new index in place of the one at `path`, damaged or not: `body` fills a fresh index
    /// beside it, which then replaces it (with its journal), so that a failure leaves the old one.
    /// Through a symbolic link, the file it leads to is replaced, in its own folder. The writers'
    /// turn is held from start to end, rename included: an ingest that waits for it then opens the
    /// new index.
    public static func rebuild<T>(path: String, _ body: (IndexStore) throws(DiagnosticError) -> T) throws(DiagnosticError) -> T {
        let file = WriteTarget.linkedPath(path)
        let fresh = file + ".rebuild"
        let lock = IndexLock(indexPath: file)
        do {
            return try lock.exclusively {
                for leftover in [fresh, fresh + "-journal", fresh + "-wal", fresh + "-shm"] { unlink(leftover) }
                defer { unlink(fresh + ".lock") }
                let result: T
                do {
                    let store = try IndexStore(path: fresh)
                    result = try body(store)
                } catch {
                    for leftover in [fresh, fresh + "-journal"] { unlink(leftover) }
                    throw error
                }
                for stale in [file + "-journal", file + "-wal", file + "-shm"] { unlink(stale) }
                guard rename(fresh, file) == 0 else {
                    throw IndexLockError(reason: String(cString: strerror(errno)), path: path)
                }
                return result
            }
        } catch let error as DiagnosticError {
            // Problems of the fresh index are the index's: named by the path the user gave.
            throw DiagnosticError(error.diagnostics.map { diagnostic in
                var named = diagnostic
                if named.file == fresh { named.file = path }
                return named
            })
        } catch {
            throw failure(error, path: path, opening: false)
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
        // The managers' review answers (Store/DisagreementRows.swift).
        migrator.registerMigration("v3") { db in
            try db.execute(sql: reviewAnswersSchema)
        }
        // What the stored scorecards were made with (Store/ScoringContext.swift).
        migrator.registerMigration("v4") { db in
            try db.execute(sql: scoringContextSchema)
        }
        return migrator
    }
}

extension IndexStore {
    /// Runs `body` in one transaction, in the writers' turn (`IndexLock`), on the index file in
    /// place now: all of its writes land, or none.
    public func write<T>(_ body: (any DebriefIndexWriter) throws -> T) throws(DiagnosticError) -> T {
        do {
            return try inTurn { [self] in try queue.write { db in try body(IndexWriter(db: db)) } }
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

    /// Every indexed record, oldest first (for tests: commands look records up by opportunity).
    public func records() throws(DiagnosticError) -> [DebriefRecord] {
        try read { db in
            let paths = try String.fetchAll(db, DebriefRow.select(DebriefRow.Columns.path)
                .order(DebriefRow.Columns.date, DebriefRow.Columns.path))
            return try paths.compactMap { path in try IndexWriter.record(at: path, in: db) }
        }
    }

    /// What a brief or a form needs of the index, through its indexes: every debrief of one
    /// opportunity, and the latest debriefs of `rep` before `date` that hold coaching notes (the
    /// brief shows five notes at most). Oldest first.
    public func records(opportunity: String, process: String, rep: String?, before date: String,
                        notesFrom latest: Int) throws(DiagnosticError) -> [DebriefRecord] {
        try read { db in
            var paths = try String.fetchAll(db, sql: """
                SELECT path FROM debrief WHERE processID = ? AND opportunity = ? ORDER BY date, path
                """, arguments: [process, opportunity])
            if let rep {
                paths += try String.fetchAll(db, sql: """
                    SELECT path FROM debrief d WHERE rep = ? AND date < ?
                      AND EXISTS (SELECT 1 FROM coachingNote n WHERE n.path = d.path)
                    ORDER BY date DESC, path DESC LIMIT ?
                    """, arguments: [rep, date, latest])
            }
            var seen: Set<String> = []
            return try paths.filter { seen.insert($0).inserted }.compactMap { try IndexWriter.record(at: $0, in: db) }
                .sorted(by: OpportunityHistory.precedes)
        }
    }

    /// The latest debrief of each opportunity (a debrief without one is its own), through the
    /// index by opportunity: what open next steps come from.
    public func latestOfEachOpportunity() throws(DiagnosticError) -> [DebriefRecord] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT path FROM debrief d WHERE d.opportunity IS NULL OR NOT EXISTS (
                    SELECT 1 FROM debrief e WHERE e.processID = d.processID AND e.opportunity = d.opportunity
                      AND (e.date > d.date OR (e.date = d.date AND e.path > d.path)))
                """).compactMap { try IndexWriter.record(at: $0, in: db) }
        }
    }

    /// The indexed debrief of each meeting id (the first by path, when there are several).
    public func meetings() throws(DiagnosticError) -> [String: String] {
        try read { db in
            var out: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT meetingID, path FROM debrief ORDER BY path DESC") {
                out[row[0]] = row[1]
            }
            return out
        }
    }

    /// The reps the index knows, sorted.
    public func reps() throws(DiagnosticError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT rep FROM debrief WHERE rep IS NOT NULL ORDER BY rep") }
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
        Self.failure(error, path: path, opening: false)
    }

    /// An error of SQLite, GRDB or the file system as a problem in plain words.
    static func failure(_ error: any Error, path: String, opening: Bool) -> DiagnosticError {
        let problem: IndexProblem
        if let error = error as? DatabaseError {
            let reason = error.message ?? "SQLite error \(error.resultCode.rawValue)"
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: problem = .damaged(reason)
            case .SQLITE_FULL: problem = .diskFull
            case .SQLITE_IOERR: problem = .cannotWrite(reason)
            case .SQLITE_READONLY: problem = .readOnly(reason)
            case .SQLITE_BUSY, .SQLITE_LOCKED: problem = .busy
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: problem = .cannotOpen(reason)
            default: problem = opening ? .cannotOpen(reason) : .failed(reason)
            }
        } else if let error = error as? IndexLockError {
            problem = .cannotOpen("\(error.path): \(error.reason)")
        } else {
            problem = opening ? .cannotOpen(error.localizedDescription) : .failed(error.localizedDescription)
        }
        return DiagnosticError([Diagnostic(file: path, problem)])
    }
}

/// Which file a path names now (device and inode): a file renamed into place is another.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64

    init?(_ path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
