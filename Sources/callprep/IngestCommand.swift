import ArgumentParser
import CallPrepKit

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add or update debriefs in the index.",
        discussion: """
            Files are taken as given; folders are searched recursively for debrief forms. A file whose \
            content is unchanged is skipped; a changed one replaces its record; a file that is gone from an \
            ingested folder leaves the index. A debrief with errors is reported and left out; the rest are \
            indexed, all in one transaction. The files stay the source of truth: --rebuild starts afresh.
            """
    )

    @Argument(help: "Debrief files or folders.")
    var paths: [String]

    @Flag(help: "Empty the index first, then ingest everything again.")
    var rebuild = false

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var limitOptions: LimitOptions

    func run() throws {
        let summary = try reportingDiagnostics { () throws(DiagnosticError) in
            try ingest(paths, index: indexOptions.index, process: processOptions.process, rebuild: rebuild,
                       maxBytes: limitOptions.maxBytes)
        }
        print(summary.description)
        if !summary.failed.isEmpty { throw ExitCode(1) }
    }
}

/// Ingests `paths` into the index at `index`, printing each file's diagnostics.
func ingest(_ paths: [String], index: String, process: String?, rebuild: Bool = false,
            maxBytes: Int = SourceFile.defaultMaxBytes) throws(DiagnosticError) -> IngestSummary {
    let catalog = try ProcessCatalog(explicit: process)
    let parser = DebriefParser(catalog: catalog, boilerplate: FormBoilerplate(templates: try TemplateSet.load()),
                               maxBytes: maxBytes)
    let ingester = Ingester(store: try IndexStore(path: index), parser: parser, catalog: catalog)
    return try ingester.ingest(paths, rebuild: rebuild) { printDiagnostics([$0]) }
}
