import ArgumentParser
import CallPrepKit

extension NextStepsFormat: ExpressibleByArgument {}
extension CRMFlavour: ExpressibleByArgument {}

/// Which states `next-steps` lists.
enum StepStateChoice: String, ExpressibleByArgument, CaseIterable {
    case open, done, dropped, all

    var states: Set<StepState> {
        switch self {
        case .open: [.open]
        case .done: [.done]
        case .dropped: [.dropped]
        case .all: Set(StepState.allCases)
        }
    }
}

struct NextStepsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next-steps",
        abstract: "List every deal's next steps, followed across its debriefs until they are done or dropped.",
        discussion: """
            A step is known by its deal and its action (or the #id a rep writes after it), and stays open \
            from the debrief that made it until a later debrief marks it done or dropped in the State column. \
            Each step shows its owner and whose side they are on, its due date (a relative one such as \
            "Friday" resolved against the call's date, the rep's words beside it), the debrief that made it, \
            its age in days, whether the last call moved it, and a flag when it stayed open through two later \
            calls with no owner on the customer's side; then the deals whose open steps are all ours. \
            --state lists open (the default), done, dropped or all steps; --date is the day ages and overdue \
            are judged on (default today). Without paths it reads the workspace: its index when there is one, \
            else debriefs/. --format csv is a CRM's task import: --crm salesforce, hubspot or generic \
            (docs/crm.md), assignees' emails from callprep.yaml and the meeting files, --bom for Excel. Names \
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

    @Option(help: "Which steps: open, done, dropped or all.")
    var state: StepStateChoice = .open

    @OptionGroup var day: DayOptions

    @Option(help: "Output format: text, md, csv or json.")
    var format: NextStepsFormat = .text

    @Option(help: "The CRM a CSV is shaped for: generic, salesforce or hubspot (docs/crm.md).")
    var crm: CRMFlavour = .generic

    @OptionGroup var csvOptions: CSVOptions

    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if format != .csv, crm != .generic { throw ValidationError("--crm shapes a CSV: add --format csv.") }
        if format != .csv, csvOptions.bom { throw ValidationError("--bom starts a CSV: add --format csv.") }
        try team.check(index: WorkingFolder.index(index))
    }

    func run() throws {
        let given = try PathArguments.expand(paths)
        let failed = try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace(process: processOptions.resolved, teamWorkspace: team.name)
                .nextSteps(given, index: WorkingFolder.index(index), date: day.day,
                           filter: NextStepList.Filter(owner: owner, rep: rep, overdueOnly: overdue, states: state.states),
                           output: NextStepsOutputRequest(format: format, crm: crm, byteOrderMark: csvOptions.bom),
                           to: outputOptions.target, report: printDiagnostic, note: printNote)
        }
        if failed { throw ExitCode(1) }
    }
}
