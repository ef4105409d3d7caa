/// The one place a deal's history is worked out, for every command that needs it (`score`,
/// `ingest`, `brief`, `form`, `agenda`): each earlier debrief of the deal is judged with what the
/// workspace knows of its call (`CallFacts`: the meeting file's attendees and notes, the brief
/// written), and a deal's debriefs come in one order, by date and then by path, whichever way
/// they were found or given.
public final class DealHistories: Sendable {
    /// The process of each id a debrief may name.
    public let process: ProcessLookup
    private let calls: [String: CallFacts]
    private let scorers = PerProcess(Scorer.init)

    /// `calls`: what the workspace knows of each call, by meeting id.
    public init(process: @escaping ProcessLookup, calls: [String: CallFacts] = [:]) {
        self.process = process
        self.calls = calls
    }

    /// The scorer of a debrief's process; nil when the process is not known.
    public func scorer(for record: DebriefRecord) -> Scorer? {
        process(record.process.id).map(scorers.value)
    }

    /// A debrief judged with what the workspace knows of its call; nil for an unknown process.
    public func evaluate(_ record: DebriefRecord) -> Scorer.Evaluation? {
        scorer(for: record)?.evaluate(record, call: calls[record.meeting.id] ?? CallFacts())
    }

    /// The scorecard of a debrief judged by `evaluate`, with the history before it.
    public func score(_ evaluation: Scorer.Evaluation, history: OpportunityHistory) -> Scorecard? {
        scorer(for: evaluation.record)?.score(evaluation, history: history)
    }

    /// A debrief's items judged once (`Scorer.Evaluation`).
    public typealias Evaluation = Scorer.Evaluation

    /// The history before `record` of the debriefs given to one run (`given`), with the earlier
    /// debriefs the workspace holds of its deal (`known`, each with its date) merged in.
    public func history(before record: DebriefRecord, known: [(date: String, entry: OpportunityHistory.Entry)],
                        given: OpportunityHistory) -> OpportunityHistory {
        known.filter { ($0.date, $0.entry.debrief.source) < (record.meeting.date, record.source) }
            .reduce(into: OpportunityHistory()) { $0.append($1.entry) }.merging(given)
    }

    /// The history that earlier debriefs of a deal make, taken in the deal's order.
    public func history(of earlier: [DebriefRecord]) -> OpportunityHistory {
        earlier.sorted(by: OpportunityHistory.precedes).reduce(into: OpportunityHistory()) { history, record in
            if let entry = evaluate(record)?.historyEntry { history.append(entry) }
        }
    }

    /// A debrief's scorecard, and how many milestones it met first in its deal.
    public typealias Scored = (card: Scorecard, gained: Int)

    /// Debriefs scored together, in any order: each counts the earlier debriefs of its deal among
    /// them as history. One result per debrief, nil for one whose process is unknown.
    public func score(together records: [DebriefRecord]) -> [Scored?] {
        let evaluations = records.map(evaluate)
        var scored = [Scored?](repeating: nil, count: records.count)
        var history = OpportunityHistory()
        var previousChain = -1
        for (chain, index) in Self.chains(records).enumerated().flatMap({ chain, indexes in indexes.map { (chain, $0) } }) {
            if chain != previousChain { history = OpportunityHistory() }
            previousChain = chain
            guard let evaluation = evaluations[index], let card = score(evaluation, history: history) else { continue }
            scored[index] = (card, history.append(evaluation.historyEntry))
        }
        // A debrief of no deal (no opportunity) is scored alone.
        for index in records.indices where scored[index] == nil && records[index].meeting.opportunity == nil {
            if let evaluation = evaluations[index], let card = score(evaluation, history: OpportunityHistory()) {
                scored[index] = (card, 0)
            }
        }
        return scored
    }

    /// The scorecards of debriefs scored together (`score(together:)`), in their order.
    public func scorecards(_ records: [DebriefRecord]) -> [Scorecard] {
        score(together: records).compactMap { $0?.card }
    }

    /// The debriefs of each deal (same process and opportunity id) in the deal's order: by date,
    /// then by path, then in the order given. A debrief without front matter, or without an
    /// opportunity, is in none.
    public static func chains(_ records: [DebriefRecord?]) -> [[Int]] {
        var byDeal: [DealKey: [Int]] = [:]
        var order: [DealKey] = []
        for (index, record) in records.enumerated() {
            guard let record, let key = DealKey(record) else { continue }
            if byDeal[key] == nil { order.append(key) }
            byDeal[key, default: []].append(index)
        }
        return order.compactMap { byDeal[$0] }.map { group in
            group.sorted { lhs, rhs in
                let left = records[lhs], right = records[rhs]
                return (left?.meeting.date ?? "", left?.source ?? "", lhs) < (right?.meeting.date ?? "", right?.source ?? "", rhs)
            }
        }
    }

    /// For each debrief, the one just before it in its deal (`chains`); nil for the first.
    public static func predecessors(_ records: [DebriefRecord?]) -> [Int?] {
        var previous = [Int?](repeating: nil, count: records.count)
        for chain in chains(records) {
            for (earlier, later) in zip(chain, chain.dropFirst()) { previous[later] = earlier }
        }
        return previous
    }
}
