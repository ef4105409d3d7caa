import Foundation
import PostgresNIO

/// The team index's named writes, inside one transaction (`PostgresStore.write`).
///
/// Writes are kept in memory and sent at the end in batches (`flush`): a delete of every path
/// replaced or removed, then multi-row inserts, thousands of rows a statement. One round trip per
/// row made a fresh ingest of 10,000 debriefs many times slower than SQLite's (BENCHMARKS.md).
/// What the writer is asked meanwhile (a deal's debriefs, the deals of some meetings) it answers
/// from what the workspace held when it was first asked, with its own writes applied.
final class PostgresWriter: DebriefIndexWriter {
    private let store: PostgresStore
    private var session: PostgresSession { store.session }
    private var workspace: String { store.workspace }

    /// One indexed debrief, as the writer needs to know it.
    private struct Known {
        let deal: DealKey
        let date: String
        let meeting: String
    }

    private var loaded: [String: Known]?
    private var deleted: Set<String> = []
    private var added: [String: (record: DebriefRecord, file: IndexedFile)] = [:]
    private var scored: [String: (card: Scorecard, record: DebriefRecord, gained: Int)] = [:]
    private var storedContexts: [String: String]?

    init(store: PostgresStore) {
        self.store = store
    }

    /// The workspace's debriefs, read once, with this transaction's writes applied.
    private func known() throws -> [String: Known] {
        if let loaded { return loaded }
        var out: [String: Known] = [:]
        for row in try session.query("""
            SELECT path, process_id, COALESCE(opportunity, path), date, meeting_id FROM debriefs WHERE workspace = $1
            """, PostgresBindings(workspace)) {
            let (path, process, opportunity, date, meeting) = try row.decode((String, String, String, String, String).self)
            out[path] = Known(deal: DealKey(process: process, opportunity: opportunity), date: date, meeting: meeting)
        }
        loaded = out
        return out
    }

    func removeAll() throws {
        for path in try known().keys { deleted.insert(path) }
        loaded = [:]
        added = [:]
        scored = [:]
    }

    func remove(paths: [String]) throws -> Set<DealKey> {
        guard !paths.isEmpty else { return [] }
        var all = try known()
        var affected: Set<DealKey> = []
        for path in paths {
            if let old = all.removeValue(forKey: path) { affected.insert(old.deal) }
            deleted.insert(path)
            added[path] = nil
            scored[path] = nil
        }
        loaded = all
        return affected
    }

    /// Nothing to do: a team index knows files by their content alone, not by their time.
    func touch(_ path: String, file: IndexedFile) throws {}

    func replace(_ record: DebriefRecord, path: String, file: IndexedFile) throws -> Set<DealKey> {
        var all = try known()
        var affected: Set<DealKey> = []
        if let old = all[path] { affected.insert(old.deal) }
        let deal = DealKey(ofAny: record)
        all[path] = Known(deal: deal, date: record.meeting.date, meeting: record.meeting.id)
        loaded = all
        deleted.insert(path)
        added[path] = (record, file)
        scored[path] = nil
        affected.insert(deal)
        return affected
    }

    func records(of deal: DealKey, known given: [String: DebriefRecord]) throws -> [DebriefRecord] {
        let paths = try known().filter { $0.value.deal == deal }
            .sorted { ($0.value.date, $0.key) < ($1.value.date, $1.key) }.map(\.key)
        let missing = paths.filter { given[$0] == nil && added[$0] == nil }
        let fetched = try store.fetchRecords(missing)
        return paths.compactMap { given[$0] ?? added[$0]?.record ?? fetched[$0] }
    }

    func setScorecard(_ card: Scorecard, of record: DebriefRecord, gained: Int) throws {
        scored[record.source] = (card, record, gained)
    }

