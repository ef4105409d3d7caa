/// Every open commitment across deals: the next steps of the latest debrief of each opportunity,
/// with their state on a given day (`callprep next-steps`).
public struct NextStepList: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable {
        case due, overdue, undated
    }

    public struct Step: Sendable, Codable, Equatable {
        public var action: String
        public var owner: String?
        /// The due date as written, and as a date when it is one.
        public var due: String?
        public var dueDate: String?
        public var state: State
        public var opportunity: String?
        public var account: String?
        public var rep: String?
        /// `file:line` of the step.
        public var source: String
    }

    public var format = "callprep.next-steps/1"
    /// The day the states are judged on.
    public var date: String
    public var steps: [Step]

    /// Who may be asked for by name: case and accents do not matter.
    public struct Filter: Sendable {
        public var owner: String?
        public var rep: String?
        public var overdueOnly = false

        public init(owner: String? = nil, rep: String? = nil, overdueOnly: Bool = false) {
            self.owner = owner
            self.rep = rep
            self.overdueOnly = overdueOnly
        }
    }

    /// The steps of the latest debrief of each opportunity among `records` (a debrief without an
    /// opportunity is its own), overdue first, then by due date.
    public init(records: [DebriefRecord], date: String, filter: Filter) {
        self.date = date
        var latest: [DealKey: DebriefRecord] = [:]
        for record in records {
            let key = DealKey(ofAny: record)
            if latest[key].map({ OpportunityHistory.precedes($0, record) }) ?? true { latest[key] = record }
        }
        func matches(_ wanted: String?, _ value: String?) -> Bool {
            guard let wanted else { return true }
            return Self.sameName(value ?? "", wanted)
        }
        var steps: [Step] = []
        for record in latest.values where matches(filter.rep, record.meeting.rep) {
            for step in record.nextSteps where !step.action.isEmpty && matches(filter.owner, step.owner) {
                let state: State = step.dueDate.map { $0 < date ? .overdue : .due } ?? .undated
                if filter.overdueOnly, state != .overdue { continue }
                steps.append(Step(action: step.action, owner: step.owner, due: step.due, dueDate: step.dueDate, state: state,
                                  opportunity: record.meeting.opportunity, account: record.meeting.account,
                                  rep: record.meeting.rep, source: "\(record.source):\(step.line)"))
            }
        }
        func order(_ step: Step) -> (Int, String, String) { (step.state == .overdue ? 0 : 1, step.dueDate ?? "9999", step.source) }
        self.steps = steps.sorted { order($0) < order($1) }
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
