/// The managers' side of the team report: the debriefs waiting for a review, per manager and per
/// rep, and how often managers agree with the judge. A debrief waits when no row of its review is
/// answered and it has no grade; it waits for the reviewer it names, if any.
public struct ReviewBacklog: Sendable, Hashable, Codable {
    public struct Manager: Sendable, Hashable, Codable {
        /// "" for the debriefs that name no reviewer.
        public var name: String
        public var reviewed: Int
        public var waiting: Int
        public var answers: Int
        public var disagreements: Int
        /// Answers that agree with the judge, 0 to 100; nil with none.
        public var agreementRate: Int?
    }

    public struct Rep: Sendable, Hashable, Codable {
        public var rep: String
        public var reviewed: Int
        public var waiting: Int
    }

    public var waiting: Int
    public var reviewed: Int
    public var answers: Int
    public var disagreements: Int
    public var agreementRate: Int?
    /// By name, the debriefs naming no reviewer last.
    public var managers: [Manager]
    /// Most waiting first, then by name.
    public var reps: [Rep]
}

extension ReviewBacklog {
    /// Pure, over the index's rows.
    public init(rows: ReviewBacklogRows) {
        var managers: [String: Manager] = [:]
        var reps: [String: Rep] = [:]
        for row in rows.debriefs {
            var manager = managers[row.reviewer] ?? Manager(name: row.reviewer, reviewed: 0, waiting: 0, answers: 0,
                                                            disagreements: 0)
            var rep = reps[row.rep] ?? Rep(rep: row.rep, reviewed: 0, waiting: 0)
            if row.waiting {
                manager.waiting += row.count
                rep.waiting += row.count
            } else {
                manager.reviewed += row.count
                rep.reviewed += row.count
            }
            managers[row.reviewer] = manager
            reps[row.rep] = rep
        }
        for row in rows.answers {
            var manager = managers[row.reviewer] ?? Manager(name: row.reviewer, reviewed: 0, waiting: 0, answers: 0,
                                                            disagreements: 0)
            manager.answers += row.answers
            manager.disagreements += row.disagreements
            manager.agreementRate = NumberText.percent(manager.answers - manager.disagreements, of: manager.answers)
            managers[row.reviewer] = manager
        }
        let answers = rows.answers.reduce(0) { $0 + $1.answers }
        let disagreements = rows.answers.reduce(0) { $0 + $1.disagreements }
        self.init(waiting: reps.values.reduce(0) { $0 + $1.waiting }, reviewed: reps.values.reduce(0) { $0 + $1.reviewed },
                  answers: answers, disagreements: disagreements,
                  agreementRate: answers == 0 ? nil : NumberText.percent(answers - disagreements, of: answers),
                  managers: managers.values.sorted { ($0.name.isEmpty ? 1 : 0, $0.name) < ($1.name.isEmpty ? 1 : 0, $1.name) },
                  reps: reps.values.sorted { (-$0.waiting, $0.rep) < (-$1.waiting, $1.rep) })
    }
}

extension DebriefIndex {
    /// The review backlog of the debriefs `filter` lets through.
    public func reviewBacklog(_ filter: ReportFilter) throws(DiagnosticError) -> ReviewBacklog {
        ReviewBacklog(rows: try reviewBacklogRows(filter))
    }
}
