/// What earlier debriefs say about a deal and its rep, for the brief (`history` in the template):
/// a plain value, worked out from the debriefs by `Workspace/` (BriefHistory.swift).
struct DealHistory {
    struct MetItem {
        let id: String
        let title: String
        let evidence: String
        /// The debrief that first showed it met, and its date.
        let source: String
        let date: String
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
        /// The id of the item the note is about, if it names one.
        let item: String?
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

    /// Where each milestone met so far was first met, by id.
    var metEarlier: [String: MetEarlierView] {
        Dictionary(met.map { ($0.id, MetEarlierView(date: $0.date, source: $0.source)) },
                   uniquingKeysWith: { first, _ in first })
    }
}
