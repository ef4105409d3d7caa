import ArgumentParser
import CallPrepKit

extension NextStepsFormat: ExpressibleByArgument {}

struct NextStepsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next-steps",
        abstract: "List the open next steps across deals, from the latest debrief of each opportunity.",
        discussion: """
            Each step with its action, owner, due date and state (due, overdue, or undated, on --date, \
            default today), its opportunity, account and rep, and the file and line it comes from. Without \
            paths it reads the workspace: its index when there is one, else debriefs/. --format csv is shaped \
            for a CRM's task import (Subject, Due Date, Assigned To, Related To, Status, Description). Names \
            match whatever their case and accents; a name that matches nothing lists the known ones.
            """
    )

    @Argument(help: "Debrief files or folders (default: the workspace's index, else debriefs/).", completion: Completions.debriefs)
    var paths: [String] = []

    @Option(help: ArgumentHelp("Read this index instead of the files: an SQLite file or postgres://... (default: "
        + "$CALLPREP_INDEX, else the workspace's).", valueName: "file|url"), completion: Completions.index)
    var index: String?

    @OptionGroup var team: TeamOptions

    @Option(help: "Only the steps this person owns.")
    var owner: String?

    @Option(help: "Only the deals of this rep.")
    var rep: String?

    @Flag(help: "Only the overdue steps.")
    var overdue = false

    @OptionGroup var day: DayOptions

    @Option(help: "Output format: text, md, csv or json.")
    var format: NextStepsFormat = .text

    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        try team.check(index: WorkingFolder.index(index))
    }

    func run() throws {
        let given = try PathArguments.expand(paths)
        let failed = try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace(process: processOptions.resolved, teamWorkspace: team.name)
                .nextSteps(given, index: WorkingFolder.index(index), date: day.day,
                           filter: NextStepList.Filter(owner: owner, rep: rep, overdueOnly: overdue), format: format,
                           to: outputOptions.target, report: printDiagnostic, note: printNote)
        }
        if failed { throw ExitCode(1) }
    }
}
