import Foundation

/// What one `callprep ingest` did.
public struct IngestSummary: Sendable, Equatable {
    public var added: [String] = []
    public var updated: [String] = []
    public var removed: [String] = []
    public var unchanged = 0
    /// Files with errors: reported, and not in the index.
    public var failed: [String] = []
    /// Files that could not be read (or paths not found): reported; what the index held of them is kept.
    public var unreadable: [String] = []
    /// Unfilled forms: skipped, with a warning.
    public var unfilled = 0
    /// Every deal was scored again: the process files (or callprep) changed.
    public var rescoredAll = false
    /// Deals scored again, their files unchanged, as their meeting files or briefs changed.
    public var rescored = 0

    public var changed: Bool { !(added.isEmpty && updated.isEmpty && removed.isEmpty) || rescoredAll || rescored > 0 }

    public var description: String {
        var remarks = failed.isEmpty ? "" : "; \(failed.count) with errors, not indexed"
        if !unreadable.isEmpty { remarks += "; \(unreadable.count) unreadable, kept as indexed" }
        if unfilled > 0 { remarks += "; \(unfilled) unfilled \(unfilled == 1 ? "form" : "forms") skipped" }
        if rescoredAll { remarks += "; every deal scored again, as the processes changed" }
        if rescored > 0 {
            remarks += "; \(rescored == 1 ? "1 deal" : "\(rescored) deals") scored again, as meeting files or briefs changed"
        }
        guard changed else { return "Nothing changed: \(Self.debriefs(unchanged)) unchanged\(remarks)." }
        return "Indexed \(added.count) new, \(updated.count) changed, \(removed.count) removed, "
            + "\(unchanged) unchanged\(remarks)."
    }

    /// "1 debrief", "3 debriefs".
    static func debriefs(_ count: Int) -> String { count == 1 ? "1 debrief" : "\(count) debriefs" }
}

extension Workspace {
    /// `callprep ingest`: adds files and folders (searched recursively for debrief forms) to the
    /// index at `index`, incrementally: a file whose size and modification time are as indexed is
    /// not even read, and one whose bytes are unchanged is not parsed. Indexed files under an
    /// ingested folder that are gone are removed. `rebuild` builds a new index from the files alone.
    /// Everything lands in one transaction, and every opportunity touched is scored again.
    /// `index` may be a team index's URL (`postgres://...`): its files are compared by content
    /// alone, and `rebuild` empties this workspace's rows in the same transaction that fills them.
    public func ingest(_ paths: [String], index: String, rebuild: Bool = false, maxBytes: Int = SourceFile.defaultMaxBytes,
                       report: (Diagnostic) -> Void) throws(DiagnosticError) -> IngestSummary {
        let parser = try parser(maxBytes: maxBytes)
        if TeamIndexAddress.isAddress(index) {
            return try ingest(paths, into: openIndex(index, create: true), parser: parser, rebuild: rebuild, report: report)
        }
        if rebuild {
            // A fresh index replaces the old one only once it is complete: a damaged index is
            // rebuilt without being opened, and a failure leaves the old one as it was.
            return try IndexStore.rebuild(path: index) { store throws(DiagnosticError) in
                try ingest(paths, into: store, parser: parser, rebuild: true, report: report)
            }
        }
        if index != ":memory:", !FileManager.default.fileExists(atPath: index) {
            // Only an ingest of something readable creates an index: an empty one would hide the
            // workspace's debriefs from every command that reads the index.
            let found = DebriefFiles.find(paths)
            let errors = found.diagnostics.filter { $0.severity == .error }
            if found.files.isEmpty, !errors.isEmpty {
                found.diagnostics.forEach(report)
                return IngestSummary(unreadable: errors.map(\.file))
            }
        }
        return try ingest(paths, into: IndexStore(path: index), parser: parser, rebuild: false, report: report)
    }

    /// Ingests into an open index, holding the writers' turn for the whole run: what it reads of
    /// the index (what is indexed, and the meetings) is what it writes to, even when a rebuild
    /// replaced the index since it was opened.
    func ingest(_ paths: [String], into store: any DebriefIndex, parser: DebriefParser, rebuild: Bool,
                report: (Diagnostic) -> Void) throws(DiagnosticError) -> IngestSummary {
        try store.updating { () throws(DiagnosticError) in
            try ingestInTurn(paths, into: store, parser: parser, rebuild: rebuild, report: report)
        }
    }

