import ArgumentParser
import CallPrepKit

struct PrepBlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prep-block",
        abstract: "Write a calendar event (.ics) for the prep time before a call.",
        discussion: """
            One event, ending --gap minutes before the call and as long as the process's prep_minutes \
            (default 30) or --minutes, in the call's time zone. Its summary is "Prep: ACCOUNT, TYPE"; its \
            description holds the objective, the outcomes and the command that prints the brief. The UID comes \
            from the meeting id, so importing a newer block into Google Calendar, Outlook or Apple Calendar \
            updates the one there instead of adding a second.
            """
    )

    @OptionGroup var arguments: MeetingArguments

    @Option(parsing: .unconditional,
            help: ArgumentHelp("The block's length, 1 to 1440 (default: the process's prep_minutes).", valueName: "n"))
    var minutes: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Minutes between the block's end and the call, 0 to 10080.", valueName: "n"))
    var gap = 0

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if let minutes { try NumberRange.check("--minutes", minutes, 1...24 * 60) }
        try NumberRange.check("--gap", gap, 0...7 * 24 * 60)
    }

    func run() throws {
        try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace(process: arguments.processOptions.resolved)
                .prepBlock(meeting: arguments.path, minutes: minutes, gap: gap, to: outputOptions.target)
        }
    }
}
