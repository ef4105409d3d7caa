/// What a manager asks of a workspace first (`callprep status`): calls coming up without a
/// brief, calls past without a debrief, debriefs with errors, debriefs waiting for a review,
/// overdue and stalled next steps, open steps by age and owner side, and the deals whose open steps
/// are all ours; each list with its count.
public struct WorkspaceStatus: Sendable, Codable, Equatable {
    public struct Call: Sendable, Codable, Equatable {
        public var meeting: String
        public var date: String
        public var account: String
        public var rep: String
        /// The meeting file.
        public var source: String
    }

    public struct Debrief: Sendable, Codable, Equatable {
        public var source: String
        public var meeting: String?
        public var rep: String?
        /// For a debrief with errors: how many, and the first.
        public var errors: Int?
        public var firstError: String?
    }

    public var format = "callprep.status/1"
    public var date: String
    public var withoutBrief: [Call]
    public var withoutDebrief: [Call]
    public var withErrors: [Debrief]
    public var awaitingReview: [Debrief]
    public var overdueSteps: [NextStepList.Step]
    /// The open next steps, counted by age and by the side that owns them.
    public var openSteps: OpenStepCounts
    /// Open steps that stayed open through two later calls with no owner on the customer's side.
    public var stalledSteps: [NextStepList.Step]
    /// Deals whose open steps are all ours.
    public var allOurs: [NextStepList.Deal]

    /// How many steps are open, by age and by owner side.
    public struct OpenStepCounts: Sendable, Codable, Equatable {
        public var total = 0
        public var ours = 0
        public var theirs = 0
        public var nobody = 0
        /// By age in days since the debrief that made them: up to a week, up to two, up to a
        /// month, older.
        public var week = 0
        public var twoWeeks = 0
        public var month = 0
        public var older = 0
    }

    /// `meetings` are the meeting files with their paths; `briefs` the day each meeting's brief was
    /// written; `debriefs` every debrief file with its record (nil when it has errors) and errors.
    /// `ours` tells our people from the customer's, for whose a step is.
    public init(date: String, meetings: [(path: String, meeting: Meeting)], briefs: [String: String],
                debriefs: [(path: String, record: DebriefRecord?, errors: [Diagnostic])], ours: OurPeople = OurPeople()) {
        self.date = date
        let debriefed = Set(debriefs.compactMap { $0.record?.meeting.id })
        func call(_ entry: (path: String, meeting: Meeting)) -> Call {
            Call(meeting: entry.meeting.id, date: entry.meeting.date, account: entry.meeting.account, rep: entry.meeting.rep,
                 source: entry.path)
        }
        let sorted = meetings.sorted { ($0.meeting.date, $0.meeting.id) < ($1.meeting.date, $1.meeting.id) }
        withoutBrief = sorted.filter { $0.meeting.date >= date && briefs[$0.meeting.id] == nil }.map(call)
        withoutDebrief = sorted.filter { $0.meeting.date < date && !debriefed.contains($0.meeting.id) }.map(call)
        withErrors = debriefs.filter { !$0.errors.isEmpty }.map { entry in
            Debrief(source: entry.path, meeting: entry.record?.meeting.id, rep: entry.record?.meeting.rep,
                    errors: entry.errors.count, firstError: entry.errors.first?.description)
        }
        awaitingReview = debriefs.compactMap { entry in
            guard let record = entry.record, record.review.reviewer == nil || record.review.grade == nil else { return nil }
            return Debrief(source: entry.path, meeting: record.meeting.id, rep: record.meeting.rep)
        }
        let list = NextStepList(records: debriefs.compactMap(\.record), date: date, ours: ours)
        overdueSteps = list.steps.filter { $0.timing == .overdue }
        stalledSteps = list.steps.filter(\.stalled).sorted { $0.ageDays > $1.ageDays }
        allOurs = list.allOurs
        var counts = OpenStepCounts()
        for step in list.steps {
            counts.total += 1
            switch step.ownerSide {
            case .ours: counts.ours += 1
            case .theirs: counts.theirs += 1
            case .nobody: counts.nobody += 1
            }
            switch step.ageDays {
            case ...7: counts.week += 1
            case ...14: counts.twoWeeks += 1
            case ...30: counts.month += 1
            default: counts.older += 1
            }
        }
        openSteps = counts
    }
}
