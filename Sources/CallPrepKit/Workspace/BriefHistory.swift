extension DealHistory {
    /// What `records` (any debriefs: the index's, or a folder's) say of the meeting's deal and its
    /// rep; nil when none of them concerns either. The deal's milestones come from
    /// `deals` (`DealHistories`), as for `score` and `ingest`.
    init?(meeting: Meeting, process: SalesProcess, records: [DebriefRecord], deals: DealHistories) {
        let earlier = records.filter { $0.meeting.date < meeting.date && !$0.isUnfilledForm }
            .sorted(by: OpportunityHistory.precedes)
        let deal = earlier.filter { DealKey($0) == DealKey(process: process.id, opportunity: meeting.opportunity.id) }
        let history = deals.history(of: deal)
        let coaching = earlier.filter { $0.meeting.rep == meeting.rep }.reversed().flatMap { record in
            record.coachingNotes.map { Note(text: $0.text, item: $0.milestone, author: $0.author, date: record.meeting.date,
                                            source: "\(record.source):\($0.line)") }
        }
        guard !deal.isEmpty || !coaching.isEmpty else { return nil }
        let titles = Dictionary(process.milestones.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let last = deal.last
        self.init(
            debriefs: deal.map(\.source),
            met: history.firstMet.map { MetItem(id: $0.id, title: titles[$0.id] ?? $0.id, evidence: $0.evidence,
                                                source: $0.source, date: $0.debrief.date) },
            lastDebrief: last?.source,
            nextSteps: (last?.nextSteps ?? []).map { step in
                NextStep(action: step.action, owner: step.owner, due: step.due,
                         overdue: step.dueDate.map { $0 < meeting.date } ?? false)
            },
            coaching: Array(coaching.prefix(5)), rep: meeting.rep)
    }
}
