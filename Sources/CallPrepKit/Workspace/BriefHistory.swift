extension DealHistory {
    /// What `records` (any debriefs: the index's, or a folder's) say of the meeting's deal and its
    /// rep; nil when none of them concerns either. The deal's milestones come from
    /// `deals` (`DealHistories`), as for `score` and `ingest`.
    /// The deal's open next steps are followed across its debriefs (`NextStepList`), their age
    /// counted to the meeting's date; `ours` tells whose each is.
    init?(meeting: Meeting, process: SalesProcess, records: [DebriefRecord], deals: DealHistories, ours: OurPeople) {
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
            nextSteps: NextStepList(records: deal, date: meeting.date, ours: ours).steps
                .sorted { ($0.madeOn, $0.source) < ($1.madeOn, $1.source) }.map { step in
                    NextStep(action: step.key.hasPrefix("#") ? "\(step.action) \(step.key)" : step.action, owner: step.owner,
                             due: step.dueText, formDue: step.dueDate ?? step.due, overdue: step.timing == .overdue,
                             madeOn: step.madeOn, age: step.ageDays, stalled: step.stalled, source: step.source)
                },
            coaching: Array(coaching.prefix(5)), rep: meeting.rep)
    }
}
