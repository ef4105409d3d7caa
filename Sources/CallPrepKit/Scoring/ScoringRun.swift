/// Scores several debriefs together: an earlier debrief of the same opportunity (by date, then by
/// the order given) counts as history for a later one.
public enum ScoringRun {
    public static func score(_ records: [DebriefRecord], catalog: ProcessCatalog) -> [Scorecard] {
        var scorers: [String: Scorer] = [:]
        var byOpportunity: [String: [Int]] = [:]
        for (index, record) in records.enumerated() {
            if let opportunity = record.meeting.opportunity {
                byOpportunity["\(record.process.id)/\(opportunity)", default: []].append(index)
            }
        }
        return records.enumerated().compactMap { index, record in
            guard let process = catalog.process(id: record.process.id) else { return nil }
            let scorer = scorers[process.id] ?? Scorer(process: process)
            scorers[process.id] = scorer
            let key = record.meeting.opportunity.map { "\(record.process.id)/\($0)" }
            let history = (key.flatMap { byOpportunity[$0] } ?? []).filter { other in
                let earlier = records[other]
                return earlier.meeting.date < record.meeting.date || (earlier.meeting.date == record.meeting.date && other < index)
            }.map { records[$0] }
            return scorer.score(record, history: history)
        }
    }
}
