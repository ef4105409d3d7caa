/// Scores debrief records against their process (DESIGN section 6).
public struct Scorer: Sendable {
    public let process: SalesProcess
    /// Every milestone and practice, and where each id is: looked up by index, as copying whole
    /// milestones (their rules' arrays) for every item of every debrief was measurable.
    private let allItems: [Milestone]
    private let indexByID: [String: Int]
    /// The milestone ids of each stage, in order, and the required ones.
    private let stageItemIDs: [[String]]
    private let requiredIDsByStage: [[String]]
    private let practiceIDs: Set<String>
    /// The items whose evidence is preparation: a brief written for the call meets them.
    private let preparationIndices: [Int]
    /// The checks the process leaves on, those it weighs more first, each with its threshold.
    private let checks: [(check: any ScoringCheck, threshold: Double?)]
    /// The process's word lists, made ready for matching once.
    private let words: CompiledWordLists
    /// Each item's rule as the process file writes it, spelled once: every judged item shows it.
    private let ruleTexts: [String: String]
    private let facts: ProcessFacts
    /// Reads evidence into facts, with the process's stemmer and date order.
    private let reader: EvidenceReader

    public init(process: SalesProcess) {
        self.process = process
        allItems = process.milestones + process.practices
        indexByID = Dictionary(allItems.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        stageItemIDs = process.stages.map { $0.milestones.map(\.id) }
        requiredIDsByStage = process.stages.map { $0.milestones.filter(\.required).map(\.id) }
        practiceIDs = Set(process.practices.map(\.id))
        let all = allItems
        preparationIndices = all.indices.filter { all[$0].rule.asks(.preparation) }
        reader = EvidenceReader.of(process)
        words = CompiledWordLists(process.words, reader: reader)
        facts = ProcessFacts(process)
        ruleTexts = Dictionary(allItems.map { ($0.id, $0.rule.description) }, uniquingKeysWith: { first, _ in first })
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

    /// A debrief's items judged once, against what is known of its people: the status of each,
    /// and the milestones it shows met.
    public struct Evaluation: Sendable {
        public let record: DebriefRecord
        public let people: PeoplePicture
        /// What the workspace knew of the call when it was judged.
        let call: CallFacts
        fileprivate let statuses: [String: Scorecard.Item]
        fileprivate let states: [String: DebriefRecord.State]
        /// The milestones this debrief shows met: checked with evidence its rule accepts, as the
        /// manager sees it, with what they require met in this debrief.
        public let met: Set<String>

        /// What this debrief adds to its opportunity's history.
        public var historyEntry: OpportunityHistory.Entry {
            var seen: Set<String> = []
            let items = record.items.filter { met.contains($0.id) && seen.insert($0.id).inserted }
            return OpportunityHistory.Entry(
                debrief: .init(source: record.source, date: record.meeting.date), met: items.map { ($0.id, $0.evidence) },
                people: record.people.filter { !$0.name.isEmpty }.map {
                    PeoplePicture.Person(name: $0.name, role: $0.role.flatMap(BuyingRole.init(loose:)), tookPart: true)
                })
        }
    }

    /// `call` is what the workspace knows of the call (the meeting file's attendees, a brief
    /// written for it); `earlier`, the people met in earlier debriefs of the opportunity
    /// (`OpportunityHistory.people`).
    public func evaluate(_ record: DebriefRecord, call: CallFacts = CallFacts(),
                         earlier: [PeoplePicture.Person] = []) -> Evaluation {
        let people = PeoplePicture(record: record, attendees: call.attendees, notes: call.notes, earlier: earlier)
        let judge = EvidenceJudge(words: words, reader: reader, people: people.evidencePeople, prepMinutes: process.prepMinutes)
        let reviews = Dictionary(record.review.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var statuses: [String: Scorecard.Item] = [:]
        var states: [String: DebriefRecord.State] = [:]
        judge.prepare(record.items.filter { $0.state == .checked && indexByID[$0.id] != nil }.map(\.evidence))
        for item in record.items where statuses[item.id] == nil {
            guard let index = indexByID[item.id] else { continue }
            statuses[item.id] = status(of: allItems[index], item, review: reviews[item.id], judge: judge)
            states[item.id] = item.state
        }
        if let written = call.briefWritten, written <= record.meeting.date {
            // A brief written for the call is its preparation, shown by the file: ticked or not.
            for index in preparationIndices where statuses[allItems[index].id].map({ $0.status != .met
                && $0.status != .notApplicable && $0.overriddenBy == nil }) ?? true {
                var item = statuses[allItems[index].id] ?? status(of: allItems[index], nil, review: nil, judge: nil)
                item.status = .met
                item.reason = "a brief for this meeting was written on \(written)"
                statuses[item.id] = item
            }
        }
        let shown = Set(statuses.values.filter { $0.status == .met }.map(\.id))
        let met = shown.filter { id in
            !practiceIDs.contains(id) && (indexByID[id].map { allItems[$0].requires } ?? []).allSatisfy(shown.contains)
        }
        return Evaluation(record: record, people: people, call: call, statuses: statuses, states: states,
                          met: met)
    }

    /// The scorecard of an evaluated debrief, given what the earlier debriefs of its opportunity
    /// showed, so that a long history is not evaluated again for every debrief.
    public func score(_ evaluation: Evaluation, history: OpportunityHistory) -> Scorecard {
        // People met on earlier calls of the deal count too: judged again only when the history
        // knows someone this debrief does not.
        var evaluation = evaluation
        if !evaluation.people.knows(history.people) {
            evaluation = evaluate(evaluation.record, call: evaluation.call, earlier: history.people)
        }
        let record = evaluation.record
        let metBefore = history.met
        let metOverHistory = metBefore.union(evaluation.met)

        var items: [Scorecard.Item] = []
        var claimedWeight = 0.0
        for index in inPlay(stage: record.meeting.stage, met: metBefore) {
            let id = allItems[index].id
            var item = evaluation.statuses[id] ?? status(of: allItems[index], nil, review: nil, judge: nil)
            if evaluation.statuses[id] == nil, let shown = record.metEarlier?.first(where: { $0.id == id }) {
                // The form was made from a history this score does not count (`--no-history`, or
                // a debrief since changed): the line is the form's, not the rep's claim.
                item.reason = "the form shows it met in an earlier debrief, but no earlier debrief counted here met it"
                item.line = shown.line
            }
            let missing = allItems[index].requires.filter { !metOverHistory.contains($0) }
            if item.status == .met, !missing.isEmpty {
                item.status = .unsupported
                item.reason = "needs " + missing.map { "\(indexByID[$0].map { allItems[$0].title } ?? $0) (`\($0)`)" }
                    .joined(separator: " and ") + " met first, in this or an earlier debrief"
            }
            items.append(item)
            if evaluation.states[id] == .checked { claimedWeight += allItems[index].weight }
        }

        let stage = Scorecard.StageFigures(claimed: record.meeting.stage, evidenced: evidencedStage(metOverHistory))
        // Ready when every required milestone of this stage and of every earlier one is met.
        let ready = process.stageIndex(record.meeting.stage).map { current in
            requiredIDsByStage[...current].allSatisfy { $0.allSatisfy(metOverHistory.contains) }
        } ?? false
        // Findings about an item decide it first (no finding contradicts a met item), then the rest
        // see the items and the score as they end up; all are listed in the checks' order.
        var findings: [(order: Int, finding: Scorecard.Finding)] = []
        let itemContext = context(evaluation, items: items, metOverHistory: metOverHistory, stage: stage)
        for (order, entry) in checks.enumerated() where entry.check.description.item != nil {
            itemContext.threshold = entry.threshold
            for finding in entry.check.findings(itemContext) {
                findings.append((order, finding))
                // Met: the claim is not borne out (unsupported); marked not applicable: the finding
                // shows it applied, and it was missed.
                if let index = items.firstIndex(where: { $0.id == entry.check.description.item }),
                   items[index].status == .met || items[index].status == .notApplicable {
                    items[index].status = items[index].status == .met ? .unsupported : .missed
                    items[index].reason = "\(finding.check): \(finding.message)"
                }
            }
        }
        let applicable = items.filter { $0.status != .notApplicable }.reduce(0.0) { $0 + $1.weight }
        let met = items.filter { $0.status == .met }.reduce(0.0) { $0 + $1.weight }
        let score = NumberText.percent(met, of: applicable)
        let restContext = context(evaluation, items: items, metOverHistory: metOverHistory, stage: stage, score: score)
        for (order, entry) in checks.enumerated() where entry.check.description.item == nil {
            restContext.threshold = entry.threshold
            findings += entry.check.findings(restContext).map { (order, $0) }
        }
        return Scorecard(source: record.source, meeting: record.meeting, process: record.process, score: score,
                         claimedScore: NumberText.percent(claimedWeight, of: applicable),
                         selfScore: record.selfAssessment.score, managerScore: record.review.grade,
                         items: withMetEarlier(items, evaluation, history: history),
                         stage: stage, readyToAdvance: ready,
                         findings: findings.sorted { $0.order < $1.order }.map(\.finding), history: Scorecard.History(history),
                         plan: record.plan)
    }

    /// Where in `allItems` the items in play are, in form order (as `ItemsInPlay.all`): this stage's
    /// and earlier stages' milestones not yet met, the practices. None for an unknown stage, which
    /// the parser refuses.
    private func inPlay(stage stageID: String, met: Set<String>) -> [Int] {
        guard let stage = process.stageIndex(stageID) else { return [] }
        let ids = (stageItemIDs[stage] + stageItemIDs[..<stage].joined()).filter { !met.contains($0) }
        return ids.compactMap { indexByID[$0] } + (allItems.count - process.practices.count..<allItems.count)
    }

    /// The scored items with the milestones of the call's stage that the deal's history met put
    /// back in the stage's order, each `met` with the debrief that met it: met for the stage,
    /// whether this debrief ticks them, leaves them open or shows them met earlier (the form's
    /// `metEarlier`), and outside the score, the claim and the checks, which are about the items in
    /// play.
    private func withMetEarlier(_ items: [Scorecard.Item], _ evaluation: Evaluation,
                                history: OpportunityHistory) -> [Scorecard.Item] {
        guard let stage = process.stageIndex(evaluation.record.meeting.stage),
              stageItemIDs[stage].contains(where: history.met.contains) else { return items }
        let firstMet = Dictionary(history.firstMet.map { ($0.id, $0.debrief) }, uniquingKeysWith: { first, _ in first })
        let scored = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let lines = Dictionary((evaluation.record.metEarlier ?? []).map { ($0.id, $0.line) },
                               uniquingKeysWith: { first, _ in first })
        let stageItems = stageItemIDs[stage].compactMap { id -> Scorecard.Item? in
            guard let debrief = firstMet[id], let index = indexByID[id] else { return scored[id] }
            var item = status(of: allItems[index], nil, review: nil, judge: nil)
            item.status = .met
            item.reason = "met on \(debrief.date) in \(debrief.source)"
            item.line = evaluation.statuses[id]?.line ?? lines[id]
            item.earlier = debrief
            return item
        }
        let stageIDs = Set(stageItemIDs[stage])
        return stageItems + items.filter { !stageIDs.contains($0.id) }
    }

    private func context(_ evaluation: Evaluation, items: [Scorecard.Item], metOverHistory: Set<String>,
                         stage: Scorecard.StageFigures, score: Int = 0) -> CheckContext {
        CheckContext(record: evaluation.record, process: process, items: items, metOverHistory: metOverHistory,
                     people: evaluation.people, words: words, facts: facts, reader: reader, score: score, stage: stage)
    }

    private func status(of milestone: Milestone, _ recorded: DebriefRecord.Item?, review: DebriefRecord.ReviewItem?,
                        judge: EvidenceJudge?) -> Scorecard.Item {
        var item = Scorecard.Item(id: milestone.id, title: milestone.title,
                                  kind: practiceIDs.contains(milestone.id) ? .practice : .milestone,
                                  status: .missed, weight: milestone.weight, required: milestone.required,
                                  reason: "missing from the debrief", overriddenBy: nil, line: recorded?.line)
        guard let recorded, let judge else { return item }
        switch recorded.state {
        case .notApplicable:
            item.status = .notApplicable
            item.reason = recorded.evidence.isEmpty ? "not applicable" : "not applicable: \(recorded.evidence)"
        case .unchecked:
            item.reason = "not checked"
        case .checked:
            let verdict = judge.judge(recorded.evidence, rule: milestone.rule)
            let rule = ruleTexts[milestone.id] ?? milestone.rule.description
            item.facts = verdict.facts.map { Scorecard.ItemFacts($0, rule: rule) }
            if let problem = verdict.problem {
                item.status = .unsupported
                item.reason = problem
            } else {
                item.status = .met
                // Why it is met: what met each requirement, or (no fact to show) the rule it meets.
                item.reason = verdict.decided.isEmpty
                    ? "checked, with evidence of \(rule)" : verdict.decided.joined(separator: "; ") + " (rule: \(rule))"
            }
        }
        guard let review, let agree = review.agree else { return item }
        // The manager's view of how the rep marked it wins: a "no" turns the mark round, and a "yes"
        // to a checked item accepts its evidence where the judge did not.
        let comment = review.comment.map { ": \($0)" } ?? ""
        let judged = item.status
        switch (recorded.state, agree) {
        case (.checked, false), (.notApplicable, false):
            item.status = .missed
            item.reason = "the manager disagrees with the rep\(comment)"
        case (.unchecked, false):
            item.status = .met
            item.reason = "the manager says it was reached\(comment)"
        case (.checked, true) where judged == .unsupported:
            item.status = .met
            item.reason = "the manager accepts the evidence\(comment)"
        default:
            return item
        }
        item.overriddenBy = "manager"
        item.judged = judged
        return item
    }

    private func evidencedStage(_ met: Set<String>) -> String? {
        let reached = requiredIDsByStage.prefix { $0.allSatisfy(met.contains) }.count
        return reached == 0 ? nil : process.stages[reached - 1].id
    }
}
