import ArgumentParser
import CallPrepKit

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
            try Workspace(process: inputs.processOptions.resolved, standardInputName: inputs.standardInput.path,
                          teamWorkspace: inputs.indexOptions.team.name)
                .coach(inputs.scope, format: format, to: outputOptions.target, report: printDiagnostic, note: printNote)
        }
    }
}
