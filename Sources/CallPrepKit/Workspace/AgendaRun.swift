import Foundation

extension Workspace {
    /// `callprep agenda`: the customer calls of `date` from `meetings/`, and from the calendar
    /// files given (events not imported yet), with the state of their brief, debrief (from
    /// `debriefs/`, or the index `given`) and next steps. A meeting file that does not load is an
    /// error after the rest is shown.
    public func agenda(date: String, calendars: [String], index given: String?, format: AgendaFormat,
                       to target: OutputTarget, note: (String) -> Void) throws(DiagnosticError) {
        let (files, problems) = try meetingFolder()
        let ofTheDay = files.filter { $0.meeting.date == date }
        let invites = try inviteEntries(calendars, date: date, files: files, note: note)

        // From an index, only the day's deals and meetings are read: the rest never shows.
        let debriefs = try debriefs(index: given, only: (opportunities: ofTheDay.map(\.meeting.opportunity.id),
                                                         meetings: ofTheDay.map(\.meeting.id)))
        // Only the day's deals are scored, each with its history.
        let opportunities = Set(ofTheDay.map(\.meeting.opportunity.id))
        let records = debriefs.filter(\.errors.isEmpty).compactMap(\.record)
            .filter { $0.meeting.opportunity.map(opportunities.contains) ?? false }
        let briefs = briefsWritten()
        let cards = dealHistories(calls: callFacts(meetings: files, briefs: briefs)).scorecards(records)
        let scores = Dictionary(cards.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
        let agenda = Agenda(date: date, meetings: ofTheDay, invites: invites, briefs: briefs, debriefs: debriefs,
                            scores: scores, ours: ourPeople(try teamSettings(), meetings: files))
        try target.emit(format.render(agenda))
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }

    /// The customer meetings of `date` in each calendar file that no meeting file holds yet (by UID).
    private func inviteEntries(_ calendars: [String], date: String, files: [(path: String, meeting: Meeting)],
                               note: (String) -> Void) throws(DiagnosticError) -> [Agenda.Entry] {
        guard !calendars.isEmpty else { return [] }
        let ourDomains = Self.ourDomains(given: [], files: files)
        // An imported invite by its UID; a repeating one by its UID and day, one file per occurrence.
        let imported = Set(files.flatMap { file in file.meeting.uid.map { [$0, "\($0)/\(file.meeting.date)"] } ?? [] })
        let context = InviteMeeting.Context(ourDomains: ourDomains, deals: knownDeals(files),
                                            firstStage: try meetingProcess().stages.first?.id ?? "")
        var entries: [Agenda.Entry] = []
        for path in calendars {
            let source = try SourceFile.read(path, maxBytes: CalendarReader.maxBytes)
            // One broken or endless event in a year's export is skipped with a warning, not the whole file.
            let (events, skipped) = try CalendarReader.readSkippingBroken(source, options: .init(day: date, localZone: TimeZone.current.identifier))
            skipped.forEach { note($0.description) }
            for event in events where !imported.contains(event.recurs ? "\(event.uid ?? "")/\(event.start.date)" : event.uid ?? "") {
                // Without our domains every person may be a customer: only cancelled and all-day events are left out.
                if event.isCancelled || event.start.isAllDay { continue }
                if !ourDomains.isEmpty, InviteMeeting.skipReason(event, ourDomains: ourDomains) != nil { continue }
                let meeting = InviteMeeting(event: event, context: context).meeting
                let command = ShellCommand.line(["callprep", "meeting", "import", path] + (event.uid.map { ["--uid", $0] } ?? [])
                    + (event.recurs ? ["--date", date] : []))
                entries.append(Agenda.Entry(call: Agenda.Call(
                    start: event.start.instant.map(Agenda.isoInstant), time: event.start.time, timeZone: event.start.zone,
                    durationMinutes: event.durationMinutes, account: meeting.account, type: meeting.type, meeting: nil,
                    opportunity: nil, rep: meeting.rep.isEmpty ? nil : meeting.rep, source: "\(source.path):\(event.line)",
                    attendees: meeting.attendees.map { Agenda.Person(name: $0.name, side: $0.side, title: $0.title) },
                    brief: nil, debrief: nil, nextSteps: [], importCommand: command), instant: event.start.instant))
            }
        }
        if ourDomains.isEmpty, !entries.isEmpty {
            note("no meeting file names our side's emails: internal meetings are listed too")
        }
        return entries
    }
}
