/// What earlier debriefs say about a deal and its rep, for the brief (`history` in the template).
struct DealHistory {
    struct MetItem {
        let id: String
        let title: String
        let evidence: String
        /// The debrief that first showed it met.
        let source: String
    }

    struct NextStep {
        let action: String
        let owner: String?
        let due: String?
        /// Due before the meeting's date.
        let overdue: Bool
    }

    struct Note {
        let text: String
        let author: String?
        let date: String
        let source: String
    }

    /// Earlier debriefs of this opportunity, oldest first.
    let debriefs: [String]
    let met: [MetItem]
    /// The debrief the next steps come from: the latest.
    let lastDebrief: String?
    let nextSteps: [NextStep]
    let coaching: [Note]
    let rep: String

    /// Ids of the milestones met so far.
    var metIDs: Set<String> { Set(met.map(\.id)) }

    /// nil when no earlier debrief concerns this deal or this rep.
    init?(meeting: Meeting, process: SalesProcess, records: [DebriefRecord]) {
        let earlier = records.filter { $0.meeting.date < meeting.date }
            .sorted { ($0.meeting.date, $0.source) < ($1.meeting.date, $1.source) }
        let deal = earlier.filter { $0.meeting.opportunity == meeting.opportunity.id && $0.process.id == process.id }
        let scorer = Scorer(process: process)
        var met: [MetItem] = []
        for record in deal {
            let shown = scorer.metMilestones(record)
            for item in record.items where shown.contains(item.id) && !met.contains(where: { $0.id == item.id }) {
                let title = process.milestones.first { $0.id == item.id }?.title ?? item.id
                met.append(MetItem(id: item.id, title: title, evidence: item.evidence, source: record.source))
            }
        }
        let last = deal.last
        let coaching = earlier.filter { $0.meeting.rep == meeting.rep }.reversed().flatMap { record in
            record.coachingNotes.map { Note(text: $0.text, author: $0.author, date: record.meeting.date,
                                            source: "\(record.source):\($0.line)") }
        }
        guard !deal.isEmpty || !coaching.isEmpty else { return nil }
        debriefs = deal.map(\.source)
        self.met = met
        lastDebrief = last?.source
        nextSteps = (last?.nextSteps ?? []).map { step in
            NextStep(action: step.action, owner: step.owner, due: step.due,
                     overdue: step.dueDate.map { $0 < meeting.date } ?? false)
        }
        self.coaching = Array(coaching.prefix(5))
        rep = meeting.rep
    }
}
