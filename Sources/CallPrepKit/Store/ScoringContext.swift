import GRDB

/// What a stored scorecard depends on beyond its debrief file: the meeting files' facts, the
/// briefs written, the processes and callprep's version, as one fingerprint. An ingest that finds
/// another fingerprint than the one stored scores every deal again, so that the index never keeps
/// a score that `callprep score` would no longer give.
let scoringContextSchema = """
    CREATE TABLE scoringContext (id INTEGER PRIMARY KEY CHECK (id = 1), fingerprint TEXT NOT NULL);
    """

extension IndexWriter {
    /// The fingerprint the stored scorecards were made with; nil before any.
    public func scoringContext() throws -> String? {
        try String.fetchOne(db, sql: "SELECT fingerprint FROM scoringContext WHERE id = 1")
    }

    public func setScoringContext(_ fingerprint: String) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO scoringContext (id, fingerprint) VALUES (1, ?)", arguments: [fingerprint])
    }

    /// Every deal the index holds.
    public func allDeals() throws -> Set<DealKey> {
        Set(try Row.fetchAll(db, sql: "SELECT DISTINCT processID, COALESCE(opportunity, path) FROM debrief")
            .map { DealKey(process: $0[0], opportunity: $0[1]) })
    }
}
