/// A parsed debrief: the record (unless an error prevented it) and every diagnostic.
public struct ParsedDebrief: Sendable {
    public var record: DebriefRecord?
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Reads filled debrief forms into `DebriefRecord`s, from the Markdown tree, not lines of text:
/// the front matter (FrontMatterReader), then the body, block by block (BodyReader, with the
/// item, table and coaching-note readers).
public struct DebriefParser: Sendable {
    let catalog: ProcessCatalog
    let boilerplate: FormBoilerplate
    /// Files larger than this are refused before anything parses them.
    public let maxBytes: Int
    private let indexes = PerProcess(ItemIndex.init)

    public init(catalog: ProcessCatalog, boilerplate: FormBoilerplate, maxBytes: Int = SourceFile.defaultMaxBytes) {
        self.catalog = catalog
        self.boilerplate = boilerplate
        self.maxBytes = maxBytes
    }

    /// Reads and parses a file (`-` for standard input); a file that cannot be read is one diagnostic.
    public func parse(path: String) -> ParsedDebrief {
        do {
            return parse(try SourceFile.read(path, maxBytes: maxBytes))
        } catch {
            return ParsedDebrief(record: nil, diagnostics: error.diagnostics)
        }
    }

    /// What a debrief's front matter says, read alone.
    public struct FrontMatterReading: Sendable {
        /// The record with its meeting and process, and nothing else yet.
        public let record: DebriefRecord
        let process: SalesProcess
        let diagnostics: [Diagnostic]
    }

    /// The front matter alone; nil when it cannot be read (`parse` says why).
    public func frontMatter(_ source: SourceFile) -> FrontMatterReading? {
        FrontMatterReader(file: source.path, catalog: catalog).read(source.text).reading
    }

    /// Parses a debrief; `frontMatter`, when given, is what `frontMatter(_:)` read of the same text,
    /// so that it is not read again.
    public func parse(_ source: SourceFile, frontMatter: FrontMatterReading? = nil) -> ParsedDebrief {
        let start: FrontMatterReading
        let body: String
        if let frontMatter {
            start = frontMatter
            body = FrontMatter.split(source.text).body
        } else {
            let read = FrontMatterReader(file: source.path, catalog: catalog).read(source.text)
            guard let reading = read.reading else { return finish(nil, read.diagnostics) }
            (start, body) = (reading, read.body)
        }
        var draft = DebriefDraft(file: source.path, record: start.record, diagnostics: start.diagnostics)
        // Shapes on which cmark-gfm takes quadratic time never reach it.
        if let costly = MarkdownLimits.check(body) {
            draft.report(.tooCostly(costly.problem), at: costly.location)
            return finish(nil, draft.diagnostics)
        }
        let tree: MarkdownNode
        do {
            tree = try MarkdownParser.parse(body, maxDepth: MarkdownParser.defaultMaxDepth)
        } catch {
            draft.report(.nestedTooDeep(limit: error.limit), at: error.position)
            return finish(nil, draft.diagnostics)
        }
        var reader = BodyReader(index: indexes.value(for: start.process), process: start.process,
                                boilerplate: boilerplate, draft: draft)
        reader.read(tree)
        return finish(reader.draft.record, reader.draft.diagnostics)
    }

    /// The record with its diagnostics in the order of the file; none when any is an error.
    private func finish(_ record: DebriefRecord?, _ found: [Diagnostic]) -> ParsedDebrief {
        let diagnostics = found.sortedByLocation
        var withDiagnostics = record
        withDiagnostics?.diagnostics = diagnostics.map {
            DebriefRecord.RecordDiagnostic(severity: $0.severity, message: $0.message, line: $0.location.line,
                                           column: $0.location.column)
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return ParsedDebrief(record: failed ? nil : withDiagnostics, diagnostics: diagnostics)
    }
}
