import Foundation

extension Workspace {
    /// The workspace's `callprep.yaml` (TeamSettings), or none when it has no such file.
    func teamSettings() throws(DiagnosticError) -> TeamSettings {
        let path = place(TeamSettings.fileName)
        guard FileManager.default.fileExists(atPath: path) else { return TeamSettings() }
        return try TeamSettings.load(SourceFile.read(path), process: try meetingProcess())
    }

    /// Our people, with emails: `callprep.yaml`'s first, then our side of the meeting files in
    /// `meetings/` (`meetings`, when a run has read them).
    func ourPeople(_ settings: TeamSettings, meetings: [(path: String, meeting: Meeting)]) -> OurPeople {
        var people = OurPeople(settings.people.map { ($0.name, $0.email) })
        for (_, meeting) in meetings {
            if !meeting.rep.isEmpty { people.add(meeting.rep, email: meeting.attendees.first { $0.name == meeting.rep }?.email) }
            for attendee in meeting.attendees where attendee.side == .ours { people.add(attendee.name, email: attendee.email) }
        }
        return people
    }

    /// What a CRM's task import needs beyond the steps: our people's emails, and each
    /// opportunity's CRM id from the meeting files (the latest file's, when several say).
    func crmContext() throws(DiagnosticError) -> CRMTasks.Context {
        let meetings = (try? meetingFolder())?.files ?? []
        var ids: [String: String] = [:]
        for (_, meeting) in meetings.sorted(by: { $0.meeting.date < $1.meeting.date }) {
            if let crmID = meeting.opportunity.crmID { ids[meeting.opportunity.id] = crmID }
        }
        return CRMTasks.Context(ours: ourPeople(try teamSettings(), meetings: meetings), crmIDs: ids)
    }
}