    func scoringContexts() throws -> [String: String] {
        if let storedContexts { return storedContexts }
        var out: [String: String] = [:]
        for row in try session.query("SELECT key, fingerprint FROM scoring_contexts WHERE workspace = $1",
                                     PostgresBindings(workspace)) {
            let (key, fingerprint) = try row.decode((String, String).self)
            out[key] = fingerprint
        }
        storedContexts = out
        return out
    }

    func replaceScoringContexts(_ fingerprints: [String: String]) throws {
        guard try scoringContexts() != fingerprints else { return }
        try session.execute("DELETE FROM scoring_contexts WHERE workspace = $1", PostgresBindings(workspace))
        try insert("scoring_contexts", ["workspace", "key", "fingerprint"],
                   fingerprints.sorted { $0.key < $1.key }.map { [workspace, $0.key, $0.value] })
        storedContexts = fingerprints
    }

    func allDeals() throws -> Set<DealKey> {
        Set(try known().values.map(\.deal))
    }

    func deals(ofMeetings meetings: Set<String>) throws -> Set<DealKey> {
        guard !meetings.isEmpty else { return [] }
        return Set(try known().values.filter { meetings.contains($0.meeting) }.map(\.deal))
    }

    /// Sends what this transaction wrote: the rows of replaced and removed paths go (their items,
    /// findings, steps, notes and answers with them), then the new rows come, in batches.
    func flush() throws {
        if !deleted.isEmpty {
            try session.execute("DELETE FROM debriefs WHERE workspace = $1 AND path = ANY($2)",
                                PostgresBindings(workspace, deleted.sorted()))
        }
        let newPaths = added.keys.sorted()
        try insert("debriefs", ["workspace", "path", "content_hash", "meeting_id", "date", "account", "opportunity", "rep",
                                "stage", "process_id", "process_version", "reviewer", "review_answers", "score",
                                "claimed_score", "self_score", "manager_score", "evidenced_stage", "ready_to_advance",
                                "gained", "ahead_of_evidence"], newPaths.compactMap { path in
            guard let (record, file) = added[path] else { return nil }
            let meeting = record.meeting, card = scored[path]
            return [workspace, path, file.hash, meeting.id, meeting.date, meeting.account, meeting.opportunity, meeting.rep,
                    meeting.stage, record.process.id, record.process.version, record.storedReviewer,
                    record.answeredReviewRows] + Self.figures(card)
        })
        try insert("debrief_records", ["workspace", "path", "record"], newPaths.compactMap { path in
            added[path].map { [workspace, path, JSONWriter.write($0.record) + "\n"] }
        })
        try insert("coaching_notes", ["workspace", "path", "text", "milestone", "author", "line"], newPaths.flatMap { path in
            (added[path]?.record.coachingNotes ?? []).map { [workspace, path, $0.text, $0.milestone, $0.author, $0.line] }
        })
        try insert("next_steps", ["workspace", "path", "action", "owner", "due", "due_date", "line"], newPaths.flatMap { path in
            (added[path]?.record.nextSteps ?? []).map { [workspace, path, $0.action, $0.owner, $0.due, $0.dueDate, $0.line] }
        })
        try updateFigures(scored.keys.filter { added[$0] == nil }.sorted())
        try insertScorecards()
        deleted = []
        added = [:]
        scored = [:]
    }

    /// A scorecard's figures, in the order of the `debriefs` columns from `score` on.
    private static func figures(_ card: (card: Scorecard, record: DebriefRecord, gained: Int)?)
        -> [(any PostgresDynamicTypeEncodable)?] {
        guard let (card, _, gained) = card else { return [nil, nil, nil, nil, nil, nil, nil, false] }
        return [card.score, card.claimedScore, card.selfScore, card.managerScore, card.stage.evidenced, card.readyToAdvance,
                gained, StoredScorecard.aheadOfEvidence(card)]
    }

