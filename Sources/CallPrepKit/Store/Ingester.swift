import Foundation
import GRDB

/// What one `callprep ingest` did.
public struct IngestSummary: Sendable, Equatable {
    public var added: [String] = []
    public var updated: [String] = []
    public var removed: [String] = []
    public var unchanged = 0
    /// Files with errors: reported, and not in the index.
    public var failed: [String] = []

    public var changed: Bool { !(added.isEmpty && updated.isEmpty && removed.isEmpty) }

    public var description: String {
        let errors = failed.isEmpty ? "" : "; \(failed.count) with errors, not indexed"
        guard changed else { return "Nothing changed: \(unchanged) debriefs unchanged\(errors)." }
        return "Indexed \(added.count) new, \(updated.count) changed, \(removed.count) removed, "
            + "\(unchanged) unchanged\(errors)."
    }
}

/// Adds debriefs to the index, incrementally: a file whose size and modification time are as
/// indexed is not even read, and one whose bytes are unchanged is not parsed.
public struct Ingester {
    let store: IndexStore
    let parser: DebriefParser
    let catalog: ProcessCatalog

    public init(store: IndexStore, parser: DebriefParser, catalog: ProcessCatalog) {
        self.store = store
        self.parser = parser
        self.catalog = catalog
    }

    /// Ingests files and folders (searched recursively for debrief forms). Indexed files under an
    /// ingested folder that are gone are removed. `rebuild` empties the index first.
    public func ingest(_ paths: [String], rebuild: Bool = false,
                       report: (Diagnostic) -> Void) throws(DiagnosticError) -> IngestSummary {
        let found = DebriefFiles.find(paths)
        found.diagnostics.forEach(report)
        var summary = IngestSummary()
        do {
            let existing = rebuild ? [:] : try store.files()
            let toRead = found.files.filter { file in
                guard let known = existing[file], let size = known.size, let modified = known.modified,
                      let now = IndexedFile.status(of: file), now.size == size, now.modified == modified else { return true }
                summary.unchanged += 1
                return false
            }
            let parser = parser
            let outcomes = concurrentMap(toRead.count) { Self.read(toRead[$0], known: existing[toRead[$0]], parser: parser) }
            var parsed: [(path: String, file: IndexedFile, record: DebriefRecord)] = []
            var sameBytes: [(path: String, file: IndexedFile)] = []
            for (file, outcome) in zip(toRead, outcomes) {
                switch outcome {
                case .unreadable:
                    report(Diagnostic(at: SourceLocation(file: file, line: 1, column: 1),
                                      FileProblem.cannotRead(reason: "permission denied")))
                    summary.failed.append(file)
                case let .unchanged(indexed):
                    summary.unchanged += 1
                    sameBytes.append((file, indexed))
                case let .parsed(indexed, result):
                    result.diagnostics.forEach(report)
                    guard let record = result.record else {
                        summary.failed.append(file)
                        continue
                    }
                    parsed.append((file, indexed, record))
                    if existing[file] == nil { summary.added.append(file) } else { summary.updated.append(file) }
                }
            }
            let seen = Set(found.files)
            let gone = existing.keys.filter { path in !seen.contains(path) && found.covers(path) }.sorted()
            summary.removed = gone
            let dropped = gone + summary.failed.filter { existing[$0] != nil }
            try store.queue.write { db in
                if rebuild { try db.execute(sql: "DELETE FROM debrief") }
                var affected: Set<[String]> = []
                for path in dropped {
                    if let row = try Row.fetchOne(db, sql: "SELECT processID, opportunity FROM debrief WHERE path = ?",
                                                  arguments: [path]) {
                        affected.insert([row["processID"], row["opportunity"] ?? ""])
                    }
                    try db.execute(sql: "DELETE FROM debrief WHERE path = ?", arguments: [path])
                }
                for entry in sameBytes {
                    try db.execute(sql: "UPDATE debrief SET fileSize = ?, fileModified = ? WHERE path = ?",
                                   arguments: [entry.file.size, entry.file.modified, entry.path])
                }
                for entry in parsed {
                    if let row = try Row.fetchOne(db, sql: "SELECT processID, opportunity FROM debrief WHERE path = ?",
                                                  arguments: [entry.path]) {
                        affected.insert([row["processID"], row["opportunity"] ?? ""])
                    }
                    try insert(entry.record, path: entry.path, file: entry.file, in: db)
                    affected.insert([entry.record.process.id, entry.record.meeting.opportunity ?? entry.path])
                }
                for key in affected { try rescore(process: key[0], opportunity: key[1], in: db) }
            }
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError([Diagnostic(at: SourceLocation(file: store.path, line: 1, column: 1),
                                              IndexProblem.failed("\(error)"))])
        }
        return summary
    }

