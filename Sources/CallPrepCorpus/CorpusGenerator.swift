import CallPrepKit

/// Writes realistic filled debriefs, deterministically from a seed, through the real form template:
/// for tests of the index and reports, and for benchmarks. Opportunities move through their
/// stages over several calls; reps differ in how thoroughly they work.
public struct CorpusGenerator {
    static let reps = ["Dana Whitfield", "Priya Raman", "Jonas Berg", "Luis Ortega", "Mei Chen", "Tom Becker",
                       "Amara Okafor", "Sven Lind"]
    static let accounts = ["Northwind Logistics", "Contoso Health", "Fabrikam Retail", "Tailspin Air", "Litware Labs",
                           "Adatum Energy", "Woodgrove Bank", "Proseware", "Fourth Coffee", "Wingtip Toys",
                           "Alpine Ski House", "Coho Winery", "Relecloud", "Trey Research", "Lamna Freight"]
    static let people = ["Mara Jensen", "Henrik Sorensen", "Elena Alvarez", "Sam Osei", "Grace Liu", "Aiko Tanaka"]
    /// Calls per opportunity: 5 by default; a long deal for the scale benchmark.
    private let callsPerOpportunity: Int

    private let seed: UInt64
    private var state: UInt64 = 0
    private let processes: [SalesProcess]
    private let templates: TemplateSet
    /// The review the last debrief made carries, as written: nil for one without a review.
    public private(set) var lastReview: CorpusReview?

    public init(seed: UInt64, templates: TemplateSet, callsPerOpportunity: Int = 5) throws(DiagnosticError) {
        self.seed = seed
        self.callsPerOpportunity = max(1, callsPerOpportunity)
        processes = try ProcessResolver.builtinIDs.map { id throws(DiagnosticError) in
            guard let source = ProcessResolver.builtinSource(id) else { preconditionFailure("a built-in process") }
            return try ProcessLoader.load(source)
        }
        self.templates = templates
    }

