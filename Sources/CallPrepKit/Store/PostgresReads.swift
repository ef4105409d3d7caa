import Foundation
import PostgresNIO

/// The team index's named reads: the questions of `DebriefIndex`, asked of one workspace's rows,
/// in the same order as `IndexStore` answers them (text compared byte by byte: the "C" collation).
extension PostgresStore {
    /// Each file's content hash. No size or time: a file is read and hashed at every ingest, and
    /// skipped when its bytes are as indexed, since a CI clone gives every file a fresh time.
    public func files() throws(DiagnosticError) -> [String: IndexedFile] {
        try guarded {
            var out: [String: IndexedFile] = [:]
            for row in try session.query("SELECT path, content_hash FROM debriefs WHERE workspace = $1",
                                         PostgresBindings(workspace)) {
                let (path, hash) = try row.decode((String, String).self)
                out[path] = IndexedFile(hash: hash, size: nil, modified: nil)
            }
            return out
        }
    }

    public func records() throws(DiagnosticError) -> [DebriefRecord] {
        try records(paths: "SELECT path FROM debriefs WHERE workspace = $1 ORDER BY date, path", PostgresBindings(workspace))
    }

    public func records(opportunity: String, process: String, rep: String?, before date: String,
                        notesFrom latest: Int) throws(DiagnosticError) -> [DebriefRecord] {
        try guarded {
            var paths = try column("""
                SELECT path FROM debriefs WHERE workspace = $1 AND process_id = $2 AND opportunity = $3 ORDER BY date, path
                """, PostgresBindings(workspace, process, opportunity))
            if let rep {
                paths += try column("""
                    SELECT path FROM debriefs d WHERE workspace = $1 AND rep = $2 AND date < $3
                      AND EXISTS (SELECT 1 FROM coaching_notes n WHERE n.workspace = d.workspace AND n.path = d.path)
                    ORDER BY date DESC, path DESC LIMIT $4
                    """, PostgresBindings(workspace, rep, date, latest))
            }
            var seen: Set<String> = []
            let unique = paths.filter { seen.insert($0).inserted }
            let fetched = try fetchRecords(unique)
            return unique.compactMap { fetched[$0] }.sorted(by: OpportunityHistory.precedes)
        }
    }

    public func latestOfEachOpportunity() throws(DiagnosticError) -> [DebriefRecord] {
        try records(paths: """
            SELECT path FROM debriefs d WHERE workspace = $1 AND (d.opportunity IS NULL OR NOT EXISTS (
                SELECT 1 FROM debriefs e WHERE e.workspace = d.workspace AND e.process_id = d.process_id
                  AND e.opportunity = d.opportunity AND (e.date > d.date OR (e.date = d.date AND e.path > d.path))))
            ORDER BY path
            """, PostgresBindings(workspace))
    }

    public func meetings() throws(DiagnosticError) -> [String: String] {
        try guarded {
            var out: [String: String] = [:]
            for row in try session.query("SELECT meeting_id, path FROM debriefs WHERE workspace = $1 ORDER BY path DESC",
                                         PostgresBindings(workspace)) {
                let (meeting, path) = try row.decode((String, String).self)
                out[meeting] = path
            }
            return out
        }
    }

    public func reps() throws(DiagnosticError) -> [String] {
        try guarded {
            try column("SELECT DISTINCT rep FROM debriefs WHERE workspace = $1 AND rep IS NOT NULL ORDER BY rep",
                       PostgresBindings(workspace))
        }
    }

    public func records(of deals: [DealKey]) throws(DiagnosticError) -> [DebriefRecord] {
        try guarded {
            try deals.flatMap { key in
                let paths = try column("""
                    SELECT path FROM debriefs WHERE workspace = $1 AND process_id = $2 AND opportunity = $3 ORDER BY date, path
                    """, PostgresBindings(workspace, key.process, key.opportunity))
                let fetched = try fetchRecords(paths)
                return paths.compactMap { fetched[$0] }
            }
        }
    }

    public func records(opportunities: [String], meetings: [String]) throws(DiagnosticError) -> [DebriefRecord] {
        guard !opportunities.isEmpty || !meetings.isEmpty else { return [] }
        return try records(paths: """
            SELECT path FROM debriefs WHERE workspace = $1 AND (opportunity = ANY($2) OR meeting_id = ANY($3)) ORDER BY path
            """, PostgresBindings(workspace, opportunities, meetings))
    }

    public func reviewQueueRows() throws(DiagnosticError) -> [QueuedDebrief] {
        try guarded {
            try session.query("""
                SELECT d.path, d.date, d.rep, d.account, d.score,
                       (SELECT COUNT(*) FROM findings f WHERE f.workspace = d.workspace AND f.path = d.path)
                FROM debriefs d WHERE d.workspace = $1 AND d.review_answers = 0 AND d.manager_score IS NULL
                ORDER BY d.date, d.path
                """, PostgresBindings(workspace)).map { row in
                let (path, date, rep, account, score, findings) = try row.decode((String, String, String?, String?, Int?, Int).self)
                return QueuedDebrief(source: path, date: date, rep: rep, account: account, score: score, findings: findings)
            }
        }
    }

    /// The records at these paths, decoded from their JSON, by path.
    func fetchRecords(_ paths: [String]) throws -> [String: DebriefRecord] {
        guard !paths.isEmpty else { return [:] }
        var out: [String: DebriefRecord] = [:]
        let decoder = JSONDecoder()
        for row in try session.query("SELECT path, record FROM debrief_records WHERE workspace = $1 AND path = ANY($2)",
                                     PostgresBindings(workspace, paths)) {
            let (path, record) = try row.decode((String, String).self)
            out[path] = try decoder.decode(DebriefRecord.self, from: Data(record.utf8))
        }
        return out
    }

    /// The records at the paths the query gives, in its order.
    private func records(paths sql: String, _ binds: PostgresBindings) throws(DiagnosticError) -> [DebriefRecord] {
        try guarded {
            let paths = try column(sql, binds)
            let fetched = try fetchRecords(paths)
            return paths.compactMap { fetched[$0] }
        }
    }

    /// The first column of every row, as text.
    func column(_ sql: String, _ binds: PostgresBindings) throws -> [String] {
        try session.query(sql, binds).map { try $0.decode(String.self) }
    }
}

extension ReportFilter {
    /// The conditions on a table aliased `d` (with `workspace`, `date`, `rep` and `process_id`),
    /// for the workspace `workspace`, and their bindings: `$1` to `$n`.
    func postgres(workspace: String) -> (clause: String, binds: PostgresBindings) {
        var binds = PostgresBindings(workspace)
        var conditions = ["d.workspace = $1"]
        for (column, value) in [("d.date >= ", since), ("d.date <= ", until), ("d.rep = ", rep), ("d.process_id = ", process)] {
            guard let value else { continue }
            binds.append(value)
            conditions.append("\(column)$\(binds.count)")
        }
        return (conditions.joined(separator: " AND "), binds)
    }
}
