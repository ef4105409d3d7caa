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
            func section(_ title: String, _ lines: [String]) {
                out += markdown ? "\n## \(title): \(lines.count)\n" + (lines.isEmpty ? "" : "\n") : "\n\(title): \(lines.count)\n"
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
                "\(step.action) · \(step.owner ?? "no owner") · due \(step.due ?? "") · \(step.account ?? "") · \(step.source)"
            })
            return out
        }
    }
}
