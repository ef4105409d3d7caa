/// What callprep asks of an index of debriefs, whatever stores it: the SQLite file of `IndexStore`
/// today, a store shared by a team next. Every read is a named question; every write goes through
/// a `DebriefIndexWriter`, in one transaction, in the writers' turn. An index is a cache of the
/// debrief files: `Workspace/IndexReading.swift` brings it up to date before it is read.
public protocol DebriefIndex: AnyObject {
    /// What messages call it.
    var path: String { get }

    /// Runs `body` in the writers' turn, held throughout.
    func updating<T>(_ body: () throws(DiagnosticError) -> T) throws(DiagnosticError) -> T
    /// Runs `body` in one transaction: all of its writes land, or none.
    func write<T>(_ body: (any DebriefIndexWriter) throws -> T) throws(DiagnosticError) -> T
    /// A copy in memory, to add debriefs to for one run without storing them.
    func inMemoryCopy() throws(DiagnosticError) -> any DebriefIndex

    /// What the index knows of each file, by path.
    func files() throws(DiagnosticError) -> [String: IndexedFile]
    /// Every record, oldest first.
    func records() throws(DiagnosticError) -> [DebriefRecord]
    /// The records of these deals.
    func records(of deals: [DealKey]) throws(DiagnosticError) -> [DebriefRecord]
    /// The records that name one of these opportunities (whatever their process) or meetings, by path.
    func records(opportunities: [String], meetings: [String]) throws(DiagnosticError) -> [DebriefRecord]
    /// Every debrief of one deal, and the latest debriefs of `rep` before `date` with coaching notes.
    func records(opportunity: String, process: String, rep: String?, before date: String,
                 notesFrom latest: Int) throws(DiagnosticError) -> [DebriefRecord]
    /// The latest debrief of each deal.
    func latestOfEachOpportunity() throws(DiagnosticError) -> [DebriefRecord]
    /// The indexed debrief of each meeting id.
    func meetings() throws(DiagnosticError) -> [String: String]
    /// The reps, as the debriefs write them.
    func reps() throws(DiagnosticError) -> [String]
    /// What the team report adds up.
    func reportRows(_ filter: ReportFilter) throws(DiagnosticError) -> ReportRows
    /// The debriefs waiting for a manager's review, with their stored scores.
    func reviewQueueRows() throws(DiagnosticError) -> [QueuedDebrief]
    /// The coaching notes that `filter` lets through.
    func coachingNoteRows(_ filter: ReportFilter) throws(DiagnosticError) -> [IndexedCoachingNote]
    /// The items in play that managers' reviews answered, in the debriefs `filter` lets through.
    func reviewAnswers(_ filter: ReportFilter) throws(DiagnosticError) -> [ReviewAnswer]
    /// The debriefs waiting for a review, and the answers given, per rep and reviewer.
    func reviewBacklogRows(_ filter: ReportFilter) throws(DiagnosticError) -> ReviewBacklogRows
}

extension DebriefIndex {
    /// What a brief or a form needs, with the five latest notes of the rep.
    public func records(opportunity: String, process: String, rep: String?, before date: String)
        throws(DiagnosticError) -> [DebriefRecord] {
        try records(opportunity: opportunity, process: process, rep: rep, before: date, notesFrom: 5)
    }
}

/// The writes of one transaction of a `DebriefIndex`.
public protocol DebriefIndexWriter {
    /// Empties the index.
    func removeAll() throws
    /// Removes the records of these paths; returns the deals they were part of.
    func remove(paths: [String]) throws -> Set<DealKey>
    /// Records a file's new size and time, its bytes unchanged.
    func touch(_ path: String, file: IndexedFile) throws
    /// Stores a record in place of the one of its path; returns the deals touched.
    func replace(_ record: DebriefRecord, path: String, file: IndexedFile) throws -> Set<DealKey>
    /// Every record of one deal, oldest first, those just parsed (`known`) as they are.
    func records(of deal: DealKey, known: [String: DebriefRecord]) throws -> [DebriefRecord]
    /// Stores a debrief's scorecard, and how many milestones it met first in its deal.
    func setScorecard(_ card: Scorecard, of record: DebriefRecord, gained: Int) throws
    /// The fingerprints of what the stored scorecards were made with (`ScoringContext.swift`).
    func scoringContexts() throws -> [String: String]
    func replaceScoringContexts(_ fingerprints: [String: String]) throws
    /// Every deal the index holds.
    func allDeals() throws -> Set<DealKey>
    /// The deals of the debriefs of these meetings.
    func deals(ofMeetings meetings: Set<String>) throws -> Set<DealKey>
}
