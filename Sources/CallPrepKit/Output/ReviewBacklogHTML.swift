/// The review section of the HTML report: the backlog per manager and per rep, and how often
/// managers agree with the judge (`ReviewBacklog`).
struct ReviewBacklogHTMLView {
    struct ManagerRow {
        let name: String
        let reviewed: Int
        let waiting: Int
        let answers: Int
        /// "82%", or "–" without answers.
        let agreement: String
    }

    struct RepRow {
        let name: String
        let waiting: Int
        let reviewed: Int
    }

    let waiting: Int
    let agreement: String
    let managers: [ManagerRow]
    let repsWaiting: [RepRow]

    init(_ backlog: ReviewBacklog) {
        waiting = backlog.waiting
        agreement = Self.rate(backlog.agreementRate)
        managers = backlog.managers.map { manager in
            ManagerRow(name: manager.name.isEmpty ? "no reviewer named" : manager.name, reviewed: manager.reviewed,
                       waiting: manager.waiting, answers: manager.answers, agreement: Self.rate(manager.agreementRate))
        }
        repsWaiting = backlog.reps.map { RepRow(name: $0.rep.isEmpty ? "unknown" : $0.rep, waiting: $0.waiting,
                                                reviewed: $0.reviewed) }
    }

    static func rate(_ value: Int?) -> String { value.map { "\($0)%" } ?? "–" }
}
