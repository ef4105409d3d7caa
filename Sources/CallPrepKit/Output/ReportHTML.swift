/// The team report as one self-contained HTML page, from the template `report.html.mustache`
/// (a workspace's `templates/` overrides it): inline CSS and SVG charts, no scripts, no network.
struct ReportHTMLReporter: Reporter {
    static var identifier: String { "html" }
    let sections: [ReportSection]
    let templates: TemplateSet
    let generated: String
    let openSteps: NextStepList?
    let backlog: ReviewBacklog?

    func render(_ report: TeamReport) -> String {
        templates.render(TemplateSet.reportName, ReportHTMLView(report, sections: sections, generated: generated,
                                                                openSteps: openSteps, backlog: backlog))
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

    /// One month of a rep's calls, as a point of the rep's line and a row of the drill-down.
    struct MonthPoint {
        let month: String
        let calls: Int
        let score: Int
    }

    /// A rep's scores over time and the months behind them (shown on demand, no script: `<details>`).
    struct RepDetail {
        let name: String
        let calls: Int
        /// The SVG polyline's points, month by month; one month shows as a dot.
        let points: String
        let single: Bool
        let lastX: Int
        let lastY: Int
        let months: [MonthPoint]
        let priorities: [Priority]
        /// The rep's open next steps (`StepRow`).
        let steps: [StepRow]
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
        let details: [RepDetail]
    }

    struct MilestoneBar {
        /// In full: the table wraps it.
        let title: String
        let id: String
        let rate: Int
        let met: Int
        let inPlay: Int
        let color: String
    }

    struct MilestoneRow {
        /// A process's heading row, when the report covers several.
        let heading: String?
        let item: MilestoneBar?
    }

    struct Milestones {
        let rows: [MilestoneRow]
    }

    struct Stages {
        let rows: [TeamReport.StageRow]
    }

    let scope: String
    /// "Debriefs from 2026-01-05 to 2026-11-26", and the day the page was made.
    let period: String
    let generated: String
    let tiles: [Tile]
    let reps: Reps?
    let milestones: Milestones?
    let stages: Stages?
    /// The managers' reviews: shown with the reps' section.
    let review: ReviewBacklogHTMLView?
    let debriefs: Int

    /// The open next steps, oldest first, with how many each side owns, and the deals whose open
    /// steps are all ours; nil without the reps' section.
    let steps: OpenSteps?

    init(_ report: TeamReport, sections: [ReportSection], generated: String, openSteps: NextStepList? = nil,
         backlog: ReviewBacklog? = nil) {
        scope = ReportText.scope(report)
        period = report.firstDate.map { "Debriefs from \($0) to \(report.lastDate ?? $0)" } ?? "No debriefs"
        self.generated = generated
        let opportunities = report.stages.reduce(0) { $0 + $1.opportunities }
        let ahead = report.stages.reduce(0) { $0 + $1.aheadOfEvidence }
        tiles = [
            Tile(value: "\(report.debriefs)", label: "debriefs"),
            Tile(value: report.averageScore.map(String.init) ?? "–", label: "average score"),
            Tile(value: "\(report.reps.count)", label: "reps"), Tile(value: "\(opportunities)", label: "opportunities"),
            Tile(value: "\(ahead)", label: "ahead of their evidence"),
        ] + (backlog.map { backlog in
            [Tile(value: "\(backlog.waiting)", label: "waiting for review"),
             Tile(value: ReviewBacklogHTMLView.rate(backlog.agreementRate), label: "managers agree with the judge")]
        } ?? [])
        reps = sections.contains(.rep) ? Self.reps(report, openSteps: openSteps?.steps ?? []) : nil
        steps = sections.contains(.rep) ? openSteps.flatMap(OpenSteps.init) : nil
        milestones = sections.contains(.milestone) ? Self.milestones(report) : nil
        stages = sections.contains(.stage) ? Stages(rows: report.stages) : nil
        review = sections.contains(.rep) ? backlog.map(ReviewBacklogHTMLView.init) : nil
        debriefs = report.debriefs
    }

    private static func reps(_ report: TeamReport, openSteps: [NextStepList.Step]) -> Reps {
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
        let details = report.reps.map { rep in
            // 200 by 40: months spread across, scores from 0 at the bottom to 100 at the top.
            let step = rep.months.count > 1 ? 190.0 / Double(rep.months.count - 1) : 0
            let points = rep.months.enumerated().map { index, month in
                (x: 5 + Int((Double(index) * step).rounded()), y: 36 - month.averageScore * 32 / 100)
            }
            return RepDetail(name: rep.rep.isEmpty ? "unknown" : rep.rep, calls: rep.calls,
                             points: points.map { "\($0.x),\($0.y)" }.joined(separator: " "), single: points.count == 1,
                             lastX: points.last?.x ?? 5, lastY: points.last?.y ?? 36,
                             months: rep.months.map { MonthPoint(month: $0.month, calls: $0.calls, score: $0.averageScore) },
                             priorities: rep.priorities.map { Priority(id: $0.id, title: $0.title, missed: $0.missed, of: $0.of) },
                             steps: openSteps.filter { ($0.rep ?? "") == rep.rep }.map(StepRow.init))
        }
        return Reps(chartHeight: height, axisY: height - 8, bars: bars, rows: rows, details: details)
    }

    private static func milestones(_ report: TeamReport) -> Milestones {
        // With more than one process, each process's items get a heading row of their own.
        let grouped = Set(report.milestones.map(\.process)).count > 1
        var rows: [MilestoneRow] = []
        var process: String?
        for item in report.milestones {
            if grouped, item.process != process { rows.append(MilestoneRow(heading: "Process \(item.process)", item: nil)) }
            process = item.process
            rows.append(MilestoneRow(heading: nil, item: MilestoneBar(title: item.title, id: item.id, rate: item.rate,
                                                                       met: item.met, inPlay: item.inPlay,
                                                                       color: color(item.rate))))
        }
        return Milestones(rows: rows)
    }

    private static func color(_ value: Int) -> String {
        value >= 70 ? "#3ebd93" : value >= 40 ? "#f0b429" : "#ef4e4e"
    }

}

/// One open next step in the HTML report.
struct StepRow {
    let action: String
    let owner: String
    /// ours, theirs or none.
    let side: String
    /// The date, with the rep's words beside it where they differ.
    let due: String
    let state: String
    let age: Int
    let lastCall: String
    let stalled: Bool
    let deal: String
    let rep: String

