import ArgumentParser
import CallPrepKit

@main
struct CallPrep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callprep",
        abstract: "Prepare sales calls, debrief them, and score them against your sales process.",
        discussion: """
            Start with `callprep init` to create a workspace with a process and an example meeting.
            `callprep docs` lists the guides to the files (meeting-file, process-file, scorecard, ...).
            Every command that reads a file also reads `-` as standard input.
            Exit codes: 0 success, 1 invalid input or a failed check, 64 usage error.
            """,
        version: CallPrepVersion.current,
        subcommands: [InitCommand.self, ProcessCommand.self, BriefCommand.self, FormCommand.self, ParseCommand.self, ScoreCommand.self, IngestCommand.self, IndexCommand.self, ReportCommand.self, CoachCommand.self, CheckCommand.self, ReviewCommand.self, NextStepsCommand.self, StatusCommand.self, MeetingCommand.self, PrepBlockCommand.self, AgendaCommand.self, DocsCommand.self, CorpusCommand.self]
    )

    /// Long lists of paths are taken around ArgumentParser first (`PathArguments`).
    static func main() {
        let arguments = PathArguments.extract(Array(CommandLine.arguments.dropFirst()))
        // From a folder inside a workspace, every command runs from the workspace's top.
        WorkingFolder.enterWorkspace()
        main(arguments)
    }
}
