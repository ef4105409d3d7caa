/// What `callprep score` computes from a debrief record and its process (DESIGN section 7).
public struct Scorecard: Sendable, Hashable, Codable {
    /// 2: `history` is a summary (count, first, latest, and where each milestone was first met)
    /// instead of the list of every earlier debrief.
    public static let formatVersion = "callprep.scorecard/2"

    public enum Status: String, Sendable, Hashable, Codable {
        case met, unsupported, missed
        case notApplicable = "not-applicable"
    }

    public struct Item: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var kind: DebriefRecord.Kind
        public var status: Status
        public var weight: Double
        public var required: Bool
        /// Why it has this status, in words.
        public var reason: String
        /// `manager` when the manager's review changed the rep's claim.
        public var overriddenBy: String?
        /// The judge's own verdict, when the manager's review overrode it: what managers disagree
        /// with (`report --disagreements`).
        public var judged: Status? = nil
        /// The line of the item in the debrief; nil when the item is missing from it.
        public var line: Int?
        /// What the evidence reader found in the evidence of a checked item.
        public var facts: ItemFacts?
        /// For a milestone of the call's stage that an earlier debrief of the deal met: that
        /// debrief. The item is met for the stage, and stands outside this call's score.
        public var earlier: OpportunityHistory.Debrief?
    }

    /// The facts under an item's verdict, as fields (docs/evidence-reader.md).
    public struct ItemFacts: Sendable, Hashable, Codable {
        public struct Person: Sendable, Hashable, Codable {
            public var name: String
            public var side: Side
            public var role: BuyingRole?
            public var tookPart: Bool
        }

        /// The rule applied, as the process file writes it.
        public var rule: String
        /// One line: the first fact, whose it is, and what weakens it.
        public var summary: String
        /// theirs, ours or unstated: the first clause that says.
        public var whose: String
        /// The strongest modality of a clause: conditional, hedged, intended, done or stated.
        public var modality: String
        /// Negation triggers found.
        public var negations: [String]
        public var amounts: [String]
        public var frequencies: [String]
        public var dates: [String]
        public var events: [String]
        public var persons: [Person]
        /// Outcome alternatives laid out, when at least two are.
        public var outcomes: [String]?

        init(_ facts: EvidenceFacts, rule: String) {
            self.rule = rule
            summary = facts.summary
            let clauses = facts.clauses
            // One pass, each clause read in place (closures over the clauses copied every one).
            let order: [ModalityKind] = [.conditional, .hedged, .intended, .done, .stated]
            var firstSource: EvidenceAttribution.Source?
            var strongest = order.count
            (negations, amounts, frequencies, dates, events, persons) = ([], [], [], [], [], [])
            for index in clauses.indices {
                if firstSource == nil, clauses[index].attribution.source != .unstated { firstSource = clauses[index].attribution.source }
                if let rank = order.firstIndex(of: clauses[index].modality.kind), rank < strongest { strongest = rank }
                negations += clauses[index].negations
                amounts += clauses[index].facts.amounts.map(\.text)
                frequencies += clauses[index].facts.frequencies.map(\.text)
                dates += clauses[index].facts.dates.map(\.text)
                events += clauses[index].facts.events.map(\.text)
                persons += clauses[index].facts.persons.map { Person(name: $0.name, side: $0.side, role: $0.role, tookPart: $0.tookPart) }
            }
            whose = firstSource?.rawValue ?? "unstated"
            modality = strongest < order.count ? order[strongest].rawValue : "stated"
            outcomes = facts.outcomes?.outcomes
        }
    }

    public struct StageFigures: Sendable, Hashable, Codable {
        /// The stage the debrief claims the deal is at.
        public var claimed: String
        /// The furthest stage whose required milestones, and those of every earlier stage, are met;
        /// nil when not even the first stage's are.
        public var evidenced: String?
    }

    /// What the earlier debriefs of the deal are, in a size that does not grow with their number.
    public struct History: Sendable, Hashable, Codable {
        /// A milestone met before this call, and the earliest debrief that met it.
        public struct FirstMet: Sendable, Hashable, Codable {
            public var item: String
            public var source: String
            public var date: String
        }

        public var count: Int
        public var first: OpportunityHistory.Debrief
        public var latest: OpportunityHistory.Debrief
        public var firstMet: [FirstMet]

        /// nil for an empty history.
        init?(_ history: OpportunityHistory) {
            guard let first = history.first, let latest = history.latest else { return nil }
            count = history.count
            self.first = first
            self.latest = latest
            firstMet = history.firstMet.map { FirstMet(item: $0.id, source: $0.debrief.source, date: $0.debrief.date) }
        }
    }

    public struct Finding: Sendable, Hashable, Codable {
        public var check: String
        public var message: String
        public var line: Int?
    }

    public var format = Scorecard.formatVersion
    public var source: String
    public var meeting: DebriefRecord.MeetingInfo
    public var process: DebriefRecord.ProcessInfo
    /// What the evidence supports: the weighted share of applicable items in play that are met, 0 to 100.
    public var score: Int
    /// What the rep claimed: the weighted share of applicable items in play that are checked, 0 to 100.
    public var claimedScore: Int
    /// The rep's own score of the call, from the self-assessment.
    public var selfScore: Int?
    /// The manager's grade.
    public var managerScore: Int?
    public var items: [Item]
    public var stage: StageFigures
    public var readyToAdvance: Bool
    public var findings: [Finding]
    /// The earlier debriefs of the same opportunity whose met milestones counted; nil when none.
    public var history: History?
    /// The call's plan against its result: the outcomes reached and the colleagues' tasks done.
    public var plan: DebriefRecord.Plan?
}
