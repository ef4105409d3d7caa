/// What the earlier debriefs of one opportunity have shown, kept as a running union: fed oldest
/// first, one debrief at a time, by `score`, `ingest` and the brief alike.
public struct OpportunityHistory: Sendable {
    /// A milestone a debrief showed met, with its evidence.
    public struct MetItem: Sendable, Hashable {
        public let id: String
        public let evidence: String
        /// The debrief that first showed it met.
        public let source: String
    }

    /// What one debrief adds to the history: its source, the milestones it shows met, and the
    /// people met on the call.
    public struct Entry: Sendable {
        public let source: String
        /// In the debrief's order.
        let met: [(id: String, evidence: String)]
        let people: [PeoplePicture.Person]
    }

    /// The earlier debriefs, oldest first.
    public private(set) var sources: [String] = []
    /// The ids of the milestones met so far.
    public private(set) var met: Set<String> = []
    /// Each milestone met so far, with the debrief that first met it, in the order they were met.
    public private(set) var firstMet: [MetItem] = []
    /// The people met on earlier calls, each once.
    public private(set) var people: [PeoplePicture.Person] = []

    public init() {}

    /// Adds the next debrief; returns how many milestones it met for the first time.
    @discardableResult
    public mutating func append(_ entry: Entry) -> Int {
        sources.append(entry.source)
        for person in entry.people where !people.contains(where: { normalized($0.name) == normalized(person.name) }) {
            people.append(person)
        }
        var gained = 0
        for item in entry.met where met.insert(item.id).inserted {
            firstMet.append(MetItem(id: item.id, evidence: item.evidence, source: entry.source))
            gained += 1
        }
        return gained
    }

    /// The order in which debriefs become history: by date, then by source.
    public static func precedes(_ lhs: DebriefRecord, _ rhs: DebriefRecord) -> Bool {
        (lhs.meeting.date, lhs.source) < (rhs.meeting.date, rhs.source)
    }
}
