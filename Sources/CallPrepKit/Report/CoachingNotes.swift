import Foundation
import GRDB

/// Coaching notes collected per rep, then per milestone, newest first (`callprep coach`).
public struct CoachingNotes: Sendable, Hashable, Codable {
    public static let formatVersion = "callprep.coaching/1"

    public struct Note: Sendable, Hashable, Codable {
        public var text: String
        public var author: String?
        public var date: String
        /// Where the note was written: `path:line`.
        public var source: String
    }

    public struct Topic: Sendable, Hashable, Codable {
        /// The milestone or practice id the notes name; nil for general notes.
        public var milestone: String?
        public var title: String
        public var notes: [Note]
    }

    public struct Rep: Sendable, Hashable, Codable {
        public var rep: String
        public var topics: [Topic]
    }

    public var format = CoachingNotes.formatVersion
    public var filter: ReportFilter
    public var reps: [Rep]
}

extension IndexStore {
    public func coachingNotes(_ filter: ReportFilter, catalog: ProcessCatalog) throws(DiagnosticError) -> CoachingNotes {
        let (clause, arguments) = filter.sql
        do {
            let rows = try queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT COALESCE(d.rep, '') AS rep, d.processID AS process, d.date, d.path, n.text, n.milestone,
                           n.author, n.line
                    FROM coachingNote n JOIN debrief d ON d.path = n.path
                    WHERE \(clause) ORDER BY rep, d.date DESC, d.path, n.line
                    """, arguments: arguments)
            }
            var reps: [CoachingNotes.Rep] = []
            for (rep, notes) in Dictionary(grouping: rows, by: { $0["rep"] as String }).sorted(by: { $0.key < $1.key }) {
                var topics: [String: CoachingNotes.Topic] = [:]
                for row in notes {
                    let milestone: String? = row["milestone"]
                    let process: String = row["process"]
                    let title = milestone.map { id in
                        catalog.process(id: process).flatMap { process in
                            (process.milestones + process.practices).first { $0.id == id }?.title
                        } ?? id
                    } ?? "General"
                    let path: String = row["path"]
                    let line: Int = row["line"]
                    let note = CoachingNotes.Note(text: row["text"], author: row["author"], date: row["date"],
                                                  source: "\(path):\(line)")
                    topics[milestone ?? "", default: CoachingNotes.Topic(milestone: milestone, title: title, notes: [])]
                        .notes.append(note)
                }
                // Named milestones first, by how many notes they have; general notes last.
                let ordered = topics.values.sorted { lhs, rhs in
                    if (lhs.milestone == nil) != (rhs.milestone == nil) { return rhs.milestone == nil }
                    return lhs.notes.count != rhs.notes.count ? lhs.notes.count > rhs.notes.count
                        : (lhs.milestone ?? "") < (rhs.milestone ?? "")
                }
                reps.append(.init(rep: rep, topics: ordered))
            }
            return CoachingNotes(filter: filter, reps: reps)
        } catch {
            throw DiagnosticError([Diagnostic(at: SourceLocation(file: path, line: 1, column: 1),
                                              IndexProblem.failed("\(error)"))])
        }
    }
}
