/// How `callprep agenda` prints: for a terminal, for a note, for tools (fields in docs/calendar.md).
public enum AgendaFormat: String, CaseIterable, Sendable {
    case text, md, json

    public func render(_ agenda: Agenda) -> String {
        if self == .json { return JSONWriter.write(agenda) + "\n" }
        let markdown = self == .md
        let count = agenda.calls.count == 1 ? "1 call" : "\(agenda.calls.count) calls"
        let day = Formatting.longDate(agenda.date)
        var out = markdown ? "# Agenda for \(day): \(count)\n" : "Agenda for \(day): \(count)\n"
        if agenda.calls.isEmpty {
            out += "\nNo customer calls on this day.\n"
        }
        for call in agenda.calls {
            let time = [call.time, call.timeZone].compactMap { $0 }.joined(separator: " ")
            let heading = [time.isEmpty ? "time not given" : time, call.account, call.type,
                           call.durationMinutes.map { "\($0) min" }].compactMap { $0 }.joined(separator: " · ")
            out += markdown ? "\n## \(MarkdownEscaping.inline(heading))\n\n" : "\n\(VisibleControls.inline(heading))\n"
            var lines: [String] = []
            let theirs = call.attendees.filter { $0.side == .theirs }.map { person in
                person.title.map { "\(person.name) (\($0))" } ?? person.name
            }
            let ours = call.attendees.filter { $0.side == .ours }.map(\.name)
            lines.append("with " + (theirs.isEmpty ? "no customer listed" : theirs.joined(separator: ", "))
                         + (ours.isEmpty ? "" : "; ours: " + ours.joined(separator: ", ")))
            if let command = call.importCommand {
                lines.append("not imported yet: \(command)")
            } else {
                lines.append("brief: " + (call.brief.map { "written \($0)" } ?? "not written (\(ShellCommand.line(["callprep", "brief", call.source])))"))
                lines.append("debrief: " + Self.debrief(call.debrief))
            }
            for step in call.nextSteps {
                lines.append("\(step.timing == .overdue ? "overdue" : "due") \(step.dueDate ?? ""): \(step.action)"
                             + (step.owner.map { " (\($0))" } ?? "") + " · \(step.source)")
            }
            lines.append(call.source)
            for line in lines { out += (markdown ? "- " + MarkdownEscaping.inline(line) : "  " + VisibleControls.inline(line)) + "\n" }
        }
        return out
    }

    private static func debrief(_ debrief: Agenda.Debrief?) -> String {
        guard let debrief else { return "not yet" }
        switch debrief.state {
        case .errors: return "\(debrief.source) has \(debrief.errors ?? 0) errors to fix before it is scored"
        case .reviewed: return "\(debrief.source), scored \(debrief.score ?? 0) %, reviewed (grade \(debrief.grade.map(String.init) ?? "-"))"
        case .scored: return "\(debrief.source), scored \(debrief.score ?? 0) %, waiting for a manager's review"
        }
    }
}
