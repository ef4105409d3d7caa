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
    public func score(_ paths: [String], format: ScorecardFormat, minScore: Int?, maxBytes: Int, color: Bool,
                      to target: OutputTarget, report: (Diagnostic) -> Void) throws(DiagnosticError) -> ScoreOutcome {
        let catalog = catalog
        let parser = try parser(maxBytes: maxBytes)
        var reporter = format.reporter(process: { catalog.process(id: $0.process.id) }, color: color)
        let output = try target.sink()
        try output.write(reporter.start)
        let (files, folderProblems) = DebriefFiles.expandingFolders(paths)
        folderProblems.forEach(report)

        var outcome = ScoreOutcome()
        let inputs = ScoreInputs(paths: files, parser: parser)
        var frontMatters = concurrentMap(files.count) { inputs.frontMatter($0) }
        let earlier = ScoringRun.history(frontMatters.map { $0?.record })
        var dependents = [Int](repeating: 0, count: files.count)
        for index in earlier.joined() { dependents[index] += 1 }
        var entries: [Int: OpportunityHistory.Entry] = [:]
        var evaluatedAhead: Set<Int> = []
        let scorers = PerProcess(Scorer.init)
        let render = reporter

        for start in stride(from: 0, to: files.count, by: Self.batchSize) {
            let batch = start..<min(start + Self.batchSize, files.count)
            let ahead = Set(batch.flatMap { earlier[$0] }).filter { $0 >= batch.upperBound && !evaluatedAhead.contains($0) }
            evaluatedAhead.formUnion(ahead)
            let jobs = Array(batch) + ahead.sorted()
            let known = jobs.map { frontMatters[$0] }
            for index in batch { frontMatters[index] = nil }
            let results = concurrentMap(jobs.count) { job -> (ParsedDebrief, Scorer.Evaluation?) in
                let parsed = inputs.parse(jobs[job], frontMatter: known[job])
                let evaluation = parsed.record.flatMap { record in
                    catalog.process(id: record.process.id).map { scorers.value(for: $0).evaluate(record) }
                }
                return (parsed, evaluation)
            }
            for (job, index) in jobs.enumerated() where dependents[index] > 0 {
                if let evaluation = results[job].1 { entries[index] = evaluation.historyEntry }
            }
            let histories = batch.map { index in
                earlier[index].reduce(into: OpportunityHistory()) { history, before in
                    if let entry = entries[before] { history.append(entry) }
                }
            }
            for index in batch {
                for before in earlier[index] {
                    dependents[before] -= 1
                    if dependents[before] == 0 { entries[before] = nil }
                }
            }
            let cards = concurrentMap(batch.count) { offset -> (Scorecard, String)? in
                guard let evaluation = results[offset].1,
                      let process = catalog.process(id: evaluation.record.process.id) else { return nil }
                let card = scorers.value(for: process).score(evaluation, history: histories[offset])
                return (card, render.render(card))
            }
            for offset in 0..<batch.count {
                let parsed = results[offset].0
                parsed.diagnostics.forEach(report)
                outcome.failed = outcome.failed || parsed.hasErrors
                guard let (card, piece) = cards[offset] else { continue }
                try output.write(reporter.add(card, rendered: piece))
                if let minScore, card.score < minScore {
                    outcome.belowMinimum.append("\(card.source): score \(card.score) is below --min-score \(minScore)")
                }
            }
        }
        try output.write(reporter.end)
        try output.finish()
        return outcome
    }
}

/// The files of one score run; standard input (`-`) is read once, as both passes need it.
private struct ScoreInputs: Sendable {
    let paths: [String]
    let parser: DebriefParser
    let standardInput: Result<SourceFile, DiagnosticError>?

    init(paths: [String], parser: DebriefParser) {
        self.paths = paths
        self.parser = parser
        standardInput = paths.contains("-")
            ? Result { () throws(DiagnosticError) in try SourceFile.read("-", maxBytes: parser.maxBytes) } : nil
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