    private enum Outcome: Sendable {
        case unreadable
        /// The bytes are as indexed; the file's size and time are new.
        case unchanged(IndexedFile)
        case parsed(IndexedFile, ParsedDebrief)
    }

    /// Reads, hashes and (when its bytes changed) parses one file; runs on any thread.
    private static func read(_ path: String, known: IndexedFile?, parser: DebriefParser) -> Outcome {
        // Size and time before reading, so that a change made during the read shows next time.
        let status = IndexedFile.status(of: path)
        guard let data = FileManager.default.contents(atPath: path) else { return .unreadable }
        var file = IndexedFile(hash: hash(data), size: status?.size, modified: status?.modified)
        // A file changed within the clock's granularity of now could change again unseen with
        // the same size and time: its time is not trusted, so the next ingest reads it.
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        if let modified = file.modified, modified > now - 2_000_000_000 { file.modified = nil }
        if known?.hash == file.hash { return .unchanged(file) }
        do {
            return .parsed(file, parser.parse(try SourceFile.decode(data, path: path, maxBytes: parser.maxBytes)))
        } catch {
            return .parsed(file, ParsedDebrief(record: nil, diagnostics: error.diagnostics))
        }
    }

    private func insert(_ record: DebriefRecord, path: String, file: IndexedFile, in db: Database) throws {
        try db.execute(sql: "DELETE FROM debrief WHERE path = ?", arguments: [path])
        try db.execute(sql: """
            INSERT INTO debrief (path, contentHash, fileSize, fileModified, meetingID, date, account, opportunity, rep,
                                 stage, processID, processVersion)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [path, file.hash, file.size, file.modified, record.meeting.id, record.meeting.date,
                             record.meeting.account, record.meeting.opportunity, record.meeting.rep,
                             record.meeting.stage, record.process.id, record.process.version])
        try db.execute(sql: "INSERT INTO debriefRecord (path, record) VALUES (?, ?)",
                       arguments: [path, JSONOutput.render(record)])
        for note in record.coachingNotes {
            try db.execute(sql: "INSERT INTO coachingNote (path, text, milestone, author, line) VALUES (?, ?, ?, ?, ?)",
                           arguments: [path, note.text, note.milestone, note.author, note.line])
        }
    }

    /// Scores every debrief of one opportunity again, oldest first, each with the earlier ones as history.
    /// A debrief without an opportunity is its own history (`opportunity` is then its path).
    private func rescore(process processID: String, opportunity: String, in db: Database) throws {
        var records = try store.records(process: processID, opportunity: opportunity, in: db)
        if records.isEmpty, let alone = try String.fetchOne(db, sql: "SELECT record FROM debriefRecord WHERE path = ?",
                                                             arguments: [opportunity]) {
            records = [try JSONDecoder().decode(DebriefRecord.self, from: Data(alone.utf8))]
        }
        guard let process = catalog.process(id: processID) else { return }
        let scorer = Scorer(process: process)
        var earlier: [String] = []
        var metBefore: Set<String> = []
        for record in records {
            let evaluation = scorer.evaluate(record)
            let card = scorer.score(evaluation, history: earlier, metBefore: metBefore)
            let met = evaluation.met
            try db.execute(sql: """
                UPDATE debrief SET score = ?, claimedScore = ?, selfScore = ?, managerScore = ?, evidencedStage = ?,
                                   readyToAdvance = ?, gained = ?, aheadOfEvidence = ?
                WHERE path = ?
                """, arguments: [card.score, card.claimedScore, card.selfScore, card.managerScore, card.stage.evidenced,
                                 card.readyToAdvance, met.subtracting(metBefore).count,
                                 card.findings.contains { $0.check == StageAheadOfEvidenceCheck().description.id }, record.source])
            try db.execute(sql: "DELETE FROM itemStatus WHERE path = ?", arguments: [record.source])
            try db.execute(sql: "DELETE FROM finding WHERE path = ?", arguments: [record.source])
            for item in card.items {
                try db.execute(sql: """
                    INSERT INTO itemStatus (path, item, kind, status, weight, rep, processID, date)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [record.source, item.id, item.kind.rawValue, item.status.rawValue, item.weight,
                                     record.meeting.rep, record.process.id, record.meeting.date])
            }
            for finding in card.findings {
                try db.execute(sql: #"INSERT INTO finding (path, "check", message, line) VALUES (?, ?, ?, ?)"#,
                               arguments: [record.source, finding.check, finding.message, finding.line])
            }
            earlier.append(record.source)
            metBefore.formUnion(met)
        }
    }

    /// FNV-1a, 64 bits: enough to notice that a file changed.
    static func hash(_ data: Data) -> String {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in data {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01B3
        }
        return String(value, radix: 16)
    }
}
