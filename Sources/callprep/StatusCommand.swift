import ArgumentParser
import CallPrepKit

extension StatusFormat: ExpressibleByArgument {}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "What the workspace is missing: briefs, debriefs, reviews, fixes and overdue steps.",
        discussion: """
            For the workspace in the current folder (meetings/, briefs/, debriefs/), on --date (default today): \
            upcoming calls without a brief in briefs/, past calls without a debrief (by meeting id), debriefs \
            with errors, debriefs waiting for a manager's review (no reviewer or no grade yet), and overdue \
            next steps, each list with its count. With --index (or CALLPREP_INDEX) the debriefs are those of that \
            index, such as the team's, instead of debriefs/.
            """
    )

    @OptionGroup var day: DayOptions

    @Option(help: "Output format: text, md or json.")
    var format: StatusFormat = .text

    @OptionGroup var debriefSource: DebriefSourceOptions

    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace(process: processOptions.resolved, teamWorkspace: debriefSource.team.name)
                .status(date: day.day, index: debriefSource.given, format: format, to: outputOptions.target)
        }
    }
}
