/// What the earlier debriefs of one opportunity have shown, kept as a running union: fed one
/// debrief at a time by `score`, `ingest` and the brief alike. Its size is bounded by the process's
/// milestones and the deal's people, not by the number of debriefs, so that a deal of thousands
/// of calls costs each of them the same (BENCHMARKS.md).
public struct OpportunityHistory: Sendable {
    /// A debrief of the history, by its source and date.
    public struct Debrief: Sendable, Hashable, Codable {
        public let source: String
        public let date: String

        /// Whether this debrief comes before `other` in a deal: by date, then by source.
        func precedes(_ other: Debrief) -> Bool { (date, source) < (other.date, other.source) }
    }

    /// A milestone a debrief showed met, with its evidence.
    public struct MetItem: Sendable, Hashable {
        public let id: String
        public let evidence: String
        /// The debrief that first showed it met.
        public let debrief: Debrief
        public var source: String { debrief.source }
    }

    /// What one debrief adds to the history: its source and date, the milestones it shows met, and
    /// the people met on the call.
    public struct Entry: Sendable {
        public let debrief: Debrief
        /// In the debrief's order.
        let met: [(id: String, evidence: String)]
        let people: [PeoplePicture.Person]
    }

    /// How many debriefs the history holds.
    public private(set) var count = 0
    /// The earliest and the latest of them.
    public private(set) var first: Debrief?
    public private(set) var latest: Debrief?
    /// The ids of the milestones met so far.
    public private(set) var met: Set<String> = []
    /// Each milestone met so far, with the earliest debrief that met it, in the order they were met.
    public private(set) var firstMet: [MetItem] = []
    /// The people met on earlier calls, each once.
    public private(set) var people: [PeoplePicture.Person] = []
    private var peopleKeys: Set<String> = []

    public init() {}

    /// Adds a debrief; returns how many milestones it met for the first time. Debriefs may come in
    /// any order: the first and latest, and the debrief that first met each milestone, are by date.
    @discardableResult
    public mutating func append(_ entry: Entry) -> Int {
        add(count: 1, first: entry.debrief, latest: entry.debrief, people: entry.people)
        return entry.met.filter { add(MetItem(id: $0.id, evidence: $0.evidence, debrief: entry.debrief)) }.count
    }

    /// This history with `other`'s debriefs added (the workspace's earlier debriefs and the files
    /// given, for one call).
    func merging(_ other: OpportunityHistory) -> OpportunityHistory {
        guard let first = other.first, let latest = other.latest else { return self }
        var merged = self
        merged.add(count: other.count, first: first, latest: latest, people: other.people)
        for item in other.firstMet { merged.add(item) }
        return merged
    }

    private mutating func add(count more: Int, first earliest: Debrief, latest newest: Debrief,
                              people others: [PeoplePicture.Person]) {
        count += more
        if first.map({ earliest.precedes($0) }) ?? true { first = earliest }
        if latest.map({ $0.precedes(newest) }) ?? true { latest = newest }
        for person in others where peopleKeys.insert(normalized(person.name)).inserted { people.append(person) }
    }

    /// Records a milestone met; true when it is met for the first time. An earlier debrief that
    /// met it takes the place of a later one.
    @discardableResult
    private mutating func add(_ item: MetItem) -> Bool {
        if met.insert(item.id).inserted {
            firstMet.append(item)
            return true
        }
        if let index = firstMet.firstIndex(where: { $0.id == item.id }), item.debrief.precedes(firstMet[index].debrief) {
            firstMet[index] = item
        }
        return false
    }

    /// The order in which debriefs become history: by date, then by source.
    public static func precedes(_ lhs: DebriefRecord, _ rhs: DebriefRecord) -> Bool {
        (lhs.meeting.date, lhs.source) < (rhs.meeting.date, rhs.source)
    }
}
