import GRDB

/// Which debriefs a report or the coaching notes cover.
public struct ReportFilter: Sendable, Hashable, Codable {
    /// `YYYY-MM-DD`, inclusive.
    public var since: String?
    public var until: String?
    public var rep: String?
    public var process: String?

    public init(since: String? = nil, until: String? = nil, rep: String? = nil, process: String? = nil) {
        self.since = since
        self.until = until
        self.rep = rep
        self.process = process
    }

    /// A WHERE clause on the `debrief` or `itemStatus` table aliased `d`, and its arguments.
    var sql: (clause: String, arguments: StatementArguments) {
        var conditions = ["1 = 1"]
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let since { conditions.append("d.date >= ?"); arguments.append(since) }
        if let until { conditions.append("d.date <= ?"); arguments.append(until) }
        if let rep { conditions.append("d.rep = ?"); arguments.append(rep) }
        if let process { conditions.append("d.processID = ?"); arguments.append(process) }
        return (conditions.joined(separator: " AND "), StatementArguments(arguments))
    }
}

/// The rows a team report is added up from (Report/TeamReport.swift).
public struct ReportRows: Sendable {
    /// One call's figures.
    public struct Call: Sendable {
        public let date: String
        public let score: Int
        public let selfScore: Int?
        public let managerScore: Int?
    }

    /// How many calls gave one item one status, per rep and process.
    public struct Tally: Sendable {
        public let rep: String
        public let process: String
        public let item: String
        public let kind: String
        public let status: Scorecard.Status?
        public let count: Int
    }

    /// One debrief, for the stage table.
    public struct Opportunity: Sendable {
        public let process: String
        /// The opportunity id, or the debrief's path when it names none.
        public let opportunity: String
        public let stage: String
        public let gained: Int
        public let ahead: Bool
    }

    /// Each rep's calls in date order.
    public let calls: [String: [Call]]
    public let tallies: [Tally]
    /// In date order.
    public let opportunities: [Opportunity]
}

/// One coaching note with its debrief's rep, process and date.
public struct IndexedCoachingNote: Sendable {
    public let rep: String
    public let process: String
    public let date: String
    public let path: String
    public let text: String
    public let milestone: String?
    public let author: String?
    public let line: Int
}

extension IndexStore {
    /// The rows of a team report over the debriefs `filter` lets through.
    public func reportRows(_ filter: ReportFilter) throws(DiagnosticError) -> ReportRows {
        let (clause, arguments) = filter.sql
        return try read { db in
            // Each query reads one covering index (schema v2), with no join: 100,000 debriefs in well
            // under a second. Columns are read by position: looking them up by name costs more than
            // the query, row after row (BENCHMARKS.md).
            var calls: [String: [ReportRows.Call]] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT d.rep, d.score, d.selfScore, d.managerScore, d.date FROM debrief d
                WHERE \(clause) ORDER BY d.rep, d.date, d.path
                """, arguments: arguments)
            while let row = try rows.next() {
                calls[row[0] ?? "", default: []].append(ReportRows.Call(date: row[4] ?? "", score: row[1] ?? 0,
                                                                        selfScore: row[2], managerScore: row[3]))
            }
            // Counted by status, which SQLite does fastest (no expression per row).
            var tallies: [ReportRows.Tally] = []
            let itemRows = try Row.fetchCursor(db, sql: """
                SELECT d.rep, d.processID, d.item, d.kind, d.status, COUNT(*)
                FROM itemStatus d WHERE \(clause) GROUP BY d.rep, d.processID, d.item, d.kind, d.status
                """, arguments: arguments)
            while let row = try itemRows.next() {
                tallies.append(ReportRows.Tally(rep: row[0] ?? "", process: row[1], item: row[2], kind: row[3],
                                                status: Scorecard.Status(rawValue: row[4]), count: row[5]))
            }
            var opportunities: [ReportRows.Opportunity] = []
            let opportunityRows = try Row.fetchCursor(db, sql: """
                SELECT d.processID AS process, COALESCE(d.opportunity, d.path) AS opportunity, d.stage, d.gained,
                       d.aheadOfEvidence AS ahead
                FROM debrief d WHERE \(clause) ORDER BY d.date, d.path
                """, arguments: arguments)
            while let row = try opportunityRows.next() {
                opportunities.append(ReportRows.Opportunity(process: row[0], opportunity: row[1], stage: row[2],
                                                            gained: row[3] ?? 0, ahead: row[4]))
            }
            return ReportRows(calls: calls, tallies: tallies, opportunities: opportunities)
        }
    }

    /// The coaching notes of the debriefs `filter` lets through, by rep, newest first.
    public func coachingNoteRows(_ filter: ReportFilter) throws(DiagnosticError) -> [IndexedCoachingNote] {
        let (clause, arguments) = filter.sql
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT COALESCE(d.rep, '') AS rep, d.processID AS process, d.date, d.path, n.text, n.milestone,
                       n.author, n.line
                FROM coachingNote n JOIN debrief d ON d.path = n.path
                WHERE \(clause) ORDER BY rep, d.date DESC, d.path, n.line
                """, arguments: arguments).map { row in
                IndexedCoachingNote(rep: row["rep"], process: row["process"], date: row["date"], path: row["path"],
                                    text: row["text"], milestone: row["milestone"], author: row["author"],
                                    line: row["line"])
            }
        }
    }
}
