/// Scores several debriefs together: an earlier debrief of the same opportunity (by date, then by
/// the order given) counts as history for a later one.
public enum ScoringRun {
    public static func score(_ records: [DebriefRecord], catalog: ProcessCatalog) -> [Scorecard] {
        let scorers = PerProcess(Scorer.init)
        let evaluations = records.map { record in
            catalog.process(id: record.process.id).map { scorers.value(for: $0).evaluate(record) }
        }
        let earlier = history(records)
        return records.indices.compactMap { index in
            guard let evaluation = evaluations[index], let process = catalog.process(id: records[index].process.id) else {
                return nil
            }
            var history = OpportunityHistory()
            for before in earlier[index] {
                if let known = evaluations[before] { history.append(known.historyEntry) }
            }
            return scorers.value(for: process).score(evaluation, history: history)
        }
    }

    /// For each debrief, the earlier debriefs of its opportunity in the order given; a debrief
    /// without front matter, or without an opportunity, has none.
    public static func history(_ records: [DebriefRecord?]) -> [[Int]] {
        var byOpportunity: [String: [Int]] = [:]
        for (index, record) in records.enumerated() {
            if let record, let opportunity = record.meeting.opportunity {
                byOpportunity["\(record.process.id)/\(opportunity)", default: []].append(index)
            }
        }
        return records.enumerated().map { index, record in
            guard let record, let opportunity = record.meeting.opportunity,
                  let group = byOpportunity["\(record.process.id)/\(opportunity)"] else { return [] }
            return group.filter { other in
                guard let date = records[other]?.meeting.date else { return false }
                return date < record.meeting.date || (date == record.meeting.date && other < index)
            }
        }
    }
}
