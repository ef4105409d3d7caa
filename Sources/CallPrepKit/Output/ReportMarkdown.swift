/// The team report as Markdown.
struct ReportMarkdownReporter: Reporter {
    static var identifier: String { "md" }
    let sections: [ReportSection]
    func render(_ report: TeamReport) -> String { ReportMarkdown.render(report, sections: sections) }
}

enum ReportMarkdown {
    public static func render(_ report: TeamReport, sections: [ReportSection] = ReportSection.allCases) -> String {
        func text(_ value: String) -> String { MarkdownEscaping.inline(value) }
        var out = "# Team report\n\n\(ReportText.scope(report)).\n"
        if sections.contains(.rep) {
            out += "\n## Reps\n\n"
            out += "| Rep | Calls | Average score | Trend | Self vs evidence | Self vs manager | Coaching priorities |\n"
            out += "| --- | ---: | ---: | ---: | ---: | ---: | --- |\n"
            for rep in report.reps {
                let priorities = rep.priorities.map { "\(text($0.title)) (`\($0.id)`, missed \($0.missed) of \($0.of))" }
                out += "| \(text(rep.rep.isEmpty ? "unknown" : rep.rep)) | \(rep.calls) | \(rep.averageScore) "
                out += "| \(NumberText.signed(rep.trend)) | \(NumberText.signed(rep.selfGap)) | \(NumberText.signed(rep.managerGap)) "
                out += "| \(priorities.joined(separator: "; ")) |\n"
            }
        }
        if sections.contains(.milestone) {
            out += "\n## Milestones and practices\n\n| Item | Process | Kind | Met | In play | Rate |\n"
            out += "| --- | --- | --- | ---: | ---: | ---: |\n"
            for row in report.milestones {
                out += "| \(text(row.title)) (`\(row.id)`) | \(text(row.process)) | \(row.kind) | \(row.met) "
                out += "| \(row.inPlay) | \(row.rate)% |\n"
            }
        }
        if sections.contains(.stage) {
            out += "\n## Stages\n\nEach opportunity counts at the stage its latest debrief claims.\n\n"
            out += "| Stage | Opportunities | Ahead of evidence | Stalled |\n| --- | ---: | ---: | ---: |\n"
            for row in report.stages {
                out += "| \(text(row.title)) (`\(row.process)`) | \(row.opportunities) | \(row.aheadOfEvidence) | \(row.stalled) |\n"
            }
        }
        return out
    }
}

/// Phrases shared by the report's formats.
enum ReportText {
    /// "120 debriefs, average score 54, from 2026-01-01, rep Dana"
    static func scope(_ report: TeamReport) -> String {
        var parts = ["\(report.debriefs) debrief\(report.debriefs == 1 ? "" : "s")"]
        if let average = report.averageScore { parts.append("average score \(average)") }
        if let since = report.filter.since { parts.append("from \(since)") }
        if let until = report.filter.until { parts.append("until \(until)") }
        if let rep = report.filter.rep { parts.append("rep \(rep)") }
        if let process = report.filter.process { parts.append("process \(process)") }
        return parts.joined(separator: ", ")
    }
}