    /// The `index`th debrief of the corpus: a file name and its text. The same seed and index give
    /// the same debrief.
    public mutating func debrief(_ index: Int) throws(FormFillerError) -> (name: String, text: String) {
        // The state comes from the seed and the index alone, so debriefs can be made in any order.
        state = (seed ^ UInt64(index) &* 0x9E37_79B9_7F4A_7C15) | 1
        let opportunityNumber = index / callsPerOpportunity
        let call = index % callsPerOpportunity
        let process = processes[opportunityNumber % 7 == 6 ? 1 : 0]
        let rep = Self.reps[opportunityNumber % Self.reps.count]
        // Reps differ in diligence: how often they reach and evidence an item.
        let diligence = 35 + (opportunityNumber % Self.reps.count) * 7
        let account = Self.accounts[opportunityNumber % Self.accounts.count]
        let stageIndex = min(process.stages.count - 1, call * process.stages.count / callsPerOpportunity
                             + Int(next() % 2))
        let stage = process.stages[stageIndex]
        let day = 1 + (opportunityNumber * 3 + call * 7) % 360
        let date = Self.date(dayOfYear: day)
        let champion = Self.people[opportunityNumber % Self.people.count]
        let decider = Self.people[(opportunityNumber + 1) % Self.people.count]
        let meeting = Meeting(
            id: "opp\(opportunityNumber)-call\(call)", date: date, time: "10:00", timeZone: "Europe/Berlin",
            durationMinutes: 45, type: call == 0 ? "Discovery call" : "Follow-up", account: account,
            opportunity: Opportunity(id: "opp-\(opportunityNumber)", name: "\(account) rollout", stage: stage.id,
                                     value: Double(20 + opportunityNumber % 40) * 5_000, currency: "EUR"),
            rep: rep, objective: "Move \(account) through \(stage.title).",
            bestOutcome: "Agreement on the next milestone with \(decider).", minimumOutcome: "A dated next step.",
            attendees: [Attendee(name: champion, title: "Head of Operations", side: .theirs, buyingRole: .champion),
                        Attendee(name: decider, title: "COO", side: .theirs, buyingRole: .decisionMaker),
                        Attendee(name: rep, title: "Account Executive", side: .ours, task: "Runs the call.")],
            pains: [Pain(problem: "Late deliveries", impact: "EUR 1,200 each", frequency: "30 a month"),
                    Pain(problem: "Manual planning")])
        let form = DocumentRenderer.form(meeting: meeting, process: process, templates: templates)
        guard let plan = ItemsInPlay(process: process, stageID: stage.id) else { preconditionFailure("a stage of its own process") }

        var filler = FormFiller(text: form)
        var checked = 0
        var marks: [String: CorpusReview.Written] = [:]
        for item in plan.all {
            let roll = Int(next() % 100)
            guard roll < diligence + 25 else {
                marks[item.id] = .unticked
                continue
            }
            try filler.check(item.id)
            checked += 1
            if roll < diligence {
                // Now and then a rep writes evidence a manager would not take: hedged, our own
                // figures, a bare date.
                let weak = roll % 6 == 0 ? Self.weakEvidence(item.rule, person: champion, date: date) : nil
                try filler.evidence(item.id, weak ?? evidence(item.rule, person: decider, date: date))
                marks[item.id] = weak == nil ? .evidence : .weakEvidence
            } else {
                marks[item.id] = .noEvidence
            }
        }
        if next() % 4 != 0 {
            try filler.fillEmptyRow(after: "callprep:next-steps",
                                ["Review the savings case with \(next() % 2 == 0 ? decider : champion)", rep,
                                 Self.date(dayOfYear: min(365, day + 7))])
        }
        try filler.fillEmptyRow(after: "callprep:people", [decider, "COO", "decision maker", call == 0 ? "new" : "known"])
        let selfScore = min(100, checked * 100 / max(plan.all.count, 1) + Int(next() % 30))
        try filler.label("Score (0 to 100):", String(selfScore))
        try filler.label("What went well:", "We kept to the agenda and got \(champion)'s numbers.")
        lastReview = nil
        let reviewRoll = next() % 6
        let manager = Self.managers[(opportunityNumber % Self.reps.count) * Self.managers.count / Self.reps.count]
        if reviewRoll < 2 {
            lastReview = try review(&filler, items: plan.all.map(\.id), marks: marks, manager: manager, selfScore: selfScore)
        } else if reviewRoll == 2 {
            // Assigned, not yet done: waits for this manager.
            try filler.label("Reviewer:", manager)
        }
        if next() % 2 == 0, let item = plan.stage.milestones.first {
            filler.appendNote("`\(item.id)` Ask for the customer's own figure before offering ours. (Sam Lee)")
        }
        return ("\(date)-opp\(opportunityNumber)-call\(call).md", filler.text)
    }

    /// The review a manager writes: a grade, and an answer on most rows. Weak evidence is
    /// refused; evidence missing under a ticked box is sometimes taken on the manager's own
    /// knowledge of the call, and an unticked item sometimes said to be reached.
    private mutating func review(_ filler: inout FormFiller, items: [String], marks: [String: CorpusReview.Written],
                                 manager: String, selfScore: Int) throws(FormFillerError) -> CorpusReview {
        try filler.label("Reviewer:", manager)
        let grade = max(0, selfScore - Int(next() % 40))
        try filler.label("Grade (0 to 100):", String(grade))
        var answers: [CorpusReview.Answer] = []
        for id in items {
            guard let written = marks[id], next() % 5 != 0 else { continue }
            let roll = Int(next() % 100)
            let (agree, comment): (Bool, String) = switch written {
            case .evidence: (true, roll < 30 ? "Solid." : "")
            case .weakEvidence: (false, Self.refusals[roll % Self.refusals.count])
            case .noEvidence: roll < 35 ? (true, "I was on this call: it happened, write it down next time.")
                : (false, "Ticked with nothing under it.")
            case .unticked: roll < 15 ? (false, "This came up on the call; tick it with what they said.") : (true, "")
            }
            try filler.review(id, agree: agree ? "yes" : "no", comment: comment)
            answers.append(CorpusReview.Answer(item: id, agree: agree, written: written))
        }
        try filler.label("Comments:", grade >= 60 ? "A sound call; keep the evidence in their words." : "Too much of this rests on our view.")
        return CorpusReview(reviewer: manager, grade: grade, answers: answers)
    }

