/// `report --disagreements` as Markdown: the items ranked, what to look at, and examples.
struct DisagreementMarkdownReporter: Reporter {
    static var identifier: String { "md" }

    func render(_ report: DisagreementReport) -> String {
        func text(_ value: String) -> String { MarkdownEscaping.inline(value) }
        var out = "# Where managers disagree with the judge\n\n\(DisagreementText.scope(report)).\n"
        out += "\nRanked by the weight of the items the managers' answers turned round, summed over the disagreements.\n"
        out += "\n| Item | Rule | Process | Answers | Agreed | Judge met, manager no | Judge not met, manager yes "
        out += "| Not applicable, manager no | Weight turned |\n"
        out += "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        for row in report.items {
            out += "| \(text(row.title)) (`\(row.item)`) | \(text(row.rule)) | \(text(row.process)) | \(row.answers) "
            out += "| \(row.agreed) | \(row.judgeMetManagerNo) | \(row.judgeNotMetManagerYes) | \(row.notApplicableManagerNo) "
            out += "| \(NumberText.plain(row.weight)) |\n"
        }
        let sentences = report.items.flatMap(\.lookAt)
        if !sentences.isEmpty {
            out += "\n## What to look at in the process file\n\n"
            out += sentences.map { "- \(text($0))\n" }.joined()
        }
        let shown = report.items.filter { !$0.examples.isEmpty }
        if !shown.isEmpty {
            out += "\n## Examples\n"
            for row in shown {
                out += "\n### \(text(row.title)) (`\(row.item)`), rule: \(text(row.rule))\n\n"
                for example in row.examples {
                    let place = example.source + (example.line.map { ":\($0)" } ?? "")
                    var who = [DisagreementText.direction(example.direction), example.date]
                    if let reviewer = example.reviewer { who.insert(reviewer, at: 1) }
                    out += "- \(text(place)) (\(text(who.joined(separator: ", "))))"
                    out += example.evidence.isEmpty ? ": no evidence" : ": \u{201C}\(text(example.evidence))\u{201D}"
                    if let facts = example.facts { out += "; facts: \(text(facts))" }
                    if let comment = example.comment, !comment.isEmpty { out += "; the manager: \u{201C}\(text(comment))\u{201D}" }
                    out += "\n"
                }
            }
        }
        return out
    }
}

/// `report --disagreements` as CSV: one row per item and rule, with the sentences of what to look at.
struct DisagreementCSVReporter: Reporter {
    static var identifier: String { "csv" }
    var start: String {
        CSVOutput.line(["process", "item", "title", "rule", "answers", "agreed", "judge_met_manager_no",
                        "judge_not_met_manager_yes", "not_applicable_manager_no", "weight_turned", "look_at"])
    }

    func render(_ report: DisagreementReport) -> String {
        report.items.map { row in
            CSVOutput.line([row.process, row.item, row.title, row.rule, String(row.answers), String(row.agreed),
                            String(row.judgeMetManagerNo), String(row.judgeNotMetManagerYes),
                            String(row.notApplicableManagerNo), NumberText.plain(row.weight),
                            row.lookAt.joined(separator: " ")])
        }.joined()
    }
}

/// Formats of `callprep report --disagreements`.
public enum DisagreementFormat: String, CaseIterable, Sendable {
    case md, json, csv

    /// The same name of `report`'s formats; nil for one the disagreements are not written in (html).
    public init?(_ format: ReportFormat) {
        self.init(rawValue: format.rawValue)
    }

    public var reporter: any Reporter<DisagreementReport> {
        switch self {
        case .md: DisagreementMarkdownReporter()
        case .json: JSONReporter<DisagreementReport>(list: false)
        case .csv: DisagreementCSVReporter()
        }
    }
}

/// Phrases shared by the formats of the disagreements and the HTML report's review figures.
enum DisagreementText {
    static func direction(_ direction: ReviewDirection) -> String {
        switch direction {
        case .judgeMetManagerNo: "the judge said met, the manager no"
        case .judgeNotMetManagerYes: "the judge said not met, the manager yes"
        case .notApplicableManagerNo: "marked not applicable, the manager says it applied"
        }
    }

    /// "12 reviewed debriefs, 40 answers, 9 disagreements (agreement 78%), from 2026-01-01"
    static func scope(_ report: DisagreementReport) -> String {
        var parts = ["\(report.debriefs) reviewed debrief\(report.debriefs == 1 ? "" : "s")",
                     "\(report.answers) answer\(report.answers == 1 ? "" : "s")",
                     "\(report.disagreements) disagreement\(report.disagreements == 1 ? "" : "s")"
                        + (report.agreementRate.map { " (agreement \($0)%)" } ?? "")]
        if let since = report.filter.since { parts.append("from \(since)") }
        if let until = report.filter.until { parts.append("until \(until)") }
        if let rep = report.filter.rep { parts.append("rep \(rep)") }
        if let process = report.filter.process { parts.append("process \(process)") }
        return parts.joined(separator: ", ")
    }
}
