/// Who is on our side of the deals, for telling whose a next step is: the reps, the colleagues
/// the meeting files list as ours, and the people `callprep.yaml` names, each with an email when
/// one is known (the assignee a CRM's task import wants).
public struct OurPeople: Sendable {
    /// Email by name, folded (`normalized`).
    private var emails: [String: String] = [:]
    private var names: Set<String> = []
    /// First names, for an owner written "Dana".
    private var firstNames: Set<String> = []

    public init(_ people: [(name: String, email: String?)] = []) {
        for person in people { add(person.name, email: person.email) }
    }

    /// Adds a person of ours; an email already known for them is kept.
    public mutating func add(_ name: String, email: String? = nil) {
        let key = normalized(name)
        guard !key.isEmpty else { return }
        names.insert(key)
        if let first = key.split(separator: " ").first, key.contains(" ") { firstNames.insert(String(first)) }
        if let email, !email.isEmpty, emails[key] == nil { emails[key] = email }
    }

    /// Whether `owner` is one of ours: a name listed, a first name of one, or `we`, `us`, `me`.
    public func contains(_ owner: String) -> Bool {
        let key = normalized(owner)
        return names.contains(key) || firstNames.contains(key) || ["we", "us", "me", "i", "our team", "ours"].contains(key)
    }

    /// The email of one of ours, when known.
    public func email(of name: String) -> String? { emails[normalized(name)] }
}

/// A deal's next steps followed across its debriefs (DESIGN section 5): each row of a debrief's
/// next-steps table is a step known by its key (`DebriefRecord.NextStep.key`); a step is open from
/// the debrief that made it until a later one marks it done or dropped, whether or not the
/// debriefs between repeat it.
enum StepLedger {
    /// Every step of every deal among `records`, in the deals' order and each deal's steps in the
    /// order they were made. A debrief of no opportunity is a deal of its own; forms not yet
    /// filled are no calls.
    static func steps(of records: [DebriefRecord], ours: OurPeople) -> [NextStepList.Step] {
        var deals: [DealKey: [DebriefRecord]] = [:]
        var order: [DealKey] = []
        for record in records where !record.isUnfilledForm {
            let key = DealKey(ofAny: record)
            if deals[key] == nil { order.append(key) }
            deals[key, default: []].append(record)
        }
        return order.flatMap { steps(ofDeal: deals[$0, default: []].sorted(by: OpportunityHistory.precedes), ours: ours) }
    }

    /// The steps of one deal's debriefs, oldest first.
    private static func steps(ofDeal debriefs: [DebriefRecord], ours: OurPeople) -> [NextStepList.Step] {
        guard let last = debriefs.last else { return [] }
        var steps: [NextStepList.Step] = []
        var index: [String: Int] = [:]
        // The call each step was last made, changed or closed in, by position in `steps`.
        var touched: [Int: Int] = [:]
        for (call, record) in debriefs.enumerated() {
            var seen: Set<String> = []
            for row in record.nextSteps where !row.action.isEmpty {
                let key = row.key
                guard seen.insert(key).inserted else { continue }
                let here = "\(record.source):\(row.line)"
                if let position = index[key], steps[position].state == .open {
                    var step = steps[position]
                    // A new date or owner moves the step; the same date in other words (the form
                    // carries "Friday" as its date) keeps the rep's first words.
                    let newDue = row.dueDate ?? row.due
                    let newDate = newDue != nil && newDue != (step.dueDate ?? step.due)
                    let newOwner = row.owner.map { normalized($0) != normalized(step.owner ?? "") } ?? false
                    let moved = row.stated != .open || newOwner || newDate
                    if newOwner { step.owner = row.owner }
                    if newDate { (step.due, step.dueDate) = (row.due, row.dueDate) }
                    step.state = row.stated
                    step.lastSource = here
                    if step.state != .open { (step.closedOn, step.closedIn) = (record.meeting.date, here) }
                    steps[position] = step
                    if moved { touched[position] = call }
                    continue
                }
                // A new step, or one made again after it was closed.
                var step = NextStepList.Step(
                    key: key, action: row.action, owner: row.owner, due: row.due, dueDate: row.dueDate, state: row.stated,
                    madeOn: record.meeting.date, source: here, lastSource: here)
                if step.state != .open { (step.closedOn, step.closedIn) = (record.meeting.date, here) }
                index[key] = steps.count
                touched[steps.count] = call
                steps.append(step)
            }
            // Each step still open after a later call has lasted one more call.
            for position in steps.indices where steps[position].state == .open && madeBefore(steps[position], record) {
                steps[position].callsOpen += 1
            }
        }
        let lastCall = debriefs.count - 1
        for position in steps.indices {
            var step = steps[position]
            step.opportunity = last.meeting.opportunity
            step.account = last.meeting.account
            step.rep = last.meeting.rep
            step.ownerSide = step.owner.map { ours.contains($0) ? .ours : .theirs } ?? .nobody
            if touched[position] == lastCall {
                step.lastCall = step.source == step.lastSource ? .new
                    : step.state == .open ? .changed : step.state == .done ? .done : .dropped
            } else if step.lastSource.hasPrefix(last.source + ":") {
                step.lastCall = .unchanged
            } else {
                step.lastCall = .unmentioned
            }
            // Two calls after the one that made it, still open, and no one on the customer's side owns it.
            step.stalled = step.state == .open && step.callsOpen >= 2 && step.ownerSide != .theirs
            steps[position] = step
        }
        return steps
    }

    /// Whether `step` was made in a debrief before `record` (the same source made it otherwise).
    private static func madeBefore(_ step: NextStepList.Step, _ record: DebriefRecord) -> Bool {
        !step.source.hasPrefix(record.source + ":")
    }
}