    public static let managers = ["Sam Lee", "Rita Novak"]

    /// What a manager writes when refusing weak evidence.
    static let refusals = ["Whose number is this? Nobody on their side said it.", "Maybe is not a yes.",
                           "A date on its own: what happens on it?", "That is a plan, not something done.",
                           "A name or a mood is not evidence."]

    /// Evidence that reads as proof to a hurried eye and is not: a figure nobody owns, a date with
    /// nothing on it, a mood, a name alone, a hedge, an intention. The judge takes some of these
    /// and refuses others; a manager refuses them all. Nil for a rule it has no weak form of.
    static func weakEvidence(_ rule: EvidenceRule, person: String, date: String) -> String? {
        switch rule.requirements.compactMap(\.first?.kind).first {
        case .amount, .number: date.hasSuffix("5") ? "Our savings model says about EUR 40k a quarter for them."
            : "Somewhere near EUR 40k a quarter in late fees."
        case .date: date.hasSuffix("5") ? "Pencilled in for \(date)." : "Agreed for \(date)."
        case .person, .attendee, .role: date.hasSuffix("5") ? "\(person) might bring the CFO in at some point." : "\(person)."
        case .text, .quote: date.hasSuffix("5") ? "They will probably think about it after the holidays."
            : "The customer was enthusiastic about the demo."
        case .deed, .decision: "\(person) means to set up a talk with their finance people."
        default: nil
        }
    }

    /// Evidence a diligent rep writes for `rule`: a sentence for each requirement.
    private func evidence(_ rule: EvidenceRule, person: String, date: String) -> String {
        rule.requirements.compactMap(\.first?.kind).map { kind in
            switch kind {
            case .text: "The customer described the problem in their own words and agreed to the plan."
            case .number: "About 30 a month, by their count."
            case .amount: "EUR 40k a quarter, their figure from finance."
            case .date: "Agreed for \(date), when their board meets."
            case .person, .attendee: "\(person) confirmed it on the call."
            case .quote: "\"We lose a day a week to this,\" \(person) said."
            case .outcomes: "Agreed the purpose, and that saying no is fine if it is not a fit."
            case .deed: "\(person) introduced us to finance and shared the Q3 data."
            case .preparation: "Brief written the day before."
            case .role: "The CFO signs it off."
            case .decision: "\(person) approved the budget and named an owner."
            case .conditions: "They need it live by March; we need their data and a named owner."
            case .list: "IT review first, then \(person) takes it to the board, then procurement."
            }
        }.joined(separator: " ")
    }

    /// xorshift64*: small, fast and the same on every machine.
    private mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    /// Day 1 to 365 of 2026 as `YYYY-MM-DD`.
    static func date(dayOfYear: Int) -> String {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var day = max(1, min(365, dayOfYear))
        var month = 0
        while day > lengths[month] {
            day -= lengths[month]
            month += 1
        }
        return "2026-" + (month < 9 ? "0" : "") + "\(month + 1)-" + (day < 10 ? "0" : "") + "\(day)"
    }
}

/// A generated manager's review, as the generator wrote it: the ground truth tests count against.
public struct CorpusReview: Sendable, Hashable {
    /// How the rep marked an item, and what was written under it.
    public enum Written: Sendable, Hashable {
        case evidence, weakEvidence, noEvidence, unticked
    }

    public struct Answer: Sendable, Hashable {
        public let item: String
        public let agree: Bool
        public let written: Written
    }

    public let reviewer: String
    public let grade: Int
    public let answers: [Answer]
}
