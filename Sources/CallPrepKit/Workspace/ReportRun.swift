/// What `report` and `coach` read: debriefs to ingest first, the index, and which debriefs count.
public struct ReportScope: Sendable {
    /// Files or folders to ingest before reading the index (may be empty); `-` is added for this
    /// run only, unless the workspace knows it by a name (`Workspace.standardInputName`).
    public var sources: [String]
    /// An index named with `--index`; nil for the workspace's.
    public var index: String?
    /// `YYYY-MM-DD`, inclusive.
    public var since: String?
    public var until: String?
    public var rep: String?
    public var maxBytes: Int

    public init(sources: [String] = [], index: String? = nil, since: String? = nil,
                until: String? = nil, rep: String? = nil, maxBytes: Int = SourceFile.defaultMaxBytes) {
        self.sources = sources
        self.index = index
        self.since = since
        self.until = until
        self.rep = rep
        self.maxBytes = maxBytes
    }
}

extension Workspace {
    /// `callprep report`: ingests `scope.sources` (problems reported, the rest indexed; the summary
    /// goes to `note`), then writes the team report over the index.
    /// `byteOrderMark` starts a CSV with U+FEFF, by which Excel on Windows knows it is UTF-8.
    public func report(_ scope: ReportScope, format: ReportFormat, section: ReportSection?, byteOrderMark: Bool = false,
                       to target: OutputTarget, report: (Diagnostic) -> Void,
                       note: (String) -> Void) throws(DiagnosticError) {
        let (store, filter) = try open(scope, report: report, note: note)
        let value = try store.teamReport(filter, process: catalog.lookup)
        // The HTML page lists each rep's open next steps, followed across each deal's debriefs.
        var steps: NextStepList?
        if format == .html {
            let latest = try store.latestOfEachOpportunity()
            let records = try store.records(of: latest.compactMap(DealKey.init)) + latest.filter { $0.meeting.opportunity == nil }
            steps = NextStepList(records: records, date: today, filter: NextStepList.Filter(rep: filter.rep),
                                 ours: try crmContext().ours)
        }
        let backlog = format == .html ? try store.reviewBacklog(filter) : nil
        var reporter = try format.reporter(sections: section, templates: templates, generated: today, openSteps: steps,
                                           backlog: backlog)
        try target.emit((byteOrderMark && format == .csv ? "\u{FEFF}" : "") + reporter.document(value))
    }

    /// `callprep coach`: ingests `scope.sources` as `report` does, then writes the coaching notes.
    public func coach(_ scope: ReportScope, format: CoachFormat, to target: OutputTarget,
                      report: (Diagnostic) -> Void, note: (String) -> Void) throws(DiagnosticError) {
        let (store, filter) = try open(scope, report: report, note: note)
        let value = try store.coachingNotes(filter, process: catalog.lookup)
        var reporter = format.reporter
        try target.emit(reporter.document(value))
    }

    /// The index after ingesting what the scope names, as `currentIndex` finds it; and the filter.
    /// A debrief read from `-` without a name is added to a copy in memory, for this run only.
    func open(_ scope: ReportScope, report: (Diagnostic) -> Void,
              note: (String) -> Void) throws(DiagnosticError) -> (any DebriefIndex, ReportFilter) {
        let thisRunOnly = standardInputName == nil && scope.sources.contains("-")
        let stored = scope.sources.filter { !thisRunOnly || $0 != "-" }
        if !stored.isEmpty {
            let summary = try indexing().ingest(stored, index: scope.index ?? place(IndexStore.defaultPath),
                                                maxBytes: scope.maxBytes, report: report)
            note(summary.description)
            // A path that cannot be read is an error (reported as it was found): no report from
            // an index that may lack it.
            if !summary.unreadable.isEmpty { throw DiagnosticError([]) }
        }
        var found = try currentIndex(scope.index, report: report, note: note)
        if thisRunOnly { found = try addingStandardInput(to: found, maxBytes: scope.maxBytes, report: report) }
        guard let store = found else {
            throw DiagnosticError([Diagnostic(file: place(IndexStore.defaultPath), IndexProblem.noIndex)])
        }
        // A rep as written in the debriefs, whatever the case and accents of the name asked for.
        var rep = scope.rep
        if let wanted = scope.rep {
            let known = try store.reps()
            rep = known.first { NextStepList.sameName($0, wanted) } ?? wanted
            if !known.contains(where: { NextStepList.sameName($0, wanted) }) {
                note("--rep: " + (WorkspaceProblem.unknownName(wanted, known: known).errorDescription ?? ""))
            }
        }
        let filter = ReportFilter(since: scope.since, until: scope.until, rep: rep, process: catalog.explicitProcess?.id)
        return (store, filter)
    }
}
