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
        count += 1
        if first.map({ entry.debrief.precedes($0) }) ?? true { first = entry.debrief }
        if latest.map({ $0.precedes(entry.debrief) }) ?? true { latest = entry.debrief }
        for person in entry.people where peopleKeys.insert(normalized(person.name)).inserted {
            people.append(person)
        }
        var gained = 0
        for item in entry.met {
            if met.insert(item.id).inserted {
                firstMet.append(MetItem(id: item.id, evidence: item.evidence, debrief: entry.debrief))
                gained += 1
            } else if let index = firstMet.firstIndex(where: { $0.id == item.id }),
                      entry.debrief.precedes(firstMet[index].debrief) {
                firstMet[index] = MetItem(id: item.id, evidence: item.evidence, debrief: entry.debrief)
            }
        }
        return gained
    }

    /// This history with `other`'s debriefs added (the workspace's earlier debriefs and the files
    /// given, for one call).
    func merging(_ other: OpportunityHistory) -> OpportunityHistory {
        guard other.count > 0 else { return self }
        guard count > 0 else { return other }
        var merged = self
        merged.count += other.count
        if let first = other.first, merged.first.map({ first.precedes($0) }) ?? true { merged.first = first }
        if let latest = other.latest, merged.latest.map({ $0.precedes(latest) }) ?? true { merged.latest = latest }
        for person in other.people where merged.peopleKeys.insert(normalized(person.name)).inserted {
            merged.people.append(person)
        }
        for item in other.firstMet {
            if merged.met.insert(item.id).inserted {
                merged.firstMet.append(item)
            } else if let index = merged.firstMet.firstIndex(where: { $0.id == item.id }),
                      item.debrief.precedes(merged.firstMet[index].debrief) {
                merged.firstMet[index] = item
            }
        }
        return merged
    }

    /// The order in which debriefs become history: by date, then by source.
    public static func precedes(_ lhs: DebriefRecord, _ rhs: DebriefRecord) -> Bool {
        (lhs.meeting.date, lhs.source) < (rhs.meeting.date, rhs.source)
    }
}
