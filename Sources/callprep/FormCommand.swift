import ArgumentParser
import CallPrepKit

struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Write the debrief form for a meeting, to fill in after the call.",
        discussion: """
            The form lists every milestone in play and every call practice as a task item with room for \
            evidence, tables for next steps, pains and people met, the rep's self-assessment, the manager's \
            review and coaching notes. A milestone the deal's history (the index, or a debriefs folder, as \
            for brief) already shows met is not asked again: the form shows it met, with the date and file \
            of the debrief that met it. It comes from the template \
            debrief.md.mustache: the workspace's templates/ folder overrides the built-in one.
            """
    )

    @OptionGroup var meetingArguments: MeetingArguments
    @OptionGroup var historyOptions: HistoryOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace(process: meetingArguments.processOptions.resolved, teamWorkspace: historyOptions.team.name)
                .form(meeting: meetingArguments.path, index: historyOptions.given, debriefs: WorkingFolder.path(historyOptions.debriefs),
                      to: outputOptions.target, report: printDiagnostic, note: printNote)
        }
    }
}
