/// How `callprep next-steps` prints: for a terminal, for a note, for a CRM's task import, for tools.
public enum NextStepsFormat: String, CaseIterable, Sendable {
    case text, md, csv, json

    /// `crm` shapes the CSV (docs/crm.md); `context` gives it assignees' emails and the CRM's ids.
    public func render(_ list: NextStepList, crm: CRMFlavour = .generic, context: CRMTasks.Context = CRMTasks.Context())
        -> String {
        switch self {
        case .text:
            guard !list.steps.isEmpty else { return "No next steps.\n" + Self.allOursText(list) }
            return list.steps.map { step in
                let deal = [step.account, step.opportunity].compactMap { $0 }.joined(separator: ", ")
                // One line per step, whatever its values hold (VisibleControls.inline).
                let state = step.state == .open ? (step.timing.map { $0 == .due ? "open" : $0.rawValue } ?? "open") : step.state.rawValue
                return VisibleControls.inline("\(state.padding(toLength: 8, withPad: " ", startingAt: 0)) \(step.action)"
                    + " · \(Self.owner(step))\(step.dueText.map { " · due \($0)" } ?? "") · \(Self.life(step))"
                    + " · \(deal) · rep \(step.rep ?? "-") · \(step.source)") + "\n"
            }.joined() + Self.allOursText(list)
        case .md:
            var out = "# Next steps on \(list.date)\n\n"
            guard !list.steps.isEmpty else { return out + "No next steps.\n" + Self.allOursMarkdown(list) }
            out += "| State | Action | Owner | Due | Made | Age | Last call | Account | Opportunity | Rep | Source |\n"
            out += "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
            for step in list.steps {
                let cells = [step.stateText + (step.stalled ? " (stalled)" : ""), step.action, Self.owner(step),
                             step.dueText ?? "", step.madeOn, "\(step.ageDays) days", step.lastCall.rawValue,
                             step.account ?? "", step.opportunity ?? "", step.rep ?? "", step.source]
                out += "| " + cells.map(MarkdownEscaping.inline).joined(separator: " | ") + " |\n"
            }
            return out + Self.allOursMarkdown(list)
        case .csv:
            return CRMTasks.csv(list, crm: crm, context: context)
        case .json:
            return JSONWriter.write(list) + "\n"
        }
    }

    /// "Mara Jensen (theirs)", "no owner".
    static func owner(_ step: NextStepList.Step) -> String {
        step.owner.map { "\($0) (\(step.ownerSide.rawValue))" } ?? "no owner"
    }

    /// "made 2026-11-26, 9 days, open through 2 later calls, last call: unchanged, stalled: ...".
    static func life(_ step: NextStepList.Step) -> String {
        let calls = step.callsOpen == 1 ? "1 later call" : "\(step.callsOpen) later calls"
        return "made \(step.madeOn), \(step.ageDays) days" + (step.callsOpen > 0 ? ", open through \(calls)" : "")
            + (step.closedOn.map { ", \(step.state.rawValue) \($0)" } ?? "")
            + ", last call: \(step.lastCall.rawValue)" + (step.stalled ? ", stalled: no owner on the customer's side" : "")
    }

    private static func allOursText(_ list: NextStepList) -> String {
        guard !list.allOurs.isEmpty else { return "" }
        return "\nDeals whose open steps are all ours (nothing on the customer's side moves them):\n" + list.allOurs.map { deal in
            VisibleControls.inline("  \(dealName(deal)) · \(deal.openSteps) open · rep \(deal.rep ?? "-")") + "\n"
        }.joined()
    }

    private static func allOursMarkdown(_ list: NextStepList) -> String {
        guard !list.allOurs.isEmpty else { return "" }
        return "\n## Deals whose open steps are all ours\n\n" + list.allOurs.map { deal in
            "- " + MarkdownEscaping.inline("\(dealName(deal)): \(deal.openSteps) open, rep \(deal.rep ?? "-")") + "\n"
        }.joined()
    }

    static func dealName(_ deal: NextStepList.Deal) -> String {
        [deal.account, deal.opportunity].compactMap { $0 }.joined(separator: ", ")
    }
}
