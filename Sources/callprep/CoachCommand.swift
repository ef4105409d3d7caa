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

    @OptionGroup var inputs: ReportInputs

    @Option(help: "Output format: md or json.")
    var format: CoachFormat = .md

    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingDiagnostics { () throws(DiagnosticError) in
            let (store, catalog, filter) = try inputs.open()
            let notes = try store.coachingNotes(filter, catalog: catalog)
            let text = format == .md ? CoachingMarkdown.render(notes) : JSONOutput.render(notes)
            try OutputFile.emit(text, to: outputOptions.output, force: outputOptions.force)
        }
    }
}
