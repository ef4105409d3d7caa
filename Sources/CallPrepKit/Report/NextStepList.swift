/// Every commitment across deals (`callprep next-steps`): each deal's next steps followed across
/// its debriefs (`StepLedger`), open until a later debrief marks them done or dropped, with their
/// age and due state on a given day.
public struct NextStepList: Sendable, Codable, Equatable {
    /// Where an open step's due date stands on the list's day.
    public enum Timing: String, Sendable, Codable {
        case due, overdue, undated
    }

    /// Whose a step is: ours (a rep, a colleague on the invite, a person of `callprep.yaml`), the
    /// customer's (anyone else named), or no one's.
    public enum OwnerSide: String, Sendable, Codable {
        case ours, theirs
        case nobody = "none"
    }

    /// What the deal's latest debrief did to the step.
    public enum LastCall: String, Sendable, Codable {
        /// Made it.
        case new
        /// Gave it a new date or owner.
        case changed
        case done, dropped
        /// Listed it as it was.
        case unchanged
        /// Did not list it.
        case unmentioned = "not mentioned"
    }

    public struct Step: Sendable, Codable, Equatable {
        /// `#id`, or the action folded: what makes rows of a deal's debriefs the same step.
        public var key: String
        public var action: String
        public var owner: String?
        public var ownerSide: OwnerSide = .nobody
        /// The due date in the rep's words, and as a date, resolved once against the date of the
        /// call that set it.
        public var due: String?
        public var dueDate: String?
        public var state: StepState
        /// For an open step: due, overdue or undated on the list's day.
        public var timing: Timing?
        /// The date of the debrief that made the step, and its days since then (to the list's day,
        /// or to the day it was closed).
        public var madeOn: String
        public var ageDays: Int = 0
        /// The later calls of the deal it stayed open through.
        public var callsOpen: Int = 0
        public var lastCall: LastCall = .new
        /// Open through two later calls with no owner on the customer's side.
        public var stalled = false
        public var closedOn: String?
        /// `file:line` of the row that closed it.
        public var closedIn: String?
        public var opportunity: String?
        public var account: String?
        public var rep: String?
        /// `file:line` of the row that made the step.
        public var source: String
        /// `file:line` of the latest row that lists it.
        public var lastSource: String

        /// The due date to show: the date, with the rep's words beside it where they differ
        /// ("2026-12-04 (Friday)"); the words alone when they name no day.
        public var dueText: String? {
            guard let due else { return nil }
            guard let dueDate else { return due }
            return dueDate == due.trimmed ? dueDate : "\(dueDate) (\(due))"
        }

        /// "open", or "done 2026-12-03".
        public var stateText: String {
            state == .open ? (timing.map { $0 == .due ? "open" : $0.rawValue } ?? "open") : "\(state.rawValue) \(closedOn ?? "")"
        }
    }

    /// A deal whose open steps are all ours: nothing on the customer's side is moving it.
    public struct Deal: Sendable, Codable, Equatable {
        public var opportunity: String?
        public var account: String?
        public var rep: String?
        public var openSteps: Int
    }

    public var format = "callprep.next-steps/2"
    /// The day ages and due states are judged on.
    public var date: String
    public var steps: [Step]
    /// Deals with open steps, none of them owned on the customer's side.
    public var allOurs: [Deal]

    /// Who may be asked for by name: case and accents do not matter.
    public struct Filter: Sendable {
        public var owner: String?
        public var rep: String?
        public var overdueOnly = false
        /// The states listed; open by default.
        public var states: Set<StepState> = [.open]

        public init(owner: String? = nil, rep: String? = nil, overdueOnly: Bool = false, states: Set<StepState> = [.open]) {
            self.owner = owner
            self.rep = rep
            self.overdueOnly = overdueOnly
            self.states = states
        }
    }

    /// The steps of every deal among `records` that `filter` lets through: open ones oldest due
    /// first (overdue, then by due date), then closed ones by the day they were closed.
    public init(records: [DebriefRecord], date: String, filter: Filter = Filter(), ours: OurPeople = OurPeople()) {
        self.date = date
        var people = ours
        for rep in Set(records.compactMap(\.meeting.rep)) { people.add(rep) }
        func matches(_ wanted: String?, _ value: String?) -> Bool {
            guard let wanted else { return true }
            return Self.sameName(value ?? "", wanted)
        }
        let all = StepLedger.steps(of: records, ours: people).map { step in
            var step = step
            step.ageDays = max(0, CalendarDate.days(from: step.madeOn, to: step.closedOn ?? date) ?? 0)
            if step.state == .open { step.timing = step.dueDate.map { $0 < date ? .overdue : .due } ?? .undated }
            return step
        }
        // A deal is its opportunity, or for a debrief of none, its file.
        var deals: [String: (deal: Deal, theirs: Bool)] = [:]
        var dealOrder: [String] = []
        for step in all where step.state == .open && matches(filter.rep, step.rep) {
            let key = step.opportunity ?? String(step.source[..<(step.source.lastIndex(of: ":") ?? step.source.endIndex)])
            if deals[key] == nil {
                dealOrder.append(key)
                deals[key] = (Deal(opportunity: step.opportunity, account: step.account, rep: step.rep, openSteps: 0), false)
            }
            deals[key]?.deal.openSteps += 1
            if step.ownerSide == .theirs { deals[key]?.theirs = true }
        }
        allOurs = dealOrder.compactMap { deals[$0] }.filter { !$0.theirs }.map(\.deal)
        steps = all.filter { step in
            filter.states.contains(step.state) && matches(filter.rep, step.rep) && matches(filter.owner, step.owner)
                && (!filter.overdueOnly || step.timing == .overdue)
        }.sorted { Self.order($0) < Self.order($1) }
    }

    private static func order(_ step: Step) -> (Int, String, String) {
        switch step.state {
        case .open: (step.timing == .overdue ? 0 : 1, step.dueDate ?? "9999", step.source)
        case .done, .dropped: (2, step.closedOn ?? "", step.source)
        }
    }

    /// Whether two names are the same, whatever their case, accents and punctuation.
    public static func sameName(_ lhs: String, _ rhs: String) -> Bool {
        normalized(EvidenceText.folded(lhs)) == normalized(EvidenceText.folded(rhs))
    }

    /// The names a filter could have meant, for a filter that matched nothing.
    public static func known(in records: [DebriefRecord]) -> (reps: [String], owners: [String]) {
        (Set(records.compactMap(\.meeting.rep)).sorted(), Set(records.flatMap { $0.nextSteps.compactMap(\.owner) }).sorted())
    }
}
