/// Scores several debriefs together: an earlier debrief of the same opportunity (by date, then by
/// the order given) counts as history for a later one.
public enum ScoringRun {
    public static func score(_ records: [DebriefRecord], catalog: ProcessCatalog) -> [Scorecard] {
        let scorers = PerProcess(Scorer.init)
        let evaluations = records.map { record in
            catalog.process(id: record.process.id).map { scorers.value(for: $0).evaluate(record) }
        }
        let earlier = history(records.map { $0 })
        return records.indices.compactMap { index in
            guard let evaluation = evaluations[index], let process = catalog.process(id: records[index].process.id) else {
                return nil
            }
            let metBefore = earlier[index].reduce(into: Set<String>()) { $0.formUnion(evaluations[$1]?.met ?? []) }
            return scorers.value(for: process).score(evaluation, history: earlier[index].map { records[$0].source },
                                                     metBefore: metBefore)
        }
    }

    /// Parses and scores files on every core, handing each file's result and scorecard to `body`
    /// in the order given, without holding more than a batch of records: a first pass reads only
    /// the front matter, to know each debrief's history; the second parses and scores a batch at a
    /// time, keeping just the met milestones of debriefs that later ones count. A debrief whose
    /// history comes later in the list is parsed early for its milestones, and again in its turn.
    /// `render` runs beside the scoring, on every core, and its result goes to `body` with the card.
    public static func score<Piece: Sendable, E: Error>(
        _ paths: [String], parser: DebriefParser, catalog: ProcessCatalog, render: @escaping @Sendable (Scorecard) -> Piece,
        _ body: (ParsedDebrief, Scorecard?, Piece?) throws(E) -> Void
    ) throws(E) {
        let inputs = Inputs(paths: paths, parser: parser)
        var frontMatters = concurrentMap(paths.count) { inputs.frontMatter($0) }
        let earlier = history(frontMatters.map { $0?.record })
        var dependents = [Int](repeating: 0, count: paths.count)
        for index in earlier.joined() { dependents[index] += 1 }
        var met: [Int: (source: String, met: Set<String>)] = [:]
        var evaluatedAhead: Set<Int> = []
        let scorers = PerProcess(Scorer.init)

        for start in stride(from: 0, to: paths.count, by: DebriefParser.batchSize) {
            let batch = start..<min(start + DebriefParser.batchSize, paths.count)
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
                if let evaluation = results[job].1 { met[index] = (evaluation.record.source, evaluation.met) }
            }
            let histories = batch.map { index in
                let known = earlier[index].compactMap { met[$0] }
                return (sources: known.map(\.source), met: known.reduce(into: Set<String>()) { $0.formUnion($1.met) })
            }
            for index in batch {
                for before in earlier[index] {
                    dependents[before] -= 1
                    if dependents[before] == 0 { met[before] = nil }
                }
            }
            let cards = concurrentMap(batch.count) { offset -> (Scorecard, Piece)? in
                guard let evaluation = results[offset].1,
                      let process = catalog.process(id: evaluation.record.process.id) else { return nil }
                let card = scorers.value(for: process).score(evaluation, history: histories[offset].sources,
                                                             metBefore: histories[offset].met)
                return (card, render(card))
            }
            for offset in 0..<batch.count { try body(results[offset].0, cards[offset]?.0, cards[offset]?.1) }
        }
    }

    /// For each debrief, the earlier debriefs of its opportunity in the order given; a debrief
    /// without front matter, or without an opportunity, has none.
    private static func history(_ records: [DebriefRecord?]) -> [[Int]] {
        var byOpportunity: [String: [Int]] = [:]
        for (index, record) in records.enumerated() {
            if let record, let opportunity = record.meeting.opportunity {
                byOpportunity["\(record.process.id)/\(opportunity)", default: []].append(index)
            }
        }
        return records.enumerated().map { index, record in
            guard let record, let opportunity = record.meeting.opportunity,
                  let group = byOpportunity["\(record.process.id)/\(opportunity)"] else { return [] }
            return group.filter { other in
                let date = records[other]!.meeting.date
                return date < record.meeting.date || (date == record.meeting.date && other < index)
            }
        }
    }
}

/// The files of one run; standard input (`-`) is read once, as both passes need it.
private struct Inputs: Sendable {
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
