/// What the summary after several text or Markdown scorecards needs of each, kept as they are
/// written (the scorecards themselves are not).
struct ScorecardSummary: Sendable {
    /// The earlier debriefs a scorecard counted, in a line: "1 (a.md, 2026-11-19)", or
    /// "3, from a.md (2026-10-01) to c.md (2026-11-19)".
    static func history(_ history: Scorecard.History) -> String {
        func name(_ debrief: OpportunityHistory.Debrief) -> String { "\(debrief.source) (\(debrief.date))" }
        return history.count == 1 ? "1, \(name(history.first))"
            : "\(history.count), from \(name(history.first)) to \(name(history.latest))"
    }

    struct Line: Sendable {
        let source: String
        let score: Int
        let claimedScore: Int
        let selfScore: Int?
        let managerScore: Int?
        let findings: Int
    }

    private(set) var lines: [Line] = []

    /// Notes `card`; returns what separates it from the scorecard before (nothing for the first).
    mutating func add(_ card: Scorecard) -> String {
        lines.append(Line(source: card.source, score: card.score, claimedScore: card.claimedScore,
                          selfScore: card.selfScore, managerScore: card.managerScore, findings: card.findings.count))
        return lines.count == 1 ? "" : "\n"
    }

    /// The summary after the last scorecard, made by `render`, when there was more than one.
    func end(_ render: ([Line]) -> String) -> String {
        lines.count > 1 ? "\n" + render(lines) : ""
    }
}
