import Foundation

/// What `callprep score` found, for its exit code.
public struct ScoreOutcome: Sendable {
    /// Some debrief had errors (reported, and left unscored).
    public var failed = false
    /// One line per scorecard under `--min-score`.
    public var belowMinimum: [String] = []
}

extension Workspace {
    /// `callprep score`: parses and scores `paths` (files, folders of debriefs, `-`) on every core,
    /// writing each scorecard as it is made (a file appears, whole, only at the end). A debrief
    /// counts the earlier debriefs of its opportunity among the files as history.
    ///
    /// No more than a batch of records is held: a first pass reads only the front matter, to know
    /// each debrief's history; the second parses and scores a batch at a time, keeping just what
    /// later debriefs count of the earlier ones. A debrief whose history comes later in the list is
    /// parsed early for its milestones, and again in its turn.
    ///
    /// With `history`, a debrief also counts the earlier debriefs of its opportunity that the
    /// workspace holds (its index when there is one, else its `debriefs/` folder), so that a debrief
    /// gets the same score alone as among its folder: the files given replace their copies there.
    /// `byteOrderMark` starts a CSV with U+FEFF, by which Excel on Windows knows it is UTF-8.
    public func score(_ paths: [String], format: ScorecardFormat, minScore: Int?, maxBytes: Int, color: Bool,
                      history: Bool = true, byteOrderMark: Bool = false, to target: OutputTarget,
                      report: (Diagnostic) -> Void, note: (String) -> Void = { _ in }) throws(DiagnosticError) -> ScoreOutcome {
        let catalog = catalog
        let parser = try parser(maxBytes: maxBytes)
        var reporter = format.reporter(process: { catalog.process(id: $0.process.id) }, color: color)
        let output = try target.sink(keepingColour: color)
        try output.write((byteOrderMark && format == .csv ? "\u{FEFF}" : "") + reporter.start)
        let (files, folderProblems) = DebriefFiles.expandingFolders(paths)
        folderProblems.forEach(report)

        var outcome = ScoreOutcome()
        // A file of a folder that cannot be read is an error of the run, as a file named would be.
        outcome.failed = folderProblems.contains { $0.severity == .error }
        let inputs = ScoreInputs(paths: files, parser: parser, standardInputName: standardInputName)
        var frontMatters = concurrentMap(files.count) { inputs.frontMatter($0) }
        var histories = RunningHistories(frontMatters.map { $0?.record })
        let deals = dealHistories(calls: callFacts())
        let background = history
            ? try workspaceHistory(for: frontMatters.compactMap { $0?.record }, excluding: files.map { $0 == "-" ? standardInputName ?? "-" : $0 },
                                   deals: deals, parser: parser, report: report, note: note)
            : [:]
        let render = reporter

        for start in stride(from: 0, to: files.count, by: Self.batchSize) {
            let batch = start..<min(start + Self.batchSize, files.count)
            let jobs = Array(batch) + histories.ahead(of: batch)
            let known = jobs.map { frontMatters[$0] }
            for index in batch { frontMatters[index] = nil }
            let needed = jobs.map(histories.isNeeded)
            // Parsed, then judged, each over the whole batch: a core's instruction cache then holds
            // one stage's code at a time, not both in turn.
            let parsedJobs = concurrentMap(jobs.count) { job in inputs.parse(jobs[job], frontMatter: known[job]) }
            let results = concurrentMap(jobs.count) { job -> (ParsedDebrief, DealHistories.Evaluation?, OpportunityHistory.Entry?) in
                let parsed = parsedJobs[job]
                // An unfilled form is no call: not scored, and no part of its deal's history.
                let evaluation = parsed.record.flatMap { record in record.isUnfilledForm ? nil : deals.evaluate(record) }
                // What later debriefs of the opportunity need of this one, worked out here in parallel.
                return (parsed, evaluation, needed[job] ? evaluation?.historyEntry : nil)
            }
            for (job, index) in jobs.enumerated() { histories.add(results[job].2, of: index) }
            let before = batch.map { index in
                let given = histories.history(before: index)
                guard let record = results[index - batch.lowerBound].0.record, let deal = DealKey(record),
                      let known = background[deal] else { return given }
                // The workspace's earlier debriefs, with the earlier files given.
                return deals.history(before: record, known: known, given: given)
            }
            for index in batch { histories.scored(index) }
            let cards = concurrentMap(batch.count) { offset -> (Scorecard, String)? in
                guard let evaluation = results[offset].1, let card = deals.score(evaluation, history: before[offset]) else {
                    return nil
                }
                return (card, render.render(card))
            }
            for offset in 0..<batch.count {
                let parsed = results[offset].0
                parsed.diagnostics.forEach(report)
                if let record = parsed.record, record.isUnfilledForm {
                    report(Diagnostic(.warning, file: record.source, WorkspaceProblem.unfilledForm))
                    continue
                }
                outcome.failed = outcome.failed || parsed.hasErrors
                guard let (card, piece) = cards[offset] else { continue }
                try output.write(reporter.add(card, rendered: piece))
                if let minScore, card.score < minScore {
                    outcome.belowMinimum.append("\(card.source): score \(card.score) is below --min-score \(minScore)")
                }
            }
            progress?(batch.upperBound, files.count)
        }
        try output.write(reporter.end)
        try output.finish()
        return outcome
    }
}

