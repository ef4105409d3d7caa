/// The histories of the deals of one streamed `score` run, kept as running unions along each
/// deal's chain of debriefs (`DealHistories.chains`), so that a deal of N debriefs costs N steps,
/// not N². Debriefs are scored in the order given, in batches; a debrief whose deal has earlier
/// debriefs later in that order has them evaluated ahead (`ahead(of:)`). What a debrief leaves
/// for its successor is released once the successor is scored.
struct RunningHistories {
    private let previous: [Int?]
    private let hasSuccessor: [Bool]
    /// What each evaluated debrief adds to its deal, until the history including it is worked out.
    private var entries: [Int: OpportunityHistory.Entry] = [:]
    /// The history including a debrief, until its successor is scored.
    private var after: [Int: OpportunityHistory] = [:]
    private var evaluated: Set<Int> = []

    init(_ records: [DebriefRecord?]) {
        previous = DealHistories.predecessors(records)
        var successor = [Bool](repeating: false, count: records.count)
        for index in previous.compactMap({ $0 }) { successor[index] = true }
        hasSuccessor = successor
    }

    /// Whether a later debrief needs what this one adds.
    func isNeeded(_ index: Int) -> Bool { hasSuccessor[index] }

    /// The debriefs after `batch` in the order given that its debriefs' histories need, not
    /// evaluated yet: they are evaluated with the batch.
    mutating func ahead(of batch: Range<Int>) -> [Int] {
        var found: [Int] = []
        for index in batch {
            var node = previous[index]
            while let earlier = node, after[earlier] == nil, !evaluated.contains(earlier), !batch.contains(earlier) {
                found.append(earlier)
                evaluated.insert(earlier)
                node = previous[earlier]
            }
        }
        evaluated.formUnion(batch)
        return found.sorted()
    }

    /// What an evaluated debrief adds to its deal (nil when it has no record).
    mutating func add(_ entry: OpportunityHistory.Entry?, of index: Int) {
        if let entry, hasSuccessor[index] { entries[index] = entry }
    }

    /// The history before the debrief at `index`: its deal's earlier debriefs.
    mutating func history(before index: Int) -> OpportunityHistory {
        guard let earlier = previous[index] else { return OpportunityHistory() }
        return history(including: earlier)
    }

    /// Marks the debrief at `index` scored: the history including it is kept for its successor
    /// (worked out now, while its predecessor's is still there), and its predecessor's released.
    mutating func scored(_ index: Int) {
        if hasSuccessor[index], after[index] == nil { _ = history(including: index) }
        guard let earlier = previous[index] else { return }
        after[earlier] = nil
    }

    /// The history up to and including `index`: from the nearest debrief back along the chain
    /// whose history is known, forward.
    private mutating func history(including index: Int) -> OpportunityHistory {
        var chain: [Int] = []
        var node: Int? = index
        while let current = node, after[current] == nil {
            chain.append(current)
            node = previous[current]
        }
        var history = node.flatMap { after[$0] } ?? OpportunityHistory()
        for current in chain.reversed() {
            if let entry = entries.removeValue(forKey: current) { history.append(entry) }
            after[current] = history
        }
        return history
    }
}
