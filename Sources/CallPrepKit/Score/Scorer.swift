/// Scores debrief records against their process (DESIGN section 6).
public struct Scorer: Sendable {
    public let process: SalesProcess
    private let milestonesByID: [String: Milestone]
    private let practiceIDs: Set<String>
    /// The checks the process leaves on, those it weighs more first, each with its threshold.
    private let checks: [(check: any ScoringCheck, threshold: Double?)]

    public init(process: SalesProcess) {
        self.process = process
        milestonesByID = Dictionary((process.milestones + process.practices).map { ($0.id, $0) },
                                    uniquingKeysWith: { first, _ in first })
        practiceIDs = Set(process.practices.map(\.id))
        let settings = Dictionary(process.checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let enabled = CheckRegistry.all.filter { settings[$0.description.id]?.enabled ?? true }
        // Checks a process weighs more come first.
        checks = enabled.enumerated().sorted { lhs, rhs in
            let left = settings[lhs.element.description.id]?.weight ?? 1
            let right = settings[rhs.element.description.id]?.weight ?? 1
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map { _, check in (check, settings[check.description.id]?.threshold ?? check.description.threshold?.value) }
    }

    /// The scorecard of `record`, alone: no earlier debrief counts.
    public func score(_ record: DebriefRecord) -> Scorecard {
        score(evaluate(record), history: OpportunityHistory())
    }

    /// The scorecard of an evaluated debrief, given what the earlier debriefs of its opportunity
    /// showed, so that a long history is not evaluated again for every debrief.
    public func score(_ evaluation: Evaluation, history: OpportunityHistory) -> Scorecard {
        let record = evaluation.record
        let metBefore = history.met
        // The parser checked the stage against this process, so the plan exists for parsed records.
        let plan = ItemsInPlay(process: process, stageID: record.meeting.stage, met: metBefore)

        var items: [Scorecard.Item] = []
        var claimedWeight = 0.0
        for milestone in plan?.all ?? [] {
            items.append(evaluation.statuses[milestone.id] ?? status(of: milestone, nil, review: nil, people: []))
            if evaluation.states[milestone.id] == .checked { claimedWeight += milestone.weight }
        }
        let applicable = items.filter { $0.status != .notApplicable }.reduce(0.0) { $0 + $1.weight }
        let met = items.filter { $0.status == .met }.reduce(0.0) { $0 + $1.weight }

        let metOverHistory = metBefore.union(evaluation.met)
        let stage = Scorecard.StageFigures(claimed: record.meeting.stage, evidenced: evidencedStage(metOverHistory))
        let ready = process.stage(record.meeting.stage).map { current in
            current.milestones.filter(\.required).allSatisfy { metOverHistory.contains($0.id) }
        } ?? false
        let score = NumberText.percent(met, of: applicable)
        let context = CheckContext(record: record, process: process, items: items, metOverHistory: metOverHistory,
                                   score: score, stage: stage, threshold: nil)
        return Scorecard(source: record.source, meeting: record.meeting, process: record.process, score: score,
                         claimedScore: NumberText.percent(claimedWeight, of: applicable), selfScore: record.selfAssessment.score,
                         managerScore: record.review.grade, items: items, stage: stage, readyToAdvance: ready,
                         findings: findings(context), history: history.sources)
    }

    /// A debrief's items judged once: the status of each, and the milestones it shows met.
    public struct Evaluation: Sendable {
        public let record: DebriefRecord
        fileprivate let statuses: [String: Scorecard.Item]
        fileprivate let states: [String: DebriefRecord.State]
        /// The milestones this debrief shows met: checked with evidence of the right kind, as the manager sees it.
        public let met: Set<String>

        /// What this debrief adds to its opportunity's history.
        public var historyEntry: OpportunityHistory.Entry {
            var seen: Set<String> = []
            let items = record.items.filter { met.contains($0.id) && seen.insert($0.id).inserted }
            return OpportunityHistory.Entry(source: record.source, met: items.map { ($0.id, $0.evidence) })
        }
    }

    public func evaluate(_ record: DebriefRecord) -> Evaluation {
        let reviews = Dictionary(record.review.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let people = record.people.map(\.name)
        var statuses: [String: Scorecard.Item] = [:]
        var states: [String: DebriefRecord.State] = [:]
        var met: Set<String> = []
        for item in record.items where statuses[item.id] == nil {
            guard let milestone = milestonesByID[item.id] else { continue }
            let status = status(of: milestone, item, review: reviews[item.id], people: people)
            statuses[item.id] = status
            states[item.id] = item.state
            if status.status == .met, !practiceIDs.contains(item.id) { met.insert(item.id) }
        }
        return Evaluation(record: record, statuses: statuses, states: states, met: met)
    }

    private func status(of milestone: Milestone, _ recorded: DebriefRecord.Item?, review: DebriefRecord.ReviewItem?,
                        people: [String]) -> Scorecard.Item {
        var item = Scorecard.Item(id: milestone.id, title: milestone.title,
                                  kind: practiceIDs.contains(milestone.id) ? .practice : .milestone,
                                  status: .missed, weight: milestone.weight, required: milestone.required,
                                  reason: "missing from the debrief", overriddenBy: nil, line: recorded?.line)
        guard let recorded else { return item }
        switch recorded.state {
        case .notApplicable:
            item.status = .notApplicable
            item.reason = recorded.evidence.isEmpty ? "not applicable" : "not applicable: \(recorded.evidence)"
        case .unchecked:
            item.reason = "not checked"
        case .checked:
            if let problem = EvidenceKindCheck.problem(recorded.evidence, kind: milestone.evidence, people: people) {
                item.status = .unsupported
                item.reason = problem
            } else {
                item.status = .met
                item.reason = "checked, with \(milestone.evidence.rawValue) evidence"
            }
        }
        guard let review, review.agree == false else { return item }
        // The manager disagrees with how the rep marked it: the manager's view wins.
        let comment = review.comment.map { ": \($0)" } ?? ""
        switch recorded.state {
        case .checked, .notApplicable:
            item.status = .missed
            item.reason = "the manager disagrees with the rep\(comment)"
        case .unchecked:
            item.status = .met
            item.reason = "the manager says it was reached\(comment)"
        }
        item.overriddenBy = "manager"
        return item
    }

    private func evidencedStage(_ met: Set<String>) -> String? {
        var evidenced: String?
        for stage in process.stages {
            guard stage.milestones.filter(\.required).allSatisfy({ met.contains($0.id) }) else { break }
            evidenced = stage.id
        }
        return evidenced
    }

    private func findings(_ base: CheckContext) -> [Scorecard.Finding] {
        checks.flatMap { check, threshold in
            let context = CheckContext(record: base.record, process: base.process, items: base.items,
                                       metOverHistory: base.metOverHistory, score: base.score, stage: base.stage,
                                       threshold: threshold)
            return check.findings(context)
        }
    }
}
