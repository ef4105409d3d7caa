/// What the summary after several text or Markdown scorecards needs of each, kept as they are
/// written (the scorecards themselves are not).
struct ScorecardSummary: Sendable {
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
