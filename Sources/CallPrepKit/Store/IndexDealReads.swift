import GRDB

/// The SQLite index's reads of some deals' records: the history `score` takes from the index, `agenda`'s day.
extension IndexStore {
    /// Every debrief of the given opportunities, through the index by opportunity.
    public func records(of opportunities: [DealKey]) throws(DiagnosticError) -> [DebriefRecord] {
        try read { db in
            try opportunities.flatMap { key in
                try String.fetchAll(db, sql: "SELECT path FROM debrief WHERE processID = ? AND opportunity = ?",
                                    arguments: [key.process, key.opportunity])
                    .compactMap { try IndexWriter.record(at: $0, in: db) }
            }
        }
    }

    public func records(opportunities: [String], meetings: [String]) throws(DiagnosticError) -> [DebriefRecord] {
        guard !opportunities.isEmpty || !meetings.isEmpty else { return [] }
        let marks = { (values: [String]) in values.map { _ in "?" }.joined(separator: ", ") }
        return try read { db in
            try String.fetchAll(db, sql: """
                SELECT path FROM debrief WHERE opportunity IN (\(marks(opportunities))) OR meetingID IN (\(marks(meetings)))
                ORDER BY path
                """, arguments: StatementArguments(opportunities + meetings))
                .compactMap { try IndexWriter.record(at: $0, in: db) }
        }
    }
}
