import ArgumentParser
import CallPrepKit

struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Write the debrief form for a meeting, to fill in after the call.",
        discussion: """
            The form lists every milestone in play and every call practice as a task item with room for \
            evidence, tables for next steps, pains and people met, the rep's self-assessment, the manager's \
            review and coaching notes. It comes from the template debrief.md.mustache: the workspace's \
            templates/ folder overrides the built-in one.
            """
    )

    @Argument(help: "The meeting file, YAML or JSON ('-' reads standard input).")
    var meeting: String

    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingDiagnostics { () throws(DiagnosticError) in
            let process = try ProcessResolver.resolve(processOptions.process)
            let loaded = try MeetingLoader.load(path: meeting, process: process)
            let form = DocumentRenderer.form(meeting: loaded, process: process, templates: try TemplateSet.load())
            try OutputFile.emit(form, to: outputOptions.output, force: outputOptions.force)
        }
    }
}
