import Foundation
import GRDB

/// The index's named writes, inside one transaction (`IndexStore.write`).
public struct IndexWriter {
    let db: Database

    /// Empties the index.
    public func removeAll() throws {
        try DebriefRow.deleteAll(db)
    }

    /// Removes debriefs by path (their statuses, findings and notes go with them); returns the
    /// opportunities they belonged to, which need scoring again.
    public func remove(paths: [String]) throws -> Set<OpportunityKey> {
        var affected: Set<OpportunityKey> = []
        for path in paths {
            if let row = try DebriefRow.fetchOne(db, key: path) { affected.insert(row.opportunityKey) }
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
    public func replace(_ record: DebriefRecord, path: String, file: IndexedFile) throws -> Set<OpportunityKey> {
        var affected: Set<OpportunityKey> = []
        if let old = try DebriefRow.fetchOne(db, key: path) { affected.insert(old.opportunityKey) }
        try DebriefRow.deleteOne(db, key: path)
        let row = DebriefRow(path: path, contentHash: file.hash, fileSize: file.size, fileModified: file.modified,
                             meetingID: record.meeting.id, date: record.meeting.date, account: record.meeting.account,
                             opportunity: record.meeting.opportunity, rep: record.meeting.rep,
                             stage: record.meeting.stage, processID: record.process.id,
                             processVersion: record.process.version)
        try row.insert(db)
        try RecordRow(path: path, record: JSONWriter.write(record) + "\n").insert(db)
        for note in record.coachingNotes {
            try CoachingNoteRow(path: path, text: note.text, milestone: note.milestone, author: note.author,
                                line: note.line).insert(db)
        }
        affected.insert(row.opportunityKey)
        return affected
    }

    /// Every indexed debrief of one opportunity, oldest first: those in `known` (just parsed) as
    /// they are, the others decoded from the index.
    public func records(of key: OpportunityKey, known: [String: DebriefRecord]) throws -> [DebriefRecord] {
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
        try DebriefRow.filter(key: path).updateAll(
            db, DebriefRow.Columns.score.set(to: card.score), DebriefRow.Columns.claimedScore.set(to: card.claimedScore),
            DebriefRow.Columns.selfScore.set(to: card.selfScore),
            DebriefRow.Columns.managerScore.set(to: card.managerScore),
            DebriefRow.Columns.evidencedStage.set(to: card.stage.evidenced),
            DebriefRow.Columns.readyToAdvance.set(to: card.readyToAdvance), DebriefRow.Columns.gained.set(to: gained),
            DebriefRow.Columns.aheadOfEvidence.set(
                to: card.findings.contains { $0.check == CheckID.stageAheadOfEvidence.rawValue }))
        try ItemStatusRow.filter(ItemStatusRow.Columns.path == path).deleteAll(db)
        try FindingRow.filter(FindingRow.Columns.path == path).deleteAll(db)
        for item in card.items {
            try ItemStatusRow(path: path, item: item.id, kind: item.kind.rawValue, status: item.status.rawValue,
                              weight: item.weight, rep: record.meeting.rep, processID: record.process.id,
                              date: record.meeting.date).insert(db)
        }
        for finding in card.findings {
            try FindingRow(path: path, check: finding.check, message: finding.message, line: finding.line).insert(db)
        }
    }

    static func record(at path: String, in db: Database) throws -> DebriefRecord? {
        guard let row = try RecordRow.fetchOne(db, key: path) else { return nil }
        return try JSONDecoder().decode(DebriefRecord.self, from: Data(row.record.utf8))
    }
}
