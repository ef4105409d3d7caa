/// `callprep process show`: a process as a readable Markdown summary.
public enum ProcessSummaryMarkdown {
    public static func render(_ process: SalesProcess) -> String {
        let milestones = process.milestones
        let required = milestones.filter(\.required).count
        var out = "# \(MarkdownEscaping.inline(process.title))\n\n"
        out += "Process `\(process.id)`, version \(MarkdownEscaping.inline(process.version)): "
        out += "\(count(process.stages.count, "stage")), \(count(milestones.count, "milestone")) "
        out += "(\(required) required to leave their stage), "
        out += "\(count(process.practices.count, "practice")) scored on every call.\n"

        for (index, stage) in process.stages.enumerated() {
            out += "\n## \(index + 1). \(MarkdownEscaping.inline(stage.title)) (`\(stage.id)`)\n\n"
            if !stage.goal.isEmpty { out += "Goal: \(MarkdownEscaping.inline(stage.goal))\n\n" }
            out += table(stage.milestones, heading: "Milestone")
        }
        if !process.practices.isEmpty {
            out += "\n## Practices scored on every call\n\n"
            out += table(process.practices, heading: "Practice")
        }
        if !process.checks.isEmpty {
            out += "\n## Check settings\n\n| Check | Enabled | Weight | Threshold |\n| --- | --- | --- | --- |\n"
            for check in process.checks {
                out += "| `\(check.id.rawValue)` | \(check.enabled ? "yes" : "no") | \(check.weight.map(NumberText.plain) ?? "") "
                out += "| \(check.threshold.map(NumberText.plain) ?? "") |\n"
            }
        }
        return out
    }

    private static func table(_ items: [Milestone], heading: String) -> String {
        var out = "| \(heading) | Id | Weight | Required | Evidence |\n| --- | --- | ---: | --- | --- |\n"
        for item in items {
            out += "| \(MarkdownEscaping.inline(item.title)) | `\(item.id)` | \(NumberText.plain(item.weight)) "
            out += "| \(item.required ? "yes" : "no") | \(MarkdownEscaping.inline(ruleText(item))) |\n"
        }
        return out
    }

    /// `amount and quote; not benchmarks; requires decision-maker-engaged`.
    private static func ruleText(_ item: Milestone) -> String {
        ([item.rule.description] + item.rule.exclusions.map { "not \($0.words.rawValue)" }
            + item.requires.map { "requires \($0)" }).joined(separator: "; ")
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
