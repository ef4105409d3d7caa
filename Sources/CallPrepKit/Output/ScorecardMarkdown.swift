/// Scorecards as Markdown, to paste into a CRM note, an issue or a coaching document; several
/// end with a summary table.
struct ScorecardMarkdownReporter: Reporter {
    static var identifier: String { "md" }
    let process: @Sendable (Scorecard) -> SalesProcess?
    private var summary = ScorecardSummary()

    init(process: @escaping @Sendable (Scorecard) -> SalesProcess?) {
        self.process = process
    }

    func render(_ card: Scorecard) -> String {
        ScorecardMarkdown.card(card, process: process(card))
    }

    mutating func add(_ card: Scorecard, rendered: String) -> String {
        summary.add(card) + rendered
    }

    var end: String { summary.end(ScorecardMarkdown.summary) }
}

enum ScorecardMarkdown {
    static func card(_ card: Scorecard, process: SalesProcess?) -> String {
        func text(_ value: String) -> String { MarkdownEscaping.inline(value) }
        func stageTitle(_ id: String?) -> String { process?.stageTitle(id) ?? id ?? "none yet" }
        let meeting = card.meeting
        var out = "## Scorecard: \(text([meeting.account, meeting.date].compactMap { $0 }.joined(separator: ", ")))\n\n"
        out += "Rep \(text(meeting.rep ?? "unknown")) · `\(card.source.replacingOccurrences(of: "`", with: "'"))`"
        out += " · process \(text(card.process.id)) \(text(card.process.version))\n\n"
        out += "| Evidence score | Claimed by the rep | Self-assessment | Manager's grade |\n| ---: | ---: | ---: | ---: |\n"
        out += "| **\(card.score)** | \(card.claimedScore) | \(card.selfScore.map(String.init) ?? "–") "
        out += "| \(card.managerScore.map(String.init) ?? "–") |\n\n"
        out += "Stage: claimed **\(text(stageTitle(card.stage.claimed)))**, evidenced "
        out += "**\(text(stageTitle(card.stage.evidenced)))**; \(card.readyToAdvance ? "ready" : "not ready") to advance.\n\n"
        if let plan = card.plan {
            out += "Plan: \(text(plan.objective ?? "no objective written"))\n\n| Result | Planned |\n| --- | --- |\n"
            for result in PlanResult.lines(plan) { out += "| \(result.verdict) | \(text(result.what)) |\n" }
            out += "\n"
        }
        out += "| Status | Item | Weight | Why |\n| --- | --- | ---: | --- |\n"
        for item in card.items {
            let override = item.overriddenBy.map { " (overridden by the \($0))" } ?? ""
            out += "| \(item.status.rawValue) | \(text(item.title)) (`\(item.id)`) "
            out += "| \(NumberText.plain(item.weight)) | \(text(item.reason + override)) |\n"
        }
        out += "\n"
        if card.findings.isEmpty {
            out += "No findings.\n"
        } else {
            out += "### Findings\n\n"
            for finding in card.findings {
                let line = finding.line.map { " (line \($0))" } ?? ""
                out += "- **\(finding.check)**\(line): \(text(finding.message))\n"
            }
        }
        return out
    }

    static func summary(_ cards: [ScorecardSummary.Line]) -> String {
        var out = "## Summary\n\n| Debrief | Score | Claimed | Self | Manager | Findings |\n"
        out += "| --- | ---: | ---: | ---: | ---: | ---: |\n"
        for card in cards {
            out += "| \(MarkdownEscaping.inline(card.source)) | \(card.score) | \(card.claimedScore) "
            out += "| \(card.selfScore.map(String.init) ?? "–") | \(card.managerScore.map(String.init) ?? "–") "
            out += "| \(card.findings) |\n"
        }
        let average = NumberText.flooredAverage(cards.map(\.score))
        return out + "\nAverage score: \(average) over \(cards.count) debriefs.\n"
    }
}
