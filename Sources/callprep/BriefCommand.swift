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

    @OptionGroup var meetingArguments: MeetingArguments
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingDiagnostics { () throws(DiagnosticError) in
            let (meeting, process) = try meetingArguments.load()
            let brief = DocumentRenderer.brief(meeting: meeting, process: process, templates: try TemplateSet.load(),
                                               meetingPath: meetingArguments.meeting)
            try OutputFile.emit(brief, to: outputOptions.output, force: outputOptions.force)
        }
    }
}