    private func ingestInTurn(_ paths: [String], into store: any DebriefIndex, parser: DebriefParser, rebuild: Bool,
                              report: (Diagnostic) -> Void) throws(DiagnosticError) -> IngestSummary {
        let existing = rebuild ? [:] : try store.files()
        // A file indexed and unchanged since (its size and time) is known to be a debrief.
        let found = DebriefFiles.find(paths) { existing[$0]?.matches(FileStatus.of($0)) == true }
        var summary = IngestSummary()
        // A file named that is gone, and was indexed, leaves the index; any other path that cannot
        // be read is an error, and what the index holds of it stays.
        let gone = Set(found.missing.filter { existing[$0] != nil })
        summary.removed = gone.sorted()
        for diagnostic in found.diagnostics where !gone.contains((diagnostic.file as NSString).standardizingPath) {
            report(diagnostic)
            if diagnostic.severity == .error { summary.unreadable.append(diagnostic.file) }
        }
        let toRead = found.files.filter { file in
            guard existing[file]?.matches(FileStatus.of(file)) == true else { return true }
            summary.unchanged += 1
            return false
        }
        // What a debrief read from `-` is indexed under.
        let standardInput = standardInputName ?? SourceFile.standardInputName
        // Read in chunks, so that a long run can say how far it is.
        var outcomes: [IngestOutcome] = []
        for start in stride(from: 0, to: toRead.count, by: 256) {
            let chunk = toRead[start..<min(start + 256, toRead.count)]
            outcomes += concurrentMap(chunk.count) { offset in
                let path = chunk[chunk.startIndex + offset], name = path == "-" ? standardInput : path
                return Self.read(path, as: name, known: existing[name], parser: parser)
            }
            progress?(chunk.endIndex, toRead.count)
        }
        var parsed: [(path: String, file: IndexedFile, record: DebriefRecord)] = []
        var sameBytes: [(path: String, file: IndexedFile)] = []
        for (read, outcome) in zip(toRead, outcomes) {
            let file = read == "-" ? standardInput : read
            switch outcome {
            case let .unreadable(refusal):
                report(Diagnostic(file: file, FileProblem.cannotRead(reason: refusal.reason)))
                if refusal == .missing {
                    // Gone between finding and reading: it leaves the index like any file that is gone.
                    summary.removed.append(file)
                } else {
                    summary.unreadable.append(file)
                }
            case let .unchanged(indexed):
                summary.unchanged += 1
                sameBytes.append((file, indexed))
            case let .parsed(indexed, result):
                result.diagnostics.forEach(report)
                guard let record = result.record else {
                    summary.failed.append(file)
                    continue
                }
                if record.isUnfilledForm {
                    // No call: not indexed, and a record it had (before it was emptied) leaves.
                    report(Diagnostic(.warning, file: file, WorkspaceProblem.unfilledForm))
                    summary.unfilled += 1
                    if existing[file] != nil { summary.removed.append(file) }
                    continue
                }
                parsed.append((file, indexed, record))
                if existing[file] == nil { summary.added.append(file) } else { summary.updated.append(file) }
            }
        }
        let seen = Set(found.files)
        let kept = Set(found.unreadable)
        let goneFromFolders = existing.keys.filter { !seen.contains($0) && !kept.contains($0) && found.covers($0) }
        summary.removed = Set(goneFromFolders + summary.removed.filter { existing[$0] != nil }).sorted()
        let dropped = summary.removed + summary.failed.filter { existing[$0] != nil }
        // A second debrief of the same meeting (a copy under another name) is indexed, and said.
        let droppedPaths = Set(dropped)
        var meetings = (rebuild || parsed.isEmpty ? [:] : try store.meetings()).filter { !droppedPaths.contains($0.value) }
        for entry in parsed {
            let id = entry.record.meeting.id
            if let first = meetings[id], first != entry.path {
                report(Diagnostic(.warning, file: entry.path, WorkspaceProblem.sameMeeting(id, first: first)))
            } else {
                meetings[id] = entry.path
            }
        }
        let calls = callFacts()
        let histories = dealHistories(calls: calls)
        let contexts = scoringContexts(calls)
        try store.write { writer in
            if rebuild { try writer.removeAll() }
            var affected = try writer.remove(paths: dropped)
            // What the stored scorecards were made with changed: the processes (every deal is scored
            // again, from the records the index holds), or a meeting file or brief (its deals).
            let stored = try writer.scoringContexts()
            if stored[""] != contexts[""] {
                affected.formUnion(try writer.allDeals())
                summary.rescoredAll = stored[""] != nil
            } else {
                let meetings = Set(stored.keys).union(contexts.keys).filter { stored[$0] != contexts[$0] }
                let touched = try writer.deals(ofMeetings: meetings).subtracting(affected)
                summary.rescored = touched.count
                affected.formUnion(touched)
            }
            for entry in sameBytes { try writer.touch(entry.path, file: entry.file) }
            for entry in parsed { affected.formUnion(try writer.replace(entry.record, path: entry.path, file: entry.file)) }
            let known = Dictionary(parsed.map { ($0.path, $0.record) }, uniquingKeysWith: { first, _ in first })
            // Each deal touched, oldest debrief first (read from the index where not just parsed);
            // the deals scored on every core; then their scorecards stored, in the one transaction.
            var deals: [[DebriefRecord]] = []
            for key in affected where histories.process(key.process) != nil {
                deals.append(try writer.records(of: key, known: known))
            }
            let gathered = deals
            let cards = concurrentMap(gathered.count) { histories.score(together: gathered[$0]) }
            for (deal, scored) in zip(deals, cards) {
                for (record, result) in zip(deal, scored) {
                    if let result { try writer.setScorecard(result.card, of: record, gained: result.gained) }
                }
            }
            try writer.replaceScoringContexts(contexts)
        }
        return summary
    }

