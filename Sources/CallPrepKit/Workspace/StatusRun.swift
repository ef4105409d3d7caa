import Foundation

extension Workspace {
    /// `callprep status`: the workspace's meetings (`meetings/`), briefs (`briefs/`) and debriefs
    /// (`debriefs/`) on `date`. A meeting file that does not load is an error after the rest is shown.
    public func status(date: String, format: StatusFormat, to target: OutputTarget) throws(DiagnosticError) {
        let meetings = try meetingFolder()
        let status = WorkspaceStatus(date: date, meetings: meetings.files, briefs: briefsWritten(),
                                     debriefs: try debriefsParsed(), ours: ourPeople(try teamSettings(), meetings: meetings.files))
        try target.emit(format.render(status))
        if !meetings.problems.isEmpty { throw DiagnosticError(meetings.problems) }
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
