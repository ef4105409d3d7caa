import GRDB

/// What a stored scorecard depends on beyond its debrief file, as fingerprints: one for the whole
/// index (the process files and callprep's version, under the key "") and one per meeting id (the
/// meeting file's facts and the brief written). An ingest that finds a fingerprint changed scores
/// again the deals it touches (all of them for the first), so that the index never keeps a score
/// that `callprep score` would no longer give.
let scoringContextSchema = """
    CREATE TABLE scoringContext (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL);
    """

extension IndexWriter {
    /// The fingerprints the stored scorecards were made with, by key ("" for the whole index).
    public func scoringContexts() throws -> [String: String] {
        Dictionary(try Row.fetchAll(db, sql: "SELECT key, fingerprint FROM scoringContext").map { ($0[0], $0[1]) },
                   uniquingKeysWith: { first, _ in first })
    }

    public func replaceScoringContexts(_ fingerprints: [String: String]) throws {
        try db.execute(sql: "DELETE FROM scoringContext")
        let insert = try db.makeStatement(sql: "INSERT INTO scoringContext (key, fingerprint) VALUES (?, ?)")
        for (key, fingerprint) in fingerprints { try insert.execute(arguments: [key, fingerprint]) }
    }

    /// Every deal the index holds.
    public func allDeals() throws -> Set<DealKey> {
        Set(try Row.fetchAll(db, sql: "SELECT DISTINCT processID, COALESCE(opportunity, path) FROM debrief")
            .map { DealKey(process: $0[0], opportunity: $0[1]) })
    }

    /// The deals of the debriefs of these meetings.
    public func deals(ofMeetings meetings: Set<String>) throws -> Set<DealKey> {
        guard !meetings.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: meetings.count).joined(separator: ", ")
        return Set(try Row.fetchAll(db, sql: """
            SELECT DISTINCT processID, COALESCE(opportunity, path) FROM debrief WHERE meetingID IN (\(marks))
            """, arguments: StatementArguments(Array(meetings))).map { DealKey(process: $0[0], opportunity: $0[1]) })
    }
}
