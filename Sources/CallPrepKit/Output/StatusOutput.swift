/// How `callprep status` prints: for a terminal, for a note, for tools.
public enum StatusFormat: String, CaseIterable, Sendable {
    case text, md, json

    public func render(_ status: WorkspaceStatus) -> String {
        switch self {
        case .json:
            return JSONWriter.write(status) + "\n"
        case .text, .md:
            let markdown = self == .md
            var out = markdown ? "# Status on \(status.date)\n" : "Status on \(status.date)\n"
            func section(_ title: String, _ lines: [String], count: Int? = nil) {
                let count = count ?? lines.count
                out += markdown ? "\n## \(title): \(count)\n" + (lines.isEmpty ? "" : "\n") : "\n\(title): \(count)\n"
                for line in lines { out += (markdown ? "- " + MarkdownEscaping.inline(line) : "  " + VisibleControls.inline(line)) + "\n" }
            }
            func call(_ call: WorkspaceStatus.Call) -> String {
                "\(call.date) \(call.meeting) · \(call.account) · rep \(call.rep) · \(call.source)"
            }
            section("Upcoming calls without a brief", status.withoutBrief.map(call))
            section("Past calls without a debrief", status.withoutDebrief.map(call))
            section("Debriefs with errors", status.withErrors.map { debrief in
                "\(debrief.source): \(debrief.errors ?? 0) errors, the first: \(debrief.firstError ?? "")"
            })
            section("Debriefs waiting for a manager's review", status.awaitingReview.map { debrief in
                "\(debrief.source) · \(debrief.meeting ?? "") · rep \(debrief.rep ?? "-")"
            })
            section("Overdue next steps", status.overdueSteps.map { step in
                "\(step.action) · \(NextStepsFormat.owner(step)) · due \(step.dueText ?? "") · \(step.account ?? "") · \(step.source)"
            })
            section("Stalled next steps (open through two later calls, no owner on the customer's side)", status.stalledSteps.map { step in
                "\(step.action) · \(NextStepsFormat.owner(step)) · \(NextStepsFormat.life(step)) · \(step.account ?? "") · \(step.source)"
            })
            let open = status.openSteps
            section("Open next steps", open.total == 0 ? [] : [
                "by age: \(open.week) up to a week, \(open.twoWeeks) up to two weeks, \(open.month) up to a month, \(open.older) older",
                "by owner: \(open.ours) ours, \(open.theirs) the customer's, \(open.nobody) no one's",
            ], count: open.total)
            section("Deals whose open steps are all ours", status.allOurs.map { deal in
                "\(NextStepsFormat.dealName(deal)) · \(deal.openSteps) open · rep \(deal.rep ?? "-")"
            })
            return out
        }
    }
}
