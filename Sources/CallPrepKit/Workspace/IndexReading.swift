import Foundation

extension Workspace {
    /// The index a reading command reads (`report`, `coach`, `next-steps`, the history of `brief`,
    /// `form` and `score`), as a cache of the workspace's `debriefs/`, never a second truth:
    ///
    /// - the workspace's index is first brought up to date from `debriefs/`, as `ingest debriefs`
    ///   would (an unchanged file costs a `stat`; a file with errors is reported, and left out);
    /// - with no index, or one that cannot be brought up to date (said, through `note`), the
    ///   debriefs of `debriefs/` are read into an index in memory: nothing is created on disk;
    /// - an index named with `--index` or `CALLPREP_INDEX` (`given`) is read as it is, and must
    ///   exist: an SQLite file, or a team index (PostgreSQL, `postgres://...`), which CI keeps up to date.
    ///
    /// Nil when there is neither an index nor a `debriefs/` folder.
    func currentIndex(_ given: String?, report: (Diagnostic) -> Void, note: (String) -> Void) throws(DiagnosticError)
        -> (any DebriefIndex)? {
        if let given { return try openIndex(given, create: false) }
        let workspaceIndex = place(IndexStore.defaultPath)
        let folder = place("debriefs")
        let hasFolder = FileManager.default.fileExists(atPath: folder)
        // Errors only: a reading command leaves the warnings of `debriefs/` (an unfilled form waiting
        // for its call) to `check` and `ingest`, but never leaves a file out unsaid.
        guard FileManager.default.fileExists(atPath: workspaceIndex) else {
            return hasFolder ? try debriefsInMemory(folder, report: report) : nil
        }
        let store = try IndexStore(path: workspaceIndex, create: false)
        guard hasFolder else { return store }
        do throws(DiagnosticError) {
            let indexer = try indexing()
            let summary = try indexer.ingest([folder], into: store, parser: try indexer.parser(), rebuild: false,
                                             report: { if $0.severity == .error { report($0) } })
            if summary.changed { note("\(workspaceIndex) brought up to date from \(folder): \(summary.description)") }
            return store
        } catch {
            let reason = error.diagnostics.first.map { $0.message } ?? "it cannot be written"
            note("cannot bring \(workspaceIndex) up to date (\(reason)): read \(folder) instead")
            return try debriefsInMemory(folder, report: { _ in })
        }
    }

    /// The index `given` names: a team index (PostgreSQL) by its URL, with this workspace's
    /// `teamWorkspace`, its schema brought up to date; else the SQLite file at that path.
    func openIndex(_ given: String, create: Bool) throws(DiagnosticError) -> any DebriefIndex {
        if TeamIndexAddress.isAddress(given) {
            return try PostgresStore(address: TeamIndexAddress(given, workspace: teamWorkspace))
        }
        return try IndexStore(path: given, create: create)
    }

    /// The debriefs of `folder` in an index in memory, for this run only.
    private func debriefsInMemory(_ folder: String, report: (Diagnostic) -> Void) throws(DiagnosticError) -> any DebriefIndex {
        let store = try IndexStore(path: ":memory:")
        let indexer = try indexing()
        _ = try indexer.ingest([folder], into: store, parser: try indexer.parser(), rebuild: false,
                               report: { if $0.severity == .error { report($0) } })
        return store
    }

    /// A copy in memory of `store` (or an empty index) with the debrief read from standard input
    /// added, as `<stdin>`: for this run only. A debrief with errors is an error of the run.
    func addingStandardInput(to store: (any DebriefIndex)?, maxBytes: Int, report: (Diagnostic) -> Void) throws(DiagnosticError)
        -> any DebriefIndex {
        // `??` would lose the error's type.
        let copy: any DebriefIndex = if let store { try store.inMemoryCopy() } else { try IndexStore(path: ":memory:") }
        let indexer = try indexing()
        let summary = try indexer.ingest(["-"], into: copy, parser: try indexer.parser(maxBytes: maxBytes), rebuild: false,
                                         report: report)
        if !summary.failed.isEmpty { throw DiagnosticError([]) }
        return copy
    }

    /// The workspace as it indexes debriefs for a reading command: each scored by the process it
    /// names. `--process` there only chooses which debriefs a report counts, so that the index
    /// holds the same scores whichever process a report was asked for.
    func indexing() throws(DiagnosticError) -> Workspace {
        guard catalog.explicitProcess != nil else { return self }
        return try Workspace(folder: folder, standardInputName: standardInputName, teamWorkspace: teamWorkspace)
    }
}
