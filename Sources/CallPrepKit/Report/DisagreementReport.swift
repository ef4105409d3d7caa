/// Where managers' reviews disagree with the judge, per item and evidence rule: what the process
/// file should be tuned on (`callprep report --disagreements`).
public struct DisagreementReport: Sendable, Hashable, Codable {
    public static let formatVersion = "callprep.disagreements/1"

    /// One disagreement, to read: where it is, what the evidence said and what decided it.
    public struct Example: Sendable, Hashable, Codable {
        public var direction: ReviewDirection
        public var source: String
        public var line: Int?
        public var date: String
        public var reviewer: String?
        public var evidence: String
        /// The facts that decided the judge's verdict (`Scorecard.ItemFacts.summary`); nil for an
        /// item the rep did not tick.
        public var facts: String?
        public var comment: String?
    }

    /// The answers about one item under one evidence rule.
    public struct ItemRule: Sendable, Hashable, Codable {
        public var process: String
        public var item: String
        public var title: String
        public var kind: String
        /// The rule applied, as the process file writes it.
        public var rule: String
        public var answers: Int
        public var agreed: Int
        public var judgeMetManagerNo: Int
        public var judgeNotMetManagerYes: Int
        public var notApplicableManagerNo: Int
        /// The sum of the items' weights over the disagreements: what ranks the rows.
        public var weight: Double
        /// What to look at in the process file, one sentence per direction, from the facts.
        public var lookAt: [String]
        /// At most three of each direction, newest first.
        public var examples: [Example]

        public var disagreements: Int { judgeMetManagerNo + judgeNotMetManagerYes + notApplicableManagerNo }
    }

    public var format = DisagreementReport.formatVersion
    public var filter: ReportFilter
    /// Debriefs with at least one answered row.
    public var debriefs: Int
    public var answers: Int
    public var disagreements: Int
    /// Answers that agree with the judge, as a share of all answers, 0 to 100; nil with none.
    public var agreementRate: Int?
    /// Most weight turned round first.
    public var items: [ItemRule]

    static let examplesPerDirection = 3
}

extension DisagreementReport {
    /// The report added up from the index's answered rows: pure, the same over any store.
    public init(answers: [ReviewAnswer], filter: ReportFilter, process: ProcessLookup) {
        func milestone(_ processID: String, _ id: String) -> Milestone? {
            process(processID).flatMap { found in (found.milestones + found.practices).first { $0.id == id } }
        }
        var groups: [[String]: [ReviewAnswer]] = [:]
        var order: [[String]] = []
        for answer in answers {
            let rule = answer.facts?.rule ?? milestone(answer.process, answer.item)?.rule.description ?? ""
            let key = [answer.process, answer.item, rule]
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(answer)
        }
        let items = order.map { key -> ItemRule in
            let answered = groups[key] ?? []
            func count(_ direction: ReviewDirection) -> Int { answered.filter { $0.direction == direction }.count }
            let turned = answered.filter { $0.direction != nil }
            var examples: [Example] = []
            for direction in ReviewDirection.allCases {
                examples += answered.filter { $0.direction == direction }.prefix(Self.examplesPerDirection).map { answer in
                    Example(direction: direction, source: answer.path, line: answer.line, date: answer.date,
                            reviewer: answer.reviewer, evidence: answer.evidence, facts: answer.facts?.summary,
                            comment: answer.comment)
                }
            }
            return ItemRule(process: key[0], item: key[1], title: milestone(key[0], key[1])?.title ?? key[1],
                            kind: answered.first?.kind ?? "", rule: key[2], answers: answered.count,
                            agreed: answered.count - turned.count, judgeMetManagerNo: count(.judgeMetManagerNo),
                            judgeNotMetManagerYes: count(.judgeNotMetManagerYes),
                            notApplicableManagerNo: count(.notApplicableManagerNo),
                            weight: turned.reduce(0) { $0 + $1.weight },
                            lookAt: ReviewDirection.allCases.compactMap {
                                DisagreementWords.sentence(item: key[1], rule: key[2], direction: $0, answers: answered)
                            },
                            examples: examples)
        }.sorted { lhs, rhs in
            (-lhs.weight, -lhs.disagreements, lhs.process, lhs.item, lhs.rule)
                < (-rhs.weight, -rhs.disagreements, rhs.process, rhs.item, rhs.rule)
        }
        let disagreements = answers.filter { $0.direction != nil }.count
        self.init(filter: filter, debriefs: Set(answers.map(\.path)).count, answers: answers.count,
                  disagreements: disagreements,
                  agreementRate: answers.isEmpty ? nil : NumberText.percent(answers.count - disagreements, of: answers.count),
                  items: items)
    }
}

extension DebriefIndex {
    /// The disagreements between managers and the judge in the debriefs `filter` lets through.
    public func disagreementReport(_ filter: ReportFilter, process: ProcessLookup) throws(DiagnosticError) -> DisagreementReport {
        DisagreementReport(answers: try reviewAnswers(filter), filter: filter, process: process)
    }
}
