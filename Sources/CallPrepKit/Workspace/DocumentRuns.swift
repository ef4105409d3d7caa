import Foundation

extension Workspace {
    /// `callprep brief`: the prep brief for the meeting file at `meetingPath`, with the deal's
    /// history from `index`, else from the `debriefs` folder; with neither, from the workspace's
    /// index when it exists, else its `debriefs/` folder. Debriefs that cannot be read are
    /// reported and left out.
    public func brief(meeting meetingPath: String, index: String?, debriefs: String?, to target: OutputTarget,
                      report: (Diagnostic) -> Void, note: (String) -> Void = { _ in }) throws(DiagnosticError) {
        let (process, meeting, history) = try call(meetingPath, index: index, debriefs: debriefs, report: report, note: note)
        let templates = try templates()
        let brief = DocumentRenderer.brief(meeting: meeting, process: process, templates: templates,
                                           meetingPath: meetingPath, history: history)
        // The stamp that tells `score` the call was prepared, whatever the template wrote.
        let stamp = BriefStamp(meeting: meeting.id, written: today).line
        try target.emit((brief.hasSuffix("\n") ? brief : brief + "\n") + "\n" + stamp + "\n")
    }

    /// `callprep form`: the debrief form for the meeting file at `meetingPath`. The milestones the
    /// deal's history (found as `brief` finds it) met are shown met, with the date and file of the
    /// debrief that met them, not asked again; the others are asked, as the brief for the same
    /// meeting shows them.
    public func form(meeting meetingPath: String, index: String? = nil, debriefs: String? = nil, to target: OutputTarget,
                     report: (Diagnostic) -> Void = { _ in }, note: (String) -> Void = { _ in }) throws(DiagnosticError) {
        let (process, meeting, history) = try call(meetingPath, index: index, debriefs: debriefs, report: report, note: note)
        let templates = try templates()
        try target.emit(DocumentRenderer.form(meeting: meeting, process: process, templates: templates, history: history))
    }

    /// What a brief and a form start from: the process, the meeting (its unwritten placeholders
    /// reported), and the deal's history, found as `earlierDebriefs` finds it.
    private func call(_ meetingPath: String, index: String?, debriefs: String?, report: (Diagnostic) -> Void,
                      note: (String) -> Void) throws(DiagnosticError) -> (SalesProcess, Meeting, DealHistory?) {
        let source = try SourceFile.read(meetingPath)
        let (process, meeting) = try loadMeeting(source)
        PlanPlaceholders.warnings(in: source).forEach(report)
        let earlier = try earlierDebriefs(for: meeting, process: process, index: index, folder: debriefs, note: note)
        earlier.diagnostics.forEach(report)
        let meetings = (try? meetingFolder())?.files ?? []
        let deals = DealHistories(process: { $0 == process.id ? process : nil }, calls: callFacts(meetings: meetings))
        let ours = ourPeople(try teamSettings(), meetings: meetings)
        return (process, meeting, DealHistory(meeting: meeting, process: process, records: earlier.records, deals: deals,
                                              ours: ours))
    }

    /// `callprep process show`: the process as a Markdown summary.
    public func showProcess(to target: OutputTarget) throws(DiagnosticError) {
        try target.emit(ProcessSummaryMarkdown.render(try meetingProcess()))
    }

    /// The records a brief or a form for `meeting` needs: from the index at `index` (looked up by
    /// the meeting's opportunity and rep, so that it costs the same whatever the index's size), or
    /// parsed from `folder`; with neither, the workspace's index when it exists, else its
    /// `debriefs/` folder, else none. Problems in single debriefs come back as diagnostics (errors
    /// only); those files are left out.
    private func earlierDebriefs(for meeting: Meeting, process: SalesProcess, index: String?,
                                 folder: String?, note: (String) -> Void) throws(DiagnosticError)
        -> (records: [DebriefRecord], diagnostics: [Diagnostic]) {
        let fileManager = FileManager.default
        if index != nil || (folder == nil && fileManager.fileExists(atPath: place(IndexStore.defaultPath))) {
            // A mistyped `--index` is an error, never a new, empty index; the workspace's is brought
            // up to date first (`currentIndex`).
            var diagnostics: [Diagnostic] = []
            if let store = try currentIndex(index, report: { diagnostics.append($0) }, note: note) {
                return (try store.records(opportunity: meeting.opportunity.id, process: process.id, rep: meeting.rep,
                                          before: meeting.date), diagnostics)
            }
        }
        guard let folder = folder ?? (fileManager.fileExists(atPath: place("debriefs")) ? place("debriefs") : nil) else {
            return ([], [])
        }
        let found = DebriefFiles.find([folder])
        let parser = try parser()
        var diagnostics = found.diagnostics
        let records = found.files.compactMap { file -> DebriefRecord? in
            let parsed = parser.parse(path: file)
            diagnostics += parsed.diagnostics.filter { $0.severity == .error }
            return parsed.record
        }
        return (records, diagnostics)
    }
}
