import ArgumentParser
import CallPrepKit

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write the prep brief for a meeting.",
        discussion: """
            The brief holds the call's objective and outcomes, an up-front agreement to open with, who \
            attends and their roles, where the deal stands, the milestones this call must reach with the \
            questions to ask, and the risks the meeting data shows. With earlier debriefs of the same \
            opportunity (from the index, or a debriefs folder) it also shows where the deal stands: milestones \
            met and by which debrief, the last call's next steps and which are overdue, and recent coaching notes. It comes from the template \
            brief.md.mustache: the workspace's templates/ folder overrides the built-in one.
            """
    )

    @OptionGroup var meetingArguments: MeetingArguments

    @OptionGroup var historyOptions: HistoryOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace(process: meetingArguments.processOptions.resolved, teamWorkspace: historyOptions.team.name)
                .brief(meeting: meetingArguments.path, index: historyOptions.given, debriefs: WorkingFolder.path(historyOptions.debriefs),
                       to: outputOptions.target, report: printDiagnostic, note: printNote)
        }
    }
}