    init(_ step: NextStepList.Step) {
        action = step.action
        owner = step.owner ?? "no owner"
        side = step.ownerSide.rawValue
        due = step.dueText ?? ""
        state = step.stateText
        age = step.ageDays
        lastCall = step.lastCall.rawValue
        stalled = step.stalled
        deal = [step.account, step.opportunity].compactMap { $0 }.joined(separator: ", ")
        rep = step.rep ?? ""
    }
}

/// The team's open next steps by age and by the side that owns them, and the deals whose open
/// steps are all ours; nil when no step is open.
struct OpenSteps {
    let rows: [StepRow]
    let ours: Int
    let theirs: Int
    let nobody: Int
    let allOurs: [Deal]

    struct Deal {
        let name: String
        let rep: String
        let open: Int
    }

    init?(_ list: NextStepList) {
        let open = list.steps.filter { $0.state == .open }
        guard !open.isEmpty else { return nil }
        rows = open.sorted { ($0.ageDays, $1.source) > ($1.ageDays, $0.source) }.map(StepRow.init)
        ours = open.filter { $0.ownerSide == .ours }.count
        theirs = open.filter { $0.ownerSide == .theirs }.count
        nobody = open.filter { $0.ownerSide == .nobody }.count
        allOurs = list.allOurs.map { Deal(name: NextStepsFormat.dealName($0), rep: $0.rep ?? "", open: $0.openSteps) }
    }
}
