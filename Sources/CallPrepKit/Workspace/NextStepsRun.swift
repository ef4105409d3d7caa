import Foundation

/// How `callprep next-steps` writes its list.
public struct NextStepsOutputRequest: Sendable {
    public var format: NextStepsFormat
    /// The CRM a CSV is shaped for.
    public var crm: CRMFlavour
    /// Starts a CSV with U+FEFF, by which Excel on Windows knows it is UTF-8.
    public var byteOrderMark: Bool

    public init(format: NextStepsFormat, crm: CRMFlavour = .generic, byteOrderMark: Bool = false) {
        self.format = format
        self.crm = crm
        self.byteOrderMark = byteOrderMark
    }
}

extension Workspace {
    /// `callprep next-steps`: every deal's next steps followed across its debriefs, from `paths`
    /// (files or folders), else the index at `index`, else the workspace's index when it exists
    /// (brought up to date first: `currentIndex`), else its `debriefs/` folder. A filter that
    /// matches nothing lists the names known.
    public func nextSteps(_ paths: [String], index: String?, date: String, filter: NextStepList.Filter,
                          output: NextStepsOutputRequest, to target: OutputTarget, report: (Diagnostic) -> Void,
                          note: (String) -> Void) throws(DiagnosticError) -> Bool {
        var failed = false
        let records: [DebriefRecord]
        if paths.isEmpty, index != nil || FileManager.default.fileExists(atPath: place(IndexStore.defaultPath)),
           let store = try currentIndex(index, report: report, note: note) {
            records = try store.records()
        } else {
            let given = paths.isEmpty ? [place("debriefs")] : paths
            let (files, problems) = DebriefFiles.expandingFolders(given)
            problems.forEach(report)
            failed = problems.contains { $0.severity == .error }
            let parser = try parser()
            let parsed = concurrentMap(files.count) { parser.parse(path: files[$0]) }
            for result in parsed {
                result.diagnostics.filter { $0.severity == .error }.forEach(report)
                failed = failed || result.hasErrors
            }
            records = parsed.compactMap(\.record)
        }
        let context = try crmContext()
        let list = NextStepList(records: records, date: date, filter: filter, ours: context.ours)
        if list.steps.isEmpty, filter.owner != nil || filter.rep != nil {
            let known = NextStepList.known(in: records)
            if let rep = filter.rep, !known.reps.contains(where: { NextStepList.sameName($0, rep) }) {
                note("--rep: " + (WorkspaceProblem.unknownName(rep, known: known.reps).errorDescription ?? ""))
            }
            if let owner = filter.owner, !known.owners.contains(where: { NextStepList.sameName($0, owner) }) {
                note("--owner: " + (WorkspaceProblem.unknownName(owner, known: known.owners).errorDescription ?? ""))
            }
        }
        let bom = output.byteOrderMark && output.format == .csv ? "\u{FEFF}" : ""
        try target.emit(bom + output.format.render(list, crm: output.crm, context: context))
        return failed
    }
}
