import ArgumentParser
import CallPrepKit
import Foundation

/// Where a command writes its document.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "Write to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(help: "Replace the output file when it exists.")
    var force = false
}

/// Which sales process a command uses.
struct ProcessOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A process file, or the id of a built-in process (b2b, meddpicc). Default: ./process.yaml, else b2b.",
        valueName: "process"))
    var process: String?
}

/// The meeting a document is made for, and the process it is prepared with.
struct MeetingArguments: ParsableArguments {
    @Argument(help: "The meeting file, YAML or JSON ('-' reads standard input).")
    var meeting: String

    @OptionGroup var processOptions: ProcessOptions

    func load() throws(DiagnosticError) -> (meeting: Meeting, process: SalesProcess) {
        let process = try ProcessResolver.resolve(processOptions.process)
        return (try MeetingLoader.load(path: meeting, process: process), process)
    }
}

/// How large a debrief may be.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Refuse debriefs larger than this many bytes.", valueName: "n"))
    var maxBytes: Int = SourceFile.defaultMaxBytes

    func validate() throws {
        if maxBytes < 1 { throw ValidationError("--max-bytes must be positive") }
    }
}

/// Which index a command reads or writes.
struct IndexOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The SQLite index (default: .callprep/index.sqlite).", valueName: "file"))
    var index: String = IndexStore.defaultPath
}

/// Which debriefs a report covers.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only debriefs on or after this date.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: ArgumentHelp("Only debriefs on or before this date.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(help: "Only this rep's debriefs.")
    var rep: String?

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !CalendarDate.isValid(value) {
                throw ValidationError("\(name) must be a date such as 2026-11-24")
            }
        }
    }

    func filter(process: SalesProcess?) -> ReportFilter {
        ReportFilter(since: since, until: until, rep: rep, process: process?.id)
    }
}

/// Debriefs to ingest before reading the index, so that one command does the whole job.
struct SourceArguments: ParsableArguments {
    @Argument(help: "Debrief files or folders to ingest into the index first (optional).")
    var paths: [String] = []

    /// Ingests `paths`, if any, reporting problems on standard error; the report goes on without
    /// the files that had errors.
    func ingestFirst(index: String, process: String?, maxBytes: Int) throws(DiagnosticError) {
        guard !paths.isEmpty else { return }
        let summary = try ingest(paths, index: index, process: process, maxBytes: maxBytes)
        FileHandle.standardError.write(Data((summary.description + "\n").utf8))
    }
}

/// What `report` and `coach` read: folders to ingest first, the index, the filters, the process.
struct ReportInputs: ParsableArguments {
    @OptionGroup var sources: SourceArguments
    @OptionGroup var filterOptions: FilterOptions
    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var limitOptions: LimitOptions

    /// Ingests what was given, then opens the index with the filter the options describe.
    func open() throws(DiagnosticError) -> (store: IndexStore, catalog: ProcessCatalog, filter: ReportFilter) {
        try sources.ingestFirst(index: indexOptions.index, process: processOptions.process,
                                maxBytes: limitOptions.maxBytes)
        let catalog = try ProcessCatalog(explicit: processOptions.process)
        return (try IndexStore(path: indexOptions.index), catalog, filterOptions.filter(process: catalog.explicitProcess))
    }
}
