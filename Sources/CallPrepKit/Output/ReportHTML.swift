/// The team report as one self-contained HTML page, from the template `report.html.mustache`
/// (a workspace's `templates/` overrides it): inline CSS and SVG charts, no scripts, no network.
struct ReportHTMLReporter: Reporter {
    static var identifier: String { "html" }
    let sections: [ReportSection]
    let templates: TemplateSet

    func render(_ report: TeamReport) -> String {
        templates.render(TemplateSet.reportName, ReportHTMLView(report, sections: sections))
    }
}

/// Everything `report.html.mustache` can use; docs/templates.md lists each name. Numbers for the
/// charts are worked out here, so the template only places them.
struct ReportHTMLView {
    struct Tile {
        let value: String
        let label: String
    }

    struct RepBar {
        let name: String
        let score: Int
        let y: Int
        let textY: Int
        let barY: Int
        let width: Int
        let color: String
        /// Where the reps' own score of their calls falls; nil without self-assessments.
        let ownScoreX: Int?
        let tickEndY: Int
    }

    struct Priority {
        let id: String
        let title: String
        let missed: Int
        let of: Int
    }

    struct RepRow {
        let name: String
        let calls: Int
        let average: Int
        /// The trend when it is up, or down (as a positive number); both nil when flat.
        let up: Int?
        let down: Int?
        let selfGap: String
        let managerGap: String
        let priorities: [Priority]
    }

    struct Reps {
        let chartHeight: Int
        let axisY: Int
        let bars: [RepBar]
        let rows: [RepRow]
    }

    struct MilestoneBar {
        let title: String
        let rate: Int
        let textY: Int
        let barY: Int
        let width: Int
        let color: String
    }

    struct MilestoneRow {
        /// A process's heading row, when the report covers several.
        let heading: String?
        let headingY: Int
        let item: MilestoneBar?
    }

    struct Milestones {
        let chartHeight: Int
        let rows: [MilestoneRow]
    }

    struct Stages {
        let rows: [TeamReport.StageRow]
    }

    let scope: String
    let tiles: [Tile]
    let reps: Reps?
    let milestones: Milestones?
    let stages: Stages?
    let debriefs: Int

    init(_ report: TeamReport, sections: [ReportSection]) {
        scope = ReportText.scope(report)
        let opportunities = report.stages.reduce(0) { $0 + $1.opportunities }
        let ahead = report.stages.reduce(0) { $0 + $1.aheadOfEvidence }
        tiles = [
            Tile(value: "\(report.debriefs)", label: "debriefs"),
            Tile(value: report.averageScore.map(String.init) ?? "–", label: "average score"),
            Tile(value: "\(report.reps.count)", label: "reps"), Tile(value: "\(opportunities)", label: "opportunities"),
            Tile(value: "\(ahead)", label: "ahead of their evidence"),
        ]
        reps = sections.contains(.rep) ? Self.reps(report) : nil
        milestones = sections.contains(.milestone) ? Self.milestones(report) : nil
        stages = sections.contains(.stage) ? Stages(rows: report.stages) : nil
        debriefs = report.debriefs
    }

    private static func reps(_ report: TeamReport) -> Reps {
        let rowHeight = 30
        let height = report.reps.count * rowHeight + 30
        let bars = report.reps.enumerated().map { index, rep in
            let y = index * rowHeight + 4
            return RepBar(name: rep.rep.isEmpty ? "unknown" : rep.rep, score: rep.averageScore, y: y, textY: y + 17,
                          barY: y + 4, width: rep.averageScore * 5, color: color(rep.averageScore),
                          ownScoreX: rep.selfGap.map { max(0, min(100, rep.averageScore + $0)) * 5 + 160 },
                          tickEndY: y + 26)
        }
        let rows = report.reps.map { rep in
            RepRow(name: rep.rep.isEmpty ? "unknown" : rep.rep, calls: rep.calls, average: rep.averageScore,
                   up: rep.trend > 0 ? rep.trend : nil, down: rep.trend < 0 ? -rep.trend : nil,
                   selfGap: NumberText.signed(rep.selfGap), managerGap: NumberText.signed(rep.managerGap),
                   priorities: rep.priorities.map { Priority(id: $0.id, title: $0.title, missed: $0.missed, of: $0.of) })
        }
        return Reps(chartHeight: height, axisY: height - 8, bars: bars, rows: rows)
    }

    private static func milestones(_ report: TeamReport) -> Milestones {
        let rowHeight = 24
        // With more than one process, each process's items get a heading row of their own.
        let grouped = Set(report.milestones.map(\.process)).count > 1
        var entries: [(heading: String?, item: TeamReport.MilestoneRate?)] = []
        for item in report.milestones {
            if grouped, entries.last?.item?.process != item.process { entries.append(("Process \(item.process)", nil)) }
            entries.append((nil, item))
        }
        let rows = entries.enumerated().map { index, entry in
            let y = index * rowHeight + 4
            return MilestoneRow(heading: entry.heading, headingY: y + 16, item: entry.item.map { item in
                MilestoneBar(title: shortened(item.title), rate: item.rate, textY: y + 14, barY: y + 2,
                             width: item.rate * 4, color: color(item.rate))
            })
        }
        return Milestones(chartHeight: entries.count * rowHeight + 8, rows: rows)
    }

    private static func color(_ value: Int) -> String {
        value >= 70 ? "#3ebd93" : value >= 40 ? "#f0b429" : "#ef4e4e"
    }

    private static func shortened(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(58)) + "…" : text
    }
}