    private enum IngestOutcome: Sendable {
        case unreadable(RegularFile.Refusal)
        /// The bytes are as indexed; the file's size and time are new.
        case unchanged(IndexedFile)
        case parsed(IndexedFile, ParsedDebrief)
    }

    /// Reads, hashes and (when its bytes changed) parses one file, known by `name`; runs on any thread.
    private static func read(_ path: String, as name: String, known: IndexedFile?, parser: DebriefParser) -> IngestOutcome {
        // Size and time before reading, so that a change made during the read shows next time.
        let status = FileStatus.of(path)
        let data: [UInt8]
        // `-` is standard input, indexed under `name`.
        let read: Result<(bytes: [UInt8], size: Int), RegularFile.Refusal> = path == "-"
            ? .success(Self.standardInput()) : RegularFile.read(path, atMost: parser.maxBytes + 1)
        switch read {
        case let .failure(refusal):
            return .unreadable(refusal)
        case let .success((_, size)) where size > parser.maxBytes:
            let problem = FileProblem.tooLarge(bytes: size, limit: parser.maxBytes)
            return .parsed(IndexedFile(hash: "", size: size, modified: nil),
                           ParsedDebrief(record: nil, diagnostics: [Diagnostic(file: name, problem)]))
        case let .success((bytes, _)):
            data = bytes
        }
        var file = IndexedFile(hash: hash(data), size: status?.size, modified: status?.modified)
        // A file changed within the clock's granularity of now could change again unseen with
        // the same size and time: its time is not trusted, so the next ingest reads it.
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        if let modified = file.modified, modified > now - 2_000_000_000 { file.modified = nil }
        if known?.hash == file.hash { return .unchanged(file) }
        do {
            return .parsed(file, parser.parse(try SourceFile.decode(data, path: name, maxBytes: parser.maxBytes)))
        } catch {
            return .parsed(file, ParsedDebrief(record: nil, diagnostics: error.diagnostics))
        }
    }

    private static func standardInput() -> (bytes: [UInt8], size: Int) {
        let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        return (bytes, bytes.count)
    }

    /// FNV-1a, 64 bits: enough to notice that a file changed.
    static func hash(_ data: [UInt8]) -> String {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in data {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01B3
        }
        return String(value, radix: 16)
    }
}
