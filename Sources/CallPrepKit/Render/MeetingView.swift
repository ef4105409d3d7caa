import Foundation

/// A person as templates see them.
struct PersonView {
    let name: String
    let title: String?
    let email: String?
    /// The buying role in words, e.g. "decision maker" (their side).
    let role: String?
    /// Their task in the call (our side).
    let task: String?
    let notes: String?
    /// Name with title: "Mara Jensen, Head of Operations".
    let label: String
    /// The name as an id: "dana-whitfield", for the plan's `task-` items.
    let slug: String

    init(_ attendee: Attendee) {
        name = attendee.name
        title = attendee.title
        email = attendee.email
        role = attendee.buyingRole?.title
        task = attendee.task
        notes = attendee.notes
        label = [attendee.name, attendee.title].compactMap { $0 }.joined(separator: ", ")
        slug = PersonView.slug(attendee.name)
    }
}

extension PersonView {
    /// An id for a name: `zoe-lukasiewicz`.
    static func slug(_ name: String) -> String { CallPrepKit.slug(name, fallback: "person") }
}

struct PainView {
    let problem: String
    let impact: String?
    let frequency: String?
}

/// The meeting file's facts, formatted for people; shared by the brief and the form.
struct MeetingView {
    let id: String
    let account: String
    let date: String
    /// e.g. "Thursday 26 November 2026, 10:00–10:45 Europe/Berlin (UTC+01:00)".
    let when: String
    /// e.g. "26 November 2026".
    let longDate: String
    let time: String?
    let timeZone: String?
    let duration: Int?
    let type: String?
    let rep: String
    let objective: String
    let bestOutcome: String?
    let minimumOutcome: String?
    let opportunityID: String
    let opportunityName: String?
    /// e.g. "EUR 120,000".
    let value: String?
    let theirs: [PersonView]
    let ours: [PersonView]
    /// Whether anyone of our side besides the rep is listed.
    let hasColleagues: Bool
    let pains: [PainView]
    let notes: String?

    init(_ meeting: Meeting) {
        id = meeting.id
        account = meeting.account
        date = meeting.date
        when = Formatting.when(meeting)
        longDate = Formatting.longDate(meeting.date, weekday: false)
        time = meeting.time
        timeZone = meeting.timeZone
        duration = meeting.durationMinutes
        type = meeting.type
        // An imported meeting leaves these for the rep to write (docs/calendar.md).
        rep = meeting.rep.isEmpty ? "the rep (not named yet)" : meeting.rep
        objective = meeting.objective.isEmpty ? "Not written yet: write the objective in the meeting file." : meeting.objective
        bestOutcome = meeting.bestOutcome
        minimumOutcome = meeting.minimumOutcome
        opportunityID = meeting.opportunity.id
        opportunityName = meeting.opportunity.name
        value = meeting.opportunity.value.map { Formatting.money($0, currency: meeting.opportunity.currency) }
        theirs = meeting.attendees.filter { $0.side == .theirs }.map(PersonView.init)
        ours = meeting.attendees.filter { $0.side == .ours }.map(PersonView.init)
        hasColleagues = ours.contains { $0.name != meeting.rep }
        pains = meeting.pains.map { PainView(problem: $0.problem, impact: $0.impact, frequency: $0.frequency) }
        notes = meeting.notes
    }
}

/// A milestone or practice as templates see it.
struct ItemView {
    let id: String
    let title: String
    let guidance: String?
    /// The evidence kind: text, number, amount, date or person.
    let evidence: String
    /// What good evidence of this kind looks like, in a few words.
    let evidenceHint: String
    let required: Bool
    let ask: [String]
    let weight: String
    /// Where the deal's history met it (in the form only); nil while it is still open.
    let metEarlier: MetEarlierView?

    init(_ milestone: Milestone) {
        self.init(milestone, metEarlier: nil)
    }

    init(_ milestone: Milestone, metEarlier: MetEarlierView?) {
        self.metEarlier = metEarlier
        id = milestone.id
        title = milestone.title
        guidance = milestone.guidance.isEmpty ? nil : milestone.guidance
        evidence = milestone.evidence.rawValue
        // Every requirement of the rule, its alternatives joined with "or".
        evidenceHint = milestone.rule.requirements.map { $0.map(\.kind.hint).joined(separator: ", or ") }
            .joined(separator: "; ")
        required = milestone.required
        ask = milestone.ask
        weight = NumberText.plain(milestone.weight)
    }
}

/// The earlier debrief of the deal that first met a milestone: `met on {{date}} in {{source}}`.
struct MetEarlierView {
    let date: String
    let source: String
}

/// A stage as templates see it, with the items it shows.
struct StageView {
    let id: String
    let title: String
    let goal: String?
    /// 1-based position in the process.
    let number: Int
    let milestones: [ItemView]
}

extension EvidenceKind {
    /// What good evidence of this kind looks like; shown in the form beside each item.
    var hint: String {
        switch self {
        case .text: "what the customer said or did, in their words"
        case .number: "a number the customer gave, e.g. 30 a month"
        case .amount: "an amount in the customer's own numbers, e.g. EUR 40k a quarter"
        case .date: "a date, e.g. 2026-12-03"
        case .person: "who, by name"
        case .quote: "the customer's own words, quoted, or who gave the figure"
        case .outcomes: "the possible outcomes agreed, including that no is fine"
        case .attendee: "who took part, by name"
        case .deed: "what they did for the deal"
        case .preparation: "your written plan, or how long you prepared"
        case .role: "who, by name or by job"
        case .decision: "what they decided, approved or funded"
        case .conditions: "what they need of us, and what we need of them"
        case .list: "each part in turn, whether steps, roles or criteria"
        }
    }
}
