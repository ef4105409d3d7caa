/// Scores debrief records against their process (DESIGN section 6).
public struct Scorer: Sendable {
    public let process: SalesProcess
    private let milestonesByID: [String: Milestone]
    private let practiceIDs: Set<String>

    public init(process: SalesProcess) {
        self.process = process
        milestonesByID = Dictionary((process.milestones + process.practices).map { ($0.id, $0) },
                                    uniquingKeysWith: { first, _ in first })
        practiceIDs = Set(process.practices.map(\.id))
    }

    /// The scorecard of `record`; `history` holds earlier debriefs of the same opportunity, whose
    /// met milestones count. `metBefore`, when the caller has it, is those milestones already
    /// computed, so that a long history is not scored again for every debrief.
    public func score(_ record: DebriefRecord, history: [DebriefRecord] = [], metBefore known: Set<String>? = nil)
        -> Scorecard {
        let metBefore = known ?? history.reduce(into: Set<String>()) { $0.formUnion(metMilestones($1)) }
        // The parser checked the stage against this process, so the plan exists for parsed records.
        let plan = ItemsInPlay(process: process, stageID: record.meeting.stage, met: metBefore)
        let recorded = Dictionary(record.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let reviews = Dictionary(record.review.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let people = record.people.map(\.name)

        var items: [Scorecard.Item] = []
        var claimedWeight = 0.0
        for milestone in plan?.all ?? [] {
            let item = status(of: milestone, recorded[milestone.id], review: reviews[milestone.id], people: people)
            items.append(item)
            if recorded[milestone.id]?.state == .checked { claimedWeight += milestone.weight }
        }
        let applicable = items.filter { $0.status != .notApplicable }.reduce(0.0) { $0 + $1.weight }
        let met = items.filter { $0.status == .met }.reduce(0.0) { $0 + $1.weight }

        let metOverHistory = metBefore.union(metMilestones(record))
        let stage = Scorecard.StageFigures(claimed: record.meeting.stage, evidenced: evidencedStage(metOverHistory))
        let ready = process.stage(record.meeting.stage).map { current in
            current.milestones.filter(\.required).allSatisfy { metOverHistory.contains($0.id) }
        } ?? false
        let score = percent(met, of: applicable)
        let context = CheckContext(record: record, process: process, items: items, metOverHistory: metOverHistory,
                                   score: score, stage: stage, threshold: nil)
        return Scorecard(source: record.source, meeting: record.meeting, process: record.process, score: score,
                         claimedScore: percent(claimedWeight, of: applicable), selfScore: record.selfAssessment.score,
                         managerScore: record.review.grade, items: items, stage: stage, readyToAdvance: ready,
                         findings: findings(context), history: history.map(\.source))
    }

    /// The milestones a debrief shows met: checked with evidence of the right kind, as the manager sees it.
    public func metMilestones(_ record: DebriefRecord) -> Set<String> {
        let reviews = Dictionary(record.review.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let people = record.people.map(\.name)
        var met: Set<String> = []
        for item in record.items {
            guard let milestone = milestonesByID[item.id], !practiceIDs.contains(item.id) else { continue }
            if status(of: milestone, item, review: reviews[item.id], people: people).status == .met { met.insert(item.id) }
        }
        return met
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
        let settings = Dictionary(process.checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let enabled = CheckRegistry.all.filter { settings[$0.description.id]?.enabled ?? true }
        // Checks a process weighs more come first.
        let ordered = enabled.enumerated().sorted { lhs, rhs in
            let left = settings[lhs.element.description.id]?.weight ?? 1
            let right = settings[rhs.element.description.id]?.weight ?? 1
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
        return ordered.flatMap { check in
            let setting = settings[check.description.id]
            let context = CheckContext(record: base.record, process: base.process, items: base.items,
                                       metOverHistory: base.metOverHistory, score: base.score, stage: base.stage,
                                       threshold: setting?.threshold ?? check.description.threshold?.value)
            return check.findings(context)
        }
    }

    private func percent(_ part: Double, of whole: Double) -> Int {
        whole > 0 ? Int((part / whole * 100).rounded()) : 0
    }
}
