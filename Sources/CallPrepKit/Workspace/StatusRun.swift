import Foundation

extension Workspace {
    /// `callprep status`: the workspace's meetings (`meetings/`), briefs (`briefs/`) and debriefs
    /// (`debriefs/`, or the index `given`) on `date`. A meeting file that does not load is an error
    /// after the rest is shown.
    public func status(date: String, index given: String?, format: StatusFormat, to target: OutputTarget)
        throws(DiagnosticError) {
        let meetings = try meetingFolder()
        let status = WorkspaceStatus(date: date, meetings: meetings.files, briefs: briefsWritten(),
                                     debriefs: try debriefs(index: given), ours: ourPeople(try teamSettings(), meetings: meetings.files))
        try target.emit(format.render(status))
        if !meetings.problems.isEmpty { throw DiagnosticError(meetings.problems) }
    }

    /// The debriefs `status` and `agenda` read: those of the index `given` (an SQLite file or a team
    /// index, as CI keeps it: only debriefs without errors are indexed), by path, all of them or
    /// `only` those of some opportunities and meetings (`agenda`'s day); else `debriefsParsed()`.
    func debriefs(index given: String?, only: (opportunities: [String], meetings: [String])? = nil)
        throws(DiagnosticError) -> [(path: String, record: DebriefRecord?, errors: [Diagnostic])] {
        guard let given else { return try debriefsParsed() }
        let index = try openIndex(given, create: false)
        let records = if let only { try index.records(opportunities: only.opportunities, meetings: only.meetings) }
            else { try index.records() }
        return records.sorted { $0.source < $1.source }.map { (path: $0.source, record: $0, errors: []) }
    }

    /// Every debrief in `debriefs/`, parsed on every core: its record (nil when it has none) and
    /// its errors.
    func debriefsParsed() throws(DiagnosticError) -> [(path: String, record: DebriefRecord?, errors: [Diagnostic])] {
        let parser = try parser()
        let files = DebriefFiles.find([place("debriefs")]).files
        let parsed = concurrentMap(files.count) { parser.parse(path: files[$0]) }
        return zip(files, parsed).map { file, result in
            (path: file, record: result.record, errors: result.diagnostics.filter { $0.severity == .error })
        }
    }
}
