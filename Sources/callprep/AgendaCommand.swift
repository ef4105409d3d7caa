import ArgumentParser
import CallPrepKit

extension AgendaFormat: ExpressibleByArgument {}

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "The day's customer calls, with their brief, debrief and next steps.",
        discussion: """
            The calls of --date (default today) from meetings/, and the customer meetings of that day in any \
            calendar file given that are not imported yet, in time order: time, account, type and attendees; \
            whether the brief was written (briefs/); whether the debrief exists (debriefs/), its evidence \
            score, and whether a manager reviewed it; and the deal's open next steps due that day or overdue. \
            With --index (or CALLPREP_INDEX) the debriefs are those of that index, such as the team's. \
            JSON fields are described by `callprep docs calendar`.
            """
    )

    @Argument(help: "Calendar files (.ics) whose events of the day are listed too.", completion: Completions.calendars)
    var calendars: [String] = []

    @OptionGroup var day: DayOptions

    @Option(help: "Output format: text, md or json.")
    var format: AgendaFormat = .text

    @OptionGroup var debriefSource: DebriefSourceOptions

    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace(process: processOptions.resolved, teamWorkspace: debriefSource.team.name)
                .agenda(date: day.day, calendars: calendars.map(WorkingFolder.path), index: debriefSource.given,
                        format: format, to: outputOptions.target, note: printNote)
        }
    }
}
