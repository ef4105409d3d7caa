import Foundation

extension Workspace {
    /// `callprep status`: the workspace's meetings (`meetings/`), briefs (`briefs/`) and debriefs
    /// (`debriefs/`) on `date`.
    public func status(date: String, format: StatusFormat, to target: OutputTarget) throws(DiagnosticError) {
        let parser = try parser()
        let files = DebriefFiles.find([place("debriefs")]).files
        let parsed = concurrentMap(files.count) { parser.parse(path: files[$0]) }
        let debriefs = zip(files, parsed).map { file, result in
            (path: file, record: result.record,
             errors: result.diagnostics.filter { $0.severity == .error })
        }
        let status = WorkspaceStatus(date: date, meetings: meetingFiles(), briefs: briefsWritten(), debriefs: debriefs)
        try target.emit(format.render(status))
    }
}
