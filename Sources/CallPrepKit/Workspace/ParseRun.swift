extension Workspace {
    /// How many files are parsed at once: enough to keep every core busy, few enough that a long
    /// run holds only a batch of records at a time.
    static let batchSize = 64

    /// `callprep parse`: reads `paths` (files, folders of debriefs, `-`) on every core, a batch at
    /// a time, and writes each record as it is read; a file appears, whole, only at the end.
    /// Returns whether any debrief had errors (those are reported and left out).
    /// `byteOrderMark` starts a CSV with U+FEFF, by which Excel on Windows knows it is UTF-8.
    public func parse(_ paths: [String], format: RecordFormat, maxBytes: Int, byteOrderMark: Bool = false,
                      to target: OutputTarget, report: (Diagnostic) -> Void) throws(DiagnosticError) -> Bool {
        let parser = try parser(maxBytes: maxBytes)
        var reporter = format.reporter
        let output = try target.sink()
        try output.write((byteOrderMark && format == .csv ? "\u{FEFF}" : "") + reporter.start)
        let (files, folderProblems) = DebriefFiles.expandingFolders(paths)
        folderProblems.forEach(report)
        // A file of a folder that cannot be read is an error of the run, as a file named would be.
        var failed = folderProblems.contains { $0.severity == .error }
        let render = reporter
        for start in stride(from: 0, to: files.count, by: Self.batchSize) {
            let batch = files[start..<min(start + Self.batchSize, files.count)]
            let results = concurrentMap(batch.count) { offset in
                let parsed = parser.parse(path: batch[batch.startIndex + offset])
                return (parsed, parsed.record.map(render.render))
            }
            for (parsed, piece) in results {
                parsed.diagnostics.forEach(report)
                failed = failed || parsed.hasErrors
                guard let record = parsed.record, let piece else { continue }
                try output.write(reporter.add(record, rendered: piece))
            }
            progress?(batch.endIndex, files.count)
        }
        try output.write(reporter.end)
        try output.finish()
        return failed
    }
}