    /// New figures for debriefs kept as they were (scored again as their deal changed), in one
    /// statement per batch; their items, findings and answers are replaced below.
    private func updateFigures(_ paths: [String]) throws {
        guard !paths.isEmpty else { return }
        for batch in stride(from: 0, to: paths.count, by: 5_000) {
            let slice = paths[batch..<min(batch + 5_000, paths.count)]
            var binds = PostgresBindings(workspace)
            var rows: [String] = []
            for path in slice {
                let first = binds.count + 1
                binds.append(all: [path] + Self.figures(scored[path]))
                rows.append("($\(first), $\(first + 1)::integer, $\(first + 2)::integer, $\(first + 3)::integer, "
                    + "$\(first + 4)::integer, $\(first + 5)::text, $\(first + 6)::boolean, $\(first + 7)::integer, "
                    + "$\(first + 8)::boolean)")
            }
            try session.execute("""
                UPDATE debriefs d SET score = v.score, claimed_score = v.claimed, self_score = v.self,
                       manager_score = v.manager, evidenced_stage = v.evidenced, ready_to_advance = v.ready,
                       gained = v.gained, ahead_of_evidence = v.ahead
                FROM (VALUES \(rows.joined(separator: ", "))) AS v(path, score, claimed, self, manager, evidenced, ready,
                                                                   gained, ahead)
                WHERE d.workspace = $1 AND d.path = v.path
                """, binds)
            let kept = Array(slice)
            for table in ["items", "findings", "review_answers"] {
                try session.execute("DELETE FROM \(table) WHERE workspace = $1 AND path = ANY($2)",
                                    PostgresBindings(workspace, kept))
            }
        }
    }

    /// The items in play, findings and review answers of every scorecard stored in this transaction.
    private func insertScorecards() throws {
        let paths = scored.keys.sorted()
        try insert("items", ["workspace", "path", "item", "kind", "status", "reason", "weight", "line", "rep", "process_id",
                             "date"], paths.flatMap { path -> [[(any PostgresDynamicTypeEncodable)?]] in
            guard let (card, record, _) = scored[path] else { return [] }
            return StoredScorecard.items(card).map { item in
                [workspace, path, item.id, item.kind.rawValue, item.status.rawValue, item.reason, item.weight, item.line,
                 record.meeting.rep, record.process.id, record.meeting.date]
            }
        })
        try insert("findings", ["workspace", "path", "check_id", "message", "line"], paths.flatMap { path in
            (scored[path]?.card.findings ?? []).map { [workspace, path, $0.check, $0.message, $0.line] }
        })
        try insert("review_answers", ["workspace", "path", "item", "kind", "agree", "status", "judged", "weight", "line",
                                      "evidence", "comment", "facts", "rep", "reviewer", "process_id", "date"],
                   paths.flatMap { path -> [[(any PostgresDynamicTypeEncodable)?]] in
            guard let (card, record, _) = scored[path] else { return [] }
            return StoredScorecard.answers(card, of: record).map { answer in
                let item = answer.item
                return [workspace, path, item.id, item.kind.rawValue, answer.agree, item.status.rawValue,
                        item.judged?.rawValue, item.weight, item.line, answer.evidence, answer.comment, answer.facts,
                        record.meeting.rep, record.storedReviewer, record.process.id, record.meeting.date]
            }
        })
    }

    /// Multi-row inserts of `rows` into `table`, as many rows a statement as the protocol's
    /// 65,535 parameters allow.
    private func insert(_ table: String, _ columns: [String], _ rows: [[(any PostgresDynamicTypeEncodable)?]]) throws {
        let perStatement = max(1, 65_000 / columns.count)
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let batch = rows[start..<min(start + perStatement, rows.count)]
            var binds = PostgresBindings(capacity: batch.count * columns.count)
            var values: [String] = []
            values.reserveCapacity(batch.count)
            for row in batch {
                let first = binds.count + 1
                binds.append(all: row)
                values.append("(" + (first..<(first + row.count)).map { "$\($0)" }.joined(separator: ", ") + ")")
            }
            try session.execute("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + values.joined(separator: ", "), binds)
        }
    }
}
