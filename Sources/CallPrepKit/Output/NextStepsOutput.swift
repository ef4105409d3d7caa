/// How `callprep next-steps` prints: for a terminal, for a note, for a CRM's task import, for tools.
public enum NextStepsFormat: String, CaseIterable, Sendable {
    case text, md, csv, json

    public func render(_ list: NextStepList) -> String {
        switch self {
        case .text:
            guard !list.steps.isEmpty else { return "No open next steps.\n" }
            return list.steps.map { step in
                let due = step.due.map { " · due \($0)" } ?? ""
                let deal = [step.account, step.opportunity].compactMap { $0 }.joined(separator: ", ")
                // One line per step, whatever its values hold (VisibleControls.inline).
                return VisibleControls.inline("\(step.state.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(step.action)"
                    + " · \(step.owner ?? "no owner")\(due) · \(deal) · rep \(step.rep ?? "-") · \(step.source)") + "\n"
            }.joined()
        case .md:
            var out = "# Next steps on \(list.date)\n\n"
            guard !list.steps.isEmpty else { return out + "No open next steps.\n" }
            out += "| State | Action | Owner | Due | Account | Opportunity | Rep | Source |\n"
            out += "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
            for step in list.steps {
                let cells = [step.state.rawValue, step.action, step.owner ?? "", step.due ?? "", step.account ?? "",
                             step.opportunity ?? "", step.rep ?? "", step.source]
                out += "| " + cells.map(MarkdownEscaping.inline).joined(separator: " | ") + " |\n"
            }
            return out
        case .csv:
            // Shaped for a CRM's task import: one task per step.
            var out = CSVOutput.line(["Subject", "Due Date", "Assigned To", "Related To", "Status", "Description"])
            for step in list.steps {
                let description = "Opportunity \(step.opportunity ?? "-"), rep \(step.rep ?? "-"), from \(step.source)"
                out += CSVOutput.line([step.action, step.dueDate ?? "", step.owner ?? "", step.account ?? "",
                                       step.state.rawValue, description])
            }
            return out
        case .json:
            return JSONWriter.write(list) + "\n"
        }
    }
}
