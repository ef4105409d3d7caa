import Foundation

/// One debrief under a manager's review: its text as read, its record, its scorecard as it stands,
/// and each row of its review table with what the manager is shown.
public struct ReviewSubject: Sendable {
    public struct Item: Sendable {
        public let id: String
        public let title: String
        /// How the rep marked it: checked, unchecked or not applicable (nil when the item is missing).
        public let mark: DebriefRecord.State?
        public let evidence: String
        /// The item's line in the debrief (the row's when the item is missing).
        public let line: Int
        /// The judge's own verdict and reason, whatever the manager answered.
        public let verdict: Scorecard.Status
        public let reason: String
        /// The answer the table holds, said as the manager's view of the judge's verdict.
        public internal(set) var answered: (judgeIsRight: Bool, comment: String)?

        /// The table's answer (whether the manager agrees with how the rep marked the item) for a
        /// manager who says the judge's verdict is right, or wrong. For an item the rep said is not
        /// applicable, agreeing keeps it so, and disagreeing says it applied and was not reached.
        public func agreesWithRep(judgeIsRight: Bool) -> Bool {
            if mark == .notApplicable { return judgeIsRight }
            let judgeMet = verdict == .met
            return (judgeIsRight ? judgeMet : !judgeMet) == (mark == .checked)
        }
    }

    public let path: String
    public let text: String
    public let record: DebriefRecord
    public let card: Scorecard
    public let items: [Item]
    /// How the review's scorecards are made: the deals' histories, and the history before this
    /// debrief in the workspace, found once.
    let deals: DealHistories
    let history: OpportunityHistory

    /// The scorecard `record` (this debrief, as read or as reviewed) gets.
    func scorecard(_ record: DebriefRecord) -> Scorecard? {
        deals.evaluate(record).flatMap { deals.score($0, history: history) }
    }
}

/// A manager's decisions on a debrief, in the judge's terms: whether each verdict is right.
public struct ReviewDecisions: Sendable {
    public var verdicts: [String: (judgeIsRight: Bool, comment: String)] = [:]
    public var grade: Int?
    public var comments: String?
    public var notes: [ReviewAnswers.Note] = []

    public init() {}
}

/// What a review changed: the scorecard before and after, and each item whose status moved.
public struct ReviewOutcome: Sendable {
    public let text: String
    public let before: Scorecard
    public let after: Scorecard
    public var changed: [(id: String, from: Scorecard.Status, to: Scorecard.Status)] {
        after.items.compactMap { item in
            guard let old = before.items.first(where: { $0.id == item.id }), old.status != item.status else { return nil }
            return (item.id, old.status, item.status)
        }
    }
}

extension Workspace {
    /// The debrief at `path` ready for review: parsed, and scored with the deal's history as
    /// `score` scores it; each row of its review table with the judge's own verdict (the debrief
    /// scored without the manager's answers).
    public func reviewSubject(_ path: String, report: (Diagnostic) -> Void, note: (String) -> Void)
        throws(DiagnosticError) -> ReviewSubject {
        let source = try SourceFile.read(path)
        let parser = try parser()
        let parsed = parser.parse(source)
        guard let record = parsed.record, !parsed.hasErrors else { throw DiagnosticError(parsed.diagnostics) }
        parsed.diagnostics.forEach(report)
        let rows = ReviewEdit.rows(in: source.text)
        guard !rows.isEmpty else {
            throw DiagnosticError([Diagnostic(file: path, at: SourceLocation(line: record.review.line ?? 1, column: 1),
                                              WorkspaceProblem.noReviewTable)])
        }
        let deals = dealHistories(calls: callFacts())
        let background = try workspaceHistory(for: [record], excluding: [path], deals: deals, parser: parser,
                                              report: report, note: note)
        let history = DealKey(record).flatMap { background[$0] }
            .map { deals.history(before: record, known: $0, given: OpportunityHistory()) } ?? OpportunityHistory()
        var unanswered = record
        unanswered.review.items = record.review.items.map { var row = $0; row.agree = nil; return row }
        func score(_ record: DebriefRecord) -> Scorecard? { deals.evaluate(record).flatMap { deals.score($0, history: history) } }
        guard let card = score(record), let judged = score(unanswered) else {
            throw DiagnosticError([Diagnostic(file: path, WorkspaceProblem.noProcess(record.process.id))])
        }
        let answers = Dictionary(record.review.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let items = rows.map { row -> ReviewSubject.Item in
            let judge = judged.items.first { $0.id == row.id }
            let recorded = record.items.first { $0.id == row.id }
            let verdict = judge?.status ?? .missed
            var item = ReviewSubject.Item(id: row.id, title: judge?.title ?? row.id, mark: recorded?.state,
                                          evidence: recorded?.evidence ?? "", line: recorded?.line ?? row.line,
                                          verdict: verdict, reason: judge?.reason ?? "not in the process", answered: nil)
            if let answer = answers[row.id], let agree = answer.agree {
                // Said back in the judge's terms: the table says whether the manager agrees with the rep.
                item.answered = (item.agreesWithRep(judgeIsRight: true) == agree, answer.comment ?? "")
            }
            return item
        }
        return ReviewSubject(path: path, text: source.text, record: record, card: card, items: items, deals: deals,
                             history: history)
    }

    /// `subject`'s text with `decisions` written in (signed by `reviewer`), and the scorecard it
    /// then gets. Nothing is written to disk.
    public func review(_ subject: ReviewSubject, decisions: ReviewDecisions, reviewer: String?) throws(DiagnosticError)
        -> ReviewOutcome {
        var answers = ReviewAnswers()
        for item in subject.items {
            guard let decision = decisions.verdicts[item.id] else { continue }
            answers.rows[item.id] = .init(agreesWithRep: item.agreesWithRep(judgeIsRight: decision.judgeIsRight),
                                          comment: decision.comment)
        }
        answers.grade = decisions.grade
        answers.comments = decisions.comments
        answers.notes = decisions.notes
        if let reviewer, !answers.isEmpty, (subject.record.review.reviewer ?? "").isEmpty { answers.reviewer = reviewer }
        let text: String
        do {
            text = try ReviewEdit.apply(answers, to: subject.text, signature: reviewer)
        } catch {
            throw DiagnosticError([Diagnostic(file: subject.path, error)])
        }
        let parsed = try parser().parse(SourceFile(path: subject.path, text: text))
        guard let record = parsed.record, let after = subject.scorecard(record) else { throw DiagnosticError(parsed.diagnostics) }
        return ReviewOutcome(text: text, before: subject.card, after: after)
    }

    /// A scorecard as `callprep score` shows it on a terminal.
    public func scorecardText(_ card: Scorecard, color: Bool) -> String {
        let catalog = catalog
        var reporter = ScorecardFormat.text.reporter(process: { catalog.process(id: $0.process.id) }, color: color)
        return reporter.document(card)
    }

    /// Writes a reviewed debrief in place, atomically, unless the file changed on disk since the
    /// review read it: then nothing is written, and the error says so.
    public func save(_ outcome: ReviewOutcome, of subject: ReviewSubject) throws(DiagnosticError) {
        let now = try? SourceFile.read(subject.path)
        guard now?.text == subject.text else {
            throw DiagnosticError([Diagnostic(file: subject.path, WorkspaceProblem.changedDuringReview)])
        }
        try OutputFile.write(outcome.text, to: subject.path, force: true)
    }
}