extension Workspace {
    /// The earlier debriefs the workspace holds of the deals of `records`, none of `excluding`, each
    /// as a history entry with its date, judged by `deals`: from the workspace's index when there
    /// is one (brought up to date first: `currentIndex`), else from its `debriefs/` folder (only
    /// those files whose front matter names one of the deals are parsed whole).
    func workspaceHistory(for records: [DebriefRecord], excluding given: [String], deals: DealHistories,
                          parser: DebriefParser, report: (Diagnostic) -> Void, note: (String) -> Void) throws(DiagnosticError)
        -> [DealKey: [(date: String, entry: OpportunityHistory.Entry)]] {
        // The workspace's, not the current folder's: a library user's workspace may be elsewhere.
        let index = place(IndexStore.defaultPath), folder = place("debriefs")
        let hasIndex = FileManager.default.fileExists(atPath: index)
        guard hasIndex || FileManager.default.fileExists(atPath: folder) else { return [:] }
        let wanted = Set(records.compactMap { DealKey($0) })
        guard !wanted.isEmpty else { return [:] }
        let excluded = Set(given.map(DebriefFiles.spelled))
        var found: [DebriefRecord] = []
        if hasIndex, let store = try currentIndex(nil, report: report, note: note) {
            found = try store.records(of: Array(wanted))
        } else {
            let files = DebriefFiles.find([folder]).files.filter { !excluded.contains($0) }
            let heads = concurrentMap(files.count) { SourceFile.head(of: files[$0]).flatMap(parser.frontMatter) }
            let relevant = zip(files, heads).filter { $1.flatMap { DealKey($0.record) }.map(wanted.contains) ?? false }
                .map(\.0)
            found = concurrentMap(relevant.count) { parser.parse(path: relevant[$0]).record }.compactMap { $0 }
        }
        var byDeal: [DealKey: [(date: String, entry: OpportunityHistory.Entry)]] = [:]
        for record in found where !excluded.contains(DebriefFiles.spelled(record.source)) && !record.isUnfilledForm {
            guard let deal = DealKey(record), wanted.contains(deal), let evaluation = deals.evaluate(record) else { continue }
            byDeal[deal, default: []].append((record.meeting.date, evaluation.historyEntry))
        }
        return byDeal
    }
}

/// The files of one score run; standard input (`-`) is read once, as both passes need it.
private struct ScoreInputs: Sendable {
    let paths: [String]
    let parser: DebriefParser
    let standardInput: Result<SourceFile, DiagnosticError>?

    /// `standardInputName`: what `-` is known by (`--as`), else `<stdin>`.
    init(paths: [String], parser: DebriefParser, standardInputName: String?) {
        self.paths = paths
        self.parser = parser
        standardInput = paths.contains("-") ? Result { () throws(DiagnosticError) in
            var source = try SourceFile.read("-", maxBytes: parser.maxBytes)
            if let standardInputName { source.path = standardInputName }
            return source
        } : nil
    }

    func source(_ index: Int) throws(DiagnosticError) -> SourceFile {
        if paths[index] == "-", let standardInput { return try standardInput.get() }
        return try SourceFile.read(paths[index], maxBytes: parser.maxBytes)
    }

    /// Read from the head of the file when the front matter is there, as it is in nearly every
    /// debrief; else from the whole file.
    func frontMatter(_ index: Int) -> DebriefParser.FrontMatterReading? {
        if paths[index] != "-", let head = SourceFile.head(of: paths[index]), let found = parser.frontMatter(head) {
            return found
        }
        return (try? source(index)).flatMap(parser.frontMatter)
    }

    func parse(_ index: Int, frontMatter: DebriefParser.FrontMatterReading?) -> ParsedDebrief {
        do {
            return parser.parse(try source(index), frontMatter: frontMatter)
        } catch {
            return ParsedDebrief(record: nil, diagnostics: error.diagnostics)
        }
    }
}
