/// What `callprep parse` extracts from a filled debrief form (DESIGN section 7).
public struct DebriefRecord: Sendable, Hashable, Codable {
    public static let formatVersion = "callprep.debrief/1"

    public var format = DebriefRecord.formatVersion
    /// The file the record came from.
    public var source: String
    public var meeting: MeetingInfo
    public var process: ProcessInfo
    public var items: [Item] = []
    /// The milestones the form showed met by an earlier debrief of the deal, instead of asking for
    /// them again; nil when it showed none.
    public var metEarlier: [MetEarlier]?
    public var nextSteps: [NextStep] = []
    public var pains: [PainAnswer] = []
    public var people: [Person] = []
    public var selfAssessment = SelfAssessment()
    public var review = Review()
    public var coachingNotes: [CoachingNote] = []
    /// The plan of the call and what came of it; nil for a form without the plan section.
    public var plan: Plan?
    public var unmapped: [Unmapped] = []
    public var diagnostics: [RecordDiagnostic] = []

    /// A form as `callprep form` wrote it, untouched: nothing ticked, no evidence, new next step
    /// (the deal's open steps it carried, still open, are no answer),
    /// self-assessment, review, coaching note or text of the rep's own. (The pains and people
    /// tables, the plan's objective and outcomes come filled in from the meeting file.) Such a
    /// file is no call: `score`, `ingest` and `report` skip it, with a warning.
    public var isUnfilledForm: Bool {
        items.allSatisfy { $0.state == .unchecked && $0.evidence.isEmpty }
            && nextSteps.allSatisfy { $0.since != nil && $0.stated == .open } && coachingNotes.isEmpty && unmapped.isEmpty
            && selfAssessment.score == nil && (selfAssessment.wentWell ?? "").isEmpty && (selfAssessment.doDifferently ?? "").isEmpty
            && review.grade == nil && (review.reviewer ?? "").isEmpty && (review.comments ?? "").isEmpty
            && review.items.allSatisfy { $0.agree == nil && ($0.comment ?? "").isEmpty }
            && (plan?.outcomes ?? []).allSatisfy { !$0.reached && $0.evidence.isEmpty }
            && (plan?.tasks ?? []).allSatisfy { !$0.done && $0.attended && $0.evidence.isEmpty }
    }

    public init(source: String, meeting: MeetingInfo, process: ProcessInfo) {
        self.source = source
        self.meeting = meeting
        self.process = process
    }

    public struct MeetingInfo: Sendable, Hashable, Codable {
        public var id: String
        public var date: String
        public var account: String?
        public var opportunity: String?
        public var rep: String?
        public var stage: String
    }

    public struct ProcessInfo: Sendable, Hashable, Codable {
        public var id: String
        public var version: String
    }

    public enum Kind: String, Sendable, Hashable, Codable {
        case milestone, practice
    }

    public enum State: String, Sendable, Hashable, Codable {
        case checked, unchecked
        case notApplicable = "not-applicable"
    }

    /// One milestone or practice as the person marked it.
    public struct Item: Sendable, Hashable, Codable {
        public var id: String
        public var kind: Kind
        /// The stage the milestone belongs to; nil for practices.
        public var stage: String?
        public var state: State
        /// What the person wrote as evidence (for not-applicable items: the reason); "" when nothing.
        public var evidence: String
        public var line: Int
    }

    public struct NextStep: Sendable, Hashable, Codable {
        /// The action as written, without the `#id` at its end.
        public var action: String
        public var owner: String?
        /// The due date as written.
        public var due: String?
        /// `due` as `YYYY-MM-DD` when it is a date: resolved once, against the call's date, so that
        /// "Friday" stays the Friday after this call whenever it is read.
        public var dueDate: String?
        /// What the State (or Done) column says; nil when the form has none or the cell is blank:
        /// open.
        public var state: StepState?
        /// The `#id` the rep gave the step ("Send the figures #figures"), lower case.
        public var id: String?
        /// The Since column: the step was carried from an earlier debrief of the deal (`form` fills
        /// it in with that debrief's date).
        public var since: String?
        public var line: Int

        public init(action: String, owner: String? = nil, due: String? = nil, dueDate: String? = nil,
                    state: StepState? = nil, id: String? = nil, since: String? = nil, line: Int) {
            self.action = action
            self.owner = owner
            self.due = due
            self.dueDate = dueDate
            self.state = state
            self.id = id
            self.since = since
            self.line = line
        }

        /// What makes rows of different debriefs of one deal the same step: its `#id` when it has
        /// one, else its action, compared loosely (case, punctuation and spacing aside).
        public var key: String { id.map { "#" + $0 } ?? normalized(action) }

        /// The state the row gives the step: blank is open.
        public var stated: StepState { state ?? .open }
    }

    public struct PainAnswer: Sendable, Hashable, Codable {
        public var problem: String
        public var impact: String?
        public var frequency: String?
        public var line: Int
    }

    public struct Person: Sendable, Hashable, Codable {
        public var name: String
        public var title: String?
        /// The buying role as written.
        public var role: String?
        /// "new", "known", or what was written.
        public var status: String?
        public var line: Int
    }

    public struct SelfAssessment: Sendable, Hashable, Codable {
        /// The rep's own score of the call, 0 to 100.
        public var score: Int?
        public var wentWell: String?
        public var doDifferently: String?
        public var line: Int?
    }

    public struct Review: Sendable, Hashable, Codable {
        public var reviewer: String?
        /// The manager's grade of the call, 0 to 100.
        public var grade: Int?
        public var items: [ReviewItem] = []
        public var comments: String?
        public var line: Int?
    }

    public struct ReviewItem: Sendable, Hashable, Codable {
        public var id: String
        /// nil when the manager wrote neither yes nor no.
        public var agree: Bool?
        public var comment: String?
        public var line: Int
    }

    public struct CoachingNote: Sendable, Hashable, Codable {
        public var text: String
        /// The id of the milestone or practice the note names.
        public var milestone: String?
        public var author: String?
        public var line: Int
    }

    /// The call's plan, from the meeting file, with what the rep says came of it.
    public struct Plan: Sendable, Hashable, Codable {
        public var objective: String?
        public var outcomes: [Outcome] = []
        public var tasks: [Task] = []
    }

    /// The best or the minimum outcome, and whether the call reached it.
    public struct Outcome: Sendable, Hashable, Codable {
        /// `best` or `minimum`.
        public var kind: String
        public var text: String
        public var reached: Bool
        public var evidence: String
        public var line: Int
    }

    /// A colleague's task in the call, and whether they did it.
    public struct Task: Sendable, Hashable, Codable {
        public var person: String
        /// nil when no task was planned.
        public var task: String?
        /// False when they did not attend (N/A).
        public var attended: Bool
        public var done: Bool
        public var evidence: String
        public var line: Int
    }

    /// Text the person wrote that maps to no field.
    /// A milestone the form showed met by an earlier debrief (`- [x] Title `id` — met on DATE in
    /// FILE`): the deal's history decides it, not this debrief.
    public struct MetEarlier: Sendable, Hashable, Codable {
        public var id: String
        public var line: Int
    }

    public struct Unmapped: Sendable, Hashable, Codable {
        public var text: String
        public var line: Int
        /// The heading of the section it stands in, when there is one.
        public var section: String?
    }

    public struct RecordDiagnostic: Sendable, Hashable, Codable {
        public var severity: Severity
        public var message: String
        public var line: Int
        public var column: Int
    }
}
