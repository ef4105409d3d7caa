import ArgumentParser
import CallPrepKit

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write the prep brief for a meeting.",
        discussion: """
            The brief holds the call's objective and outcomes, an up-front agreement to open with, who \
            attends and their roles, where the deal stands, the milestones this call must reach with the \
            questions to ask, and the risks the meeting data shows. It comes from the template \
            brief.md.mustache: the workspace's templates/ folder overrides the built-in one.
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
            let brief = DocumentRenderer.brief(meeting: loaded, process: process, templates: try TemplateSet.load(),
                                               meetingPath: meeting)
            try OutputFile.emit(brief, to: outputOptions.output, force: outputOptions.force)
        }
    }
}
