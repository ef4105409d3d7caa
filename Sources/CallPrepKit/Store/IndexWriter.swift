import Foundation
import GRDB

/// The index's named writes, inside one transaction (`IndexStore.write`).
public struct IndexWriter: DebriefIndexWriter {
    let db: Database

    /// Empties the index.
    public func removeAll() throws {
        try DebriefRow.deleteAll(db)
    }

    /// Removes debriefs by path (their statuses, findings and notes go with them); returns the
    /// opportunities they belonged to, which need scoring again.
    public func remove(paths: [String]) throws -> Set<DealKey> {
        var affected: Set<DealKey> = []
        for path in paths {
            if let row = try DebriefRow.fetchOne(db, key: path) { affected.insert(row.dealKey) }
            try DebriefRow.deleteOne(db, key: path)
        }
        return affected
    }

    /// Records a new size and time for files whose bytes are as indexed.
    public func touch(_ path: String, file: IndexedFile) throws {
        try DebriefRow.filter(key: path).updateAll(db, DebriefRow.Columns.fileSize.set(to: file.size),
                                                   DebriefRow.Columns.fileModified.set(to: file.modified))
    }

    /// Puts `record` in place of whatever the index held at `path`, without its scorecard yet;
    /// returns the opportunities to score again: the record's, and the one it was in before.
    /// Through cached statements: a fresh ingest makes hundreds of thousands of rows, and compiling
    /// each insert again (as GRDB's record methods do) was a fifth of its time (BENCHMARKS.md).
    public func replace(_ record: DebriefRecord, path: String, file: IndexedFile) throws -> Set<DealKey> {
        var affected: Set<DealKey> = []
        if let old = try Row.fetchOne(statement("SELECT processID, opportunity FROM debrief WHERE path = ?"),
                                      arguments: [path]) {
            affected.insert(DealKey(process: old[0], opportunity: old[1] ?? path))
        }
        try run("DELETE FROM debrief WHERE path = ?", [path])
        let meeting = record.meeting
        try run("""
            INSERT INTO debrief (path, contentHash, fileSize, fileModified, meetingID, date, account, opportunity, rep,
                                 stage, processID, processVersion, reviewer, reviewAnswers)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [path, file.hash, file.size, file.modified, meeting.id, meeting.date, meeting.account, meeting.opportunity,
                  meeting.rep, meeting.stage, record.process.id, record.process.version, record.storedReviewer,
                  record.answeredReviewRows])
        try run("INSERT INTO debriefRecord (path, record) VALUES (?, ?)", [path, JSONWriter.write(record) + "\n"])
        for note in record.coachingNotes {
            try run("INSERT INTO coachingNote (path, text, milestone, author, line) VALUES (?, ?, ?, ?, ?)",
                    [path, note.text, note.milestone, note.author, note.line])
        }
        affected.insert(DealKey(ofAny: record))
        return affected
    }

    /// Every indexed debrief of one opportunity, oldest first: those in `known` (just parsed) as
    /// they are, the others decoded from the index.
    public func records(of key: DealKey, known: [String: DebriefRecord]) throws -> [DebriefRecord] {
        var paths = try String.fetchAll(db, DebriefRow.select(DebriefRow.Columns.path)
            .filter(DebriefRow.Columns.processID == key.process && DebriefRow.Columns.opportunity == key.opportunity)
            .order(DebriefRow.Columns.date, DebriefRow.Columns.path))
        if paths.isEmpty, try DebriefRow.exists(db, key: key.opportunity) { paths = [key.opportunity] }
        return try paths.compactMap { path in try known[path] ?? Self.record(at: path, in: db) }
    }

    /// Stores a debrief's scorecard: its figures, its item statuses and its findings, replacing
    /// the ones it had. `gained` is how many milestones it met first in its opportunity.
    public func setScorecard(_ card: Scorecard, of record: DebriefRecord, gained: Int) throws {
        let path = record.source
        try run("""
            UPDATE debrief SET score = ?, claimedScore = ?, selfScore = ?, managerScore = ?, evidencedStage = ?,
                               readyToAdvance = ?, gained = ?, aheadOfEvidence = ?
            WHERE path = ?
            """, [card.score, card.claimedScore, card.selfScore, card.managerScore, card.stage.evidenced,
                  card.readyToAdvance, gained,
                  StoredScorecard.aheadOfEvidence(card), path])
        try run("DELETE FROM itemStatus WHERE path = ?", [path])
        try run("DELETE FROM finding WHERE path = ?", [path])
        for item in StoredScorecard.items(card) {
            try run("""
                INSERT INTO itemStatus (path, item, kind, status, weight, rep, processID, date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [path, item.id, item.kind.rawValue, item.status.rawValue, item.weight, record.meeting.rep,
                      record.process.id, record.meeting.date])
        }
        for finding in card.findings {
            try run("INSERT INTO finding (path, \"check\", message, line) VALUES (?, ?, ?, ?)",
                    [path, finding.check, finding.message, finding.line])
        }
        try setReviewAnswers(card, of: record)
    }

    /// Stores each item in play that the manager's review answered, with its verdict, the judge's
    /// own where the answer overrode it, and the facts under it.
    private func setReviewAnswers(_ card: Scorecard, of record: DebriefRecord) throws {
        let path = record.source
        try run("DELETE FROM reviewAnswer WHERE path = ?", [path])
        for answer in StoredScorecard.answers(card, of: record) {
            let item = answer.item
            try run("""
                INSERT INTO reviewAnswer (path, item, kind, agree, status, judged, weight, line, evidence, comment, facts,
                                          rep, reviewer, processID, date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [path, item.id, item.kind.rawValue, answer.agree, item.status.rawValue, item.judged?.rawValue,
                      item.weight, item.line, answer.evidence, answer.comment, answer.facts, record.meeting.rep,
                      record.storedReviewer, record.process.id, record.meeting.date])
        }
    }

    /// A statement compiled once per connection, and run again with new arguments.
    private func statement(_ sql: String) throws -> Statement {
        try db.cachedStatement(sql: sql)
    }

    private func run(_ sql: String, _ arguments: StatementArguments) throws {
        try statement(sql).execute(arguments: arguments)
    }

    static func record(at path: String, in db: Database) throws -> DebriefRecord? {
        guard let row = try RecordRow.fetchOne(db, key: path) else { return nil }
        return try JSONDecoder().decode(DebriefRecord.self, from: Data(row.record.utf8))
    }
}
