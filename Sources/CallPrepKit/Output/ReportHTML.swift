/// The team report as one self-contained HTML page: inline CSS and SVG charts, no scripts, no network.
public enum ReportHTML {
    public static func render(_ report: TeamReport, sections: [ReportSection] = ReportSection.allCases) -> String {
        var body = "<header><h1>Team report</h1><p>\(escape(ReportText.scope(report)))</p></header>\n"
        body += tiles(report)
        if sections.contains(.rep) { body += reps(report) }
        if sections.contains(.milestone) { body += milestones(report) }
        if sections.contains(.stage) { body += stages(report) }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>callprep team report</title>
            <style>\(style)</style>
            </head>
            <body>
            \(body)<footer>Made by callprep from \(report.debriefs) debriefs. Scores are the weighted share of applicable milestones and practices met with evidence.</footer>
            </body>
            </html>

            """
    }

    private static let style = """
        body{font:15px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1f2933;background:#f5f7fa;margin:0;padding:32px 48px;}
        header h1{margin:0;font-size:28px;}header p{margin:4px 0 24px;color:#52606d;}
        section{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:20px 24px;margin:0 0 24px;}
        h2{font-size:19px;margin:0 0 4px;}p.note{color:#616e7c;margin:0 0 14px;font-size:13px;}
        .tiles{display:flex;gap:16px;margin:0 0 24px;}.tile{flex:1;background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:14px 18px;}
        .tile b{display:block;font-size:28px;}.tile span{color:#616e7c;font-size:13px;}
        table{border-collapse:collapse;width:100%;margin-top:12px;font-size:14px;}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e4e7eb;}
        th{color:#52606d;font-weight:600;}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;}
        .up{color:#199473;}.down{color:#cf1124;}code{font-size:12px;color:#616e7c;}
        svg text{font:12px -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;fill:#3e4c59;}
        footer{color:#7b8794;font-size:12px;}
        """

    private static func tiles(_ report: TeamReport) -> String {
        let opportunities = report.stages.reduce(0) { $0 + $1.opportunities }
        let ahead = report.stages.reduce(0) { $0 + $1.aheadOfEvidence }
        let items: [(String, String)] = [
            ("\(report.debriefs)", "debriefs"), (report.averageScore.map(String.init) ?? "–", "average score"),
            ("\(report.reps.count)", "reps"), ("\(opportunities)", "opportunities"), ("\(ahead)", "ahead of their evidence"),
        ]
        return "<div class=\"tiles\">" + items.map { "<div class=\"tile\"><b>\(escape($0.0))</b><span>\(escape($0.1))</span></div>" }
            .joined() + "</div>\n"
    }

    private static func reps(_ report: TeamReport) -> String {
        let rowHeight = 30
        let height = report.reps.count * rowHeight + 30
        var chart = "<svg width=\"100%\" viewBox=\"0 0 760 \(height)\" role=\"img\" aria-label=\"Average score per rep\">"
        for (index, rep) in report.reps.enumerated() {
            let y = index * rowHeight + 4
            let width = rep.averageScore * 5
            chart += "<text x=\"150\" y=\"\(y + 17)\" text-anchor=\"end\">\(escape(rep.rep.isEmpty ? "unknown" : rep.rep))</text>"
            chart += "<rect x=\"160\" y=\"\(y + 4)\" width=\"500\" height=\"18\" rx=\"3\" fill=\"#e4e7eb\"/>"
            chart += "<rect x=\"160\" y=\"\(y + 4)\" width=\"\(width)\" height=\"18\" rx=\"3\" fill=\"\(color(rep.averageScore))\"/>"
            if let gap = rep.selfGap {
                let own = max(0, min(100, rep.averageScore + gap)) * 5 + 160
                chart += "<line x1=\"\(own)\" x2=\"\(own)\" y1=\"\(y)\" y2=\"\(y + 26)\" stroke=\"#1f2933\" stroke-width=\"2\"/>"
            }
            chart += "<text x=\"670\" y=\"\(y + 17)\">\(rep.averageScore)</text>"
        }
        let axis = (height - 8)
        chart += "<text x=\"160\" y=\"\(axis)\">0</text><text x=\"660\" y=\"\(axis)\" text-anchor=\"end\">100</text></svg>"
        var table = "<table><tr><th>Rep</th><th class=\"n\">Calls</th><th class=\"n\">Average</th><th class=\"n\">Trend</th>"
        table += "<th class=\"n\">Self vs evidence</th><th class=\"n\">Self vs manager</th><th>Coaching priorities</th></tr>"
        for rep in report.reps {
            let trend = rep.trend > 0 ? "<span class=\"up\">▲ \(rep.trend)</span>"
                : rep.trend < 0 ? "<span class=\"down\">▼ \(-rep.trend)</span>" : "–"
            let priorities = rep.priorities.map { "\(escape($0.title)) <code>\(escape($0.id))</code> (\($0.missed) of \($0.of))" }
            table += "<tr><td>\(escape(rep.rep.isEmpty ? "unknown" : rep.rep))</td><td class=\"n\">\(rep.calls)</td>"
            table += "<td class=\"n\">\(rep.averageScore)</td><td class=\"n\">\(trend)</td>"
            table += "<td class=\"n\">\(NumberText.signed(rep.selfGap))</td><td class=\"n\">\(NumberText.signed(rep.managerGap))</td>"
            table += "<td>\(priorities.joined(separator: "<br>"))</td></tr>"
        }
        return "<section><h2>Reps</h2><p class=\"note\">Bars: average evidence score. Black tick: where the reps score "
            + "their own calls. Trend: later half of the calls against the earlier half.</p>\(chart)\(table)</table></section>\n"
    }

    private static func milestones(_ report: TeamReport) -> String {
        let rowHeight = 24
        // With more than one process, each process's items get a heading row of their own.
        let grouped = Set(report.milestones.map(\.process)).count > 1
        var rows: [(heading: String?, item: TeamReport.MilestoneRate?)] = []
        for item in report.milestones {
            if grouped, rows.last?.item?.process != item.process { rows.append(("Process \(item.process)", nil)) }
            rows.append((nil, item))
        }
        let height = rows.count * rowHeight + 8
        var chart = "<svg width=\"100%\" viewBox=\"0 0 900 \(height)\" role=\"img\" aria-label=\"How often each item is met\">"
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight + 4
            guard let item = row.item else {
                chart += "<text x=\"0\" y=\"\(y + 16)\" font-weight=\"bold\">\(escape(row.heading ?? ""))</text>"
                continue
            }
            chart += "<text x=\"420\" y=\"\(y + 14)\" text-anchor=\"end\">\(escape(shortened(item.title)))</text>"
            chart += "<rect x=\"430\" y=\"\(y + 2)\" width=\"400\" height=\"16\" rx=\"3\" fill=\"#e4e7eb\"/>"
            chart += "<rect x=\"430\" y=\"\(y + 2)\" width=\"\(item.rate * 4)\" height=\"16\" rx=\"3\" fill=\"\(color(item.rate))\"/>"
            chart += "<text x=\"840\" y=\"\(y + 14)\">\(item.rate)%</text>"
        }
        return "<section><h2>Milestones and practices</h2><p class=\"note\">How often each is met with evidence when it "
            + "is in play, across the team.</p>\(chart)</svg></section>\n"
    }

    private static func stages(_ report: TeamReport) -> String {
        var table = "<table><tr><th>Stage</th><th>Process</th><th class=\"n\">Opportunities</th>"
        table += "<th class=\"n\">Ahead of evidence</th><th class=\"n\">Stalled</th></tr>"
        for stage in report.stages {
            table += "<tr><td>\(escape(stage.title))</td><td><code>\(escape(stage.process))</code></td>"
            table += "<td class=\"n\">\(stage.opportunities)</td><td class=\"n\">\(stage.aheadOfEvidence)</td>"
            table += "<td class=\"n\">\(stage.stalled)</td></tr>"
        }
        return "<section><h2>Where opportunities stall</h2><p class=\"note\">Each opportunity counts at the stage its "
            + "latest debrief claims. Ahead of evidence: earlier stages' milestones not met. Stalled: no milestone "
            + "gained in the latest call.</p>\(table)</table></section>\n"
    }

    private static func color(_ value: Int) -> String {
        value >= 70 ? "#3ebd93" : value >= 40 ? "#f0b429" : "#ef4e4e"
    }

    private static func shortened(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(58)) + "…" : text
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
