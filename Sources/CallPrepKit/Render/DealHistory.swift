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

    /// A step of the deal still open before this call, followed across its debriefs.
    struct NextStep {
        /// The action, with its `#id` when the rep gave it one, so that the form carries it.
        let action: String
        let owner: String?
        /// The due date shown: the date, with the rep's words beside it where they differ.
        let due: String?
        /// The due date the form carries: the date, else the rep's words.
        let formDue: String?
        /// Due before the meeting's date.
        let overdue: Bool
        /// The date of the debrief that made it, and its days open before this meeting.
        let madeOn: String
        let age: Int
        /// Open through two later calls with no owner on the customer's side.
        let stalled: Bool
        /// `file:line` of the row that made it.
        let source: String
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
    /// The latest earlier debrief of the deal.
    let lastDebrief: String?
    /// The deal's steps still open, oldest first.
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
