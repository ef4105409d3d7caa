/// Scores several debriefs together: an earlier debrief of the same opportunity (by date, then by
/// the order given) counts as history for a later one.
public enum ScoringRun {
    /// `calls` are what the workspace knows of each call, by meeting id (its attendees, its brief).
    public static func score(_ records: [DebriefRecord], catalog: ProcessCatalog,
                             calls: [String: CallFacts] = [:]) -> [Scorecard] {
        let scorers = PerProcess(Scorer.init)
        let evaluations = records.map { record in
            catalog.process(id: record.process.id).map {
                scorers.value(for: $0).evaluate(record, call: calls[record.meeting.id] ?? CallFacts())
            }
        }
        // Each deal's running history, in the deal's order: the history before each debrief.
        var before = [OpportunityHistory](repeating: OpportunityHistory(), count: records.count)
        for chain in chains(records) {
            var history = OpportunityHistory()
            for index in chain {
                before[index] = history
                if let evaluation = evaluations[index] { history.append(evaluation.historyEntry) }
            }
        }
        return records.indices.compactMap { index in
            guard let evaluation = evaluations[index], let process = catalog.process(id: records[index].process.id) else {
                return nil
            }
            return scorers.value(for: process).score(evaluation, history: before[index])
        }
    }

    /// The debriefs of each opportunity (same process and opportunity id) in the deal's order: by
    /// date, then in the order given. A debrief without front matter, or without an opportunity,
    /// is in none.
    public static func chains(_ records: [DebriefRecord?]) -> [[Int]] {
        var byOpportunity: [String: [Int]] = [:]
        var order: [String] = []
        for (index, record) in records.enumerated() {
            guard let record, let opportunity = record.meeting.opportunity else { continue }
            let key = "\(record.process.id)/\(opportunity)"
            if byOpportunity[key] == nil { order.append(key) }
            byOpportunity[key, default: []].append(index)
        }
        return order.compactMap { byOpportunity[$0] }.map { group in
            group.sorted { (records[$0]?.meeting.date ?? "", $0) < (records[$1]?.meeting.date ?? "", $1) }
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
