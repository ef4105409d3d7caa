import ArgumentParser
import CallPrepKit

/// Output formats of `callprep coach`.
enum CoachFormat: String, ExpressibleByArgument, CaseIterable {
    case md, json
}

struct CoachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coach",
        abstract: "Coaching notes collected per rep and milestone, newest first.",
        discussion: "Each note with its date and file:line. Reads the index; folders given are ingested first."
    )

    @OptionGroup var sources: SourceArguments

    @Option(help: "Output format: md or json.")
    var format: CoachFormat = .md

    @OptionGroup var filterOptions: FilterOptions
    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var limitOptions: LimitOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingDiagnostics { () throws(DiagnosticError) in
            try sources.ingestFirst(index: indexOptions.index, process: processOptions.process,
                                    maxBytes: limitOptions.maxBytes)
            let catalog = try ProcessCatalog(explicit: processOptions.process)
            let explicit = processOptions.process.flatMap { _ in catalog.process(id: nil) }
            let notes = try IndexStore(path: indexOptions.index)
                .coachingNotes(filterOptions.filter(process: explicit), catalog: catalog)
            let text = format == .md ? CoachingMarkdown.render(notes) : JSONOutput.render(notes)
            try OutputFile.emit(text, to: outputOptions.output, force: outputOptions.force)
        }
    }
}
