/// Scores several debriefs together: an earlier debrief of the same opportunity (by date, then by
/// the order given) counts as history for a later one.
public enum ScoringRun {
    public static func score(_ records: [DebriefRecord], catalog: ProcessCatalog) -> [Scorecard] {
        var scorers: [String: Scorer] = [:]
        func scorer(_ record: DebriefRecord) -> Scorer? {
            if let known = scorers[record.process.id] { return known }
            guard let process = catalog.process(id: record.process.id) else { return nil }
            let made = Scorer(process: process)
            scorers[record.process.id] = made
            return made
        }
        // Each record's met milestones, computed once for every later debrief that counts it.
        let evaluations = records.map { record in scorer(record)?.evaluate(record) }
        var byOpportunity: [String: [Int]] = [:]
        for (index, record) in records.enumerated() {
            if let opportunity = record.meeting.opportunity {
                byOpportunity["\(record.process.id)/\(opportunity)", default: []].append(index)
            }
        }
        return records.enumerated().compactMap { index, record in
            guard let scorer = scorer(record) else { return nil }
            let key = record.meeting.opportunity.map { "\(record.process.id)/\($0)" }
            let earlier = (key.flatMap { byOpportunity[$0] } ?? []).filter { other in
                let candidate = records[other]
                return candidate.meeting.date < record.meeting.date
                    || (candidate.meeting.date == record.meeting.date && other < index)
            }
            let metBefore = earlier.reduce(into: Set<String>()) { $0.formUnion(evaluations[$1]?.met ?? []) }
            guard let evaluation = evaluations[index] else { return nil }
            return scorer.score(evaluation, history: earlier.map { records[$0].source }, metBefore: metBefore)
        }
    }
}
