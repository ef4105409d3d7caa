import ArgumentParser
import CallPrepKit

struct ProcessShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the process as a readable Markdown summary."
    )

    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace(process: processOptions.resolved).showProcess(to: outputOptions.target)
        }
    }
}
