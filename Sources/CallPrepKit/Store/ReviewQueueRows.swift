import GRDB

/// A debrief waiting for a manager's review, as the index holds it: its stored score and findings.
public struct QueuedDebrief: Sendable, Hashable, Codable {
    public let source: String
    public let date: String
    public let rep: String?
    public let account: String?
    public let score: Int?
    public let findings: Int
}

extension IndexStore {
    /// The debriefs with no review row answered and no grade, oldest first, with their stored
    /// scores (up to date: the index is brought up to date before it is read).
    public func reviewQueueRows() throws(DiagnosticError) -> [QueuedDebrief] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.path, d.date, d.rep, d.account, d.score, (SELECT COUNT(*) FROM finding f WHERE f.path = d.path)
                FROM debrief d WHERE d.reviewAnswers = 0 AND d.managerScore IS NULL ORDER BY d.date, d.path
                """).map { QueuedDebrief(source: $0[0], date: $0[1], rep: $0[2], account: $0[3], score: $0[4], findings: $0[5]) }
        }
    }
}
