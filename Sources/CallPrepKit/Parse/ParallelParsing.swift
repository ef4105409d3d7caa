extension DebriefParser {
    /// How many files are parsed at once: enough to keep every core busy, few enough that a long
    /// run holds only a batch of records at a time.
    static let batchSize = 64

    /// Parses `paths` on every core, a batch at a time, and hands each result to `body` in the
    /// order given, with what `render` (run beside the parsing) made of the record.
    public func parseAll<Piece: Sendable, E: Error>(
        _ paths: [String], render: @escaping @Sendable (DebriefRecord) -> Piece,
        _ body: (ParsedDebrief, Piece?) throws(E) -> Void
    ) throws(E) {
        for start in stride(from: 0, to: paths.count, by: Self.batchSize) {
            let batch = start..<min(start + Self.batchSize, paths.count)
            let parsed = concurrentMap(batch.count) { offset in
                let parsed = parse(path: paths[batch.lowerBound + offset])
                return (parsed, parsed.record.map(render))
            }
            for (result, piece) in parsed { try body(result, piece) }
        }
    }
}
