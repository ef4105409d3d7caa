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

extension CoachingNotes {
    /// The notes grouped by rep, then by the milestone they name: pure aggregation over the index's rows.
    public init(rows: [IndexedCoachingNote], filter: ReportFilter, process: ProcessLookup) {
        var reps: [CoachingNotes.Rep] = []
        for (rep, notes) in Dictionary(grouping: rows, by: \.rep).sorted(by: { $0.key < $1.key }) {
            var topics: [String: CoachingNotes.Topic] = [:]
            for row in notes {
                let title = row.milestone.map { id in
                    process(row.process).flatMap { process in
                        (process.milestones + process.practices).first { $0.id == id }?.title
                    } ?? id
                } ?? "General"
                let note = CoachingNotes.Note(text: row.text, author: row.author, date: row.date,
                                              source: "\(row.path):\(row.line)")
                topics[row.milestone ?? "", default: CoachingNotes.Topic(milestone: row.milestone, title: title, notes: [])]
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
        self.init(filter: filter, reps: reps)
    }
}

extension DebriefIndex {
    /// The coaching notes of the indexed debriefs that `filter` lets through.
    public func coachingNotes(_ filter: ReportFilter, process: ProcessLookup) throws(DiagnosticError) -> CoachingNotes {
        CoachingNotes(rows: try coachingNoteRows(filter), filter: filter, process: process)
    }
}
