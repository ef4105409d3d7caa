import Foundation

extension Workspace {
    /// `callprep prep-block`: an iCalendar event for the prep time before the call of the meeting
    /// file at `meetingPath`: `minutes` long (default: the process's `prep_minutes`), ending `gap`
    /// minutes before the call, in the call's time zone.
    public func prepBlock(meeting meetingPath: String, minutes: Int?, gap: Int, to target: OutputTarget) throws(DiagnosticError) {
        let source = try SourceFile.read(meetingPath)
        let (process, meeting) = try loadMeeting(source)
        guard let time = meeting.time, let zone = meeting.timeZone else {
            throw DiagnosticError([Diagnostic(file: meetingPath, WorkspaceProblem.noCallTime)])
        }
        var description = [
            "Objective: " + (meeting.objective.isEmpty ? "not written yet" : meeting.objective),
            meeting.bestOutcome.map { "Best outcome: " + $0 },
            meeting.minimumOutcome.map { "Minimum outcome: " + $0 },
        ].compactMap { $0 }
        description += ["", "The brief: " + ShellCommand.line(["callprep", "brief", meetingPath])]
        let block = CalendarBlock(
            uid: "prep-\(meeting.id)@callprep", summary: "Prep: \(meeting.account), \(meeting.type ?? "call")",
            description: description.joined(separator: "\n"), callDate: meeting.date, callTime: time, zone: zone,
            minutes: minutes ?? process.prepMinutes, gap: gap, stamp: Self.now)
        let text: String
        do {
            text = try CalendarWriter.event(block)
        } catch {
            // At the meeting's date, which is what a block cannot be written for.
            let line = source.text.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.hasPrefix("date:") }.map { $0 + 1 } ?? 1
            throw DiagnosticError([Diagnostic(file: meetingPath, at: SourceLocation(line: line, column: 1), error)])
        }
        try target.emit(text)
    }

    /// Now, in seconds since 1970; SOURCE_DATE_EPOCH when set, for output that a test or a
    /// reproducible build can compare byte for byte.
    static var now: Int {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) } ?? Int(Date().timeIntervalSince1970)
    }
}
