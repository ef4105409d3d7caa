import ArgumentParser
import CallPrepKit
import Foundation

/// Where a command writes its document.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "Write to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(help: "Replace the output file when it exists.")
    var force = false

    var target: OutputTarget { OutputTarget(path: WorkingFolder.path(output), force: force) }
}

/// How a command's CSV starts.
struct CSVOptions: ParsableArguments {
    @Flag(help: "Start a CSV with a byte-order mark, for Excel on Windows.")
    var bom = false
}

/// Which sales process a command uses.
struct ProcessOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A process file, or the id of a built-in process (b2b, meddpicc). Default: ./process.yaml, else b2b.",
        valueName: "process"), completion: .custom { _, _, prefix in Completions.processes(prefix) })
    var process: String?

    /// `--process`, a file named from the folder the command was started in, or an id.
    var resolved: String? { WorkingFolder.process(process) }
}

/// The meeting a document is made for, and the process it is prepared with.
struct MeetingArguments: ParsableArguments {
    @Argument(help: "The meeting file, YAML or JSON ('-' reads standard input).", completion: Completions.meetings)
    var meeting: String

    /// The meeting file, from the workspace's top.
    var path: String { WorkingFolder.path(meeting) }

    @OptionGroup var processOptions: ProcessOptions
}

/// How large a debrief may be.
struct LimitOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Refuse debriefs larger than this many bytes (1 to \(SourceFile.largestMaxBytes)).", valueName: "n"))
    var maxBytes: Int = SourceFile.defaultMaxBytes

    func validate() throws {
        try NumberRange.check("--max-bytes", maxBytes, 1...SourceFile.largestMaxBytes)
    }
}

/// Which index a command reads or writes.
struct IndexOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The index: an SQLite file (default: .callprep/index.sqlite in the workspace), or a team "
        + "index, postgres://USER@HOST:PORT/DB (default: $CALLPREP_INDEX).", valueName: "file|url"),
            completion: Completions.index)
    var index: String?

    @OptionGroup var team: TeamOptions

    /// `--index`, else `$CALLPREP_INDEX`; nil for the workspace's.
    var given: String? { WorkingFolder.index(index) }
    /// The index given, else the workspace's.
    var path: String { given ?? IndexStore.defaultPath }

    func validate() throws {
        try team.check(index: given)
    }
}

/// Where `status` and `agenda` read the debriefs: `debriefs/`, or an index.
struct DebriefSourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read the debriefs from this index instead of debriefs/: an SQLite file or a team index, "
        + "postgres://... (default: $CALLPREP_INDEX).", valueName: "file|url"), completion: Completions.index)
    var index: String?

    @OptionGroup var team: TeamOptions

    /// `--index`, else `$CALLPREP_INDEX`; nil for `debriefs/`.
    var given: String? { WorkingFolder.index(index) }

    func validate() throws {
        try team.check(index: given)
    }
}

/// Which team's rows of a team index a command reads or writes.
struct TeamOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The team's rows in a team index shared by several teams (default: $CALLPREP_WORKSPACE, "
        + "else 'default').", valueName: "name"))
    var workspace: String?

    /// `--workspace`, else `$CALLPREP_WORKSPACE`.
    var name: String? {
        workspace ?? ProcessInfo.processInfo.environment["CALLPREP_WORKSPACE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `--workspace` means something only with a team index.
    func check(index: String?) throws {
        if workspace != nil, !(index.map(TeamIndexAddress.isAddress) ?? false) {
            throw ValidationError("--workspace names a team's rows in a team index: give --index postgres://... "
                                  + "(or set CALLPREP_INDEX).")
        }
    }
}

/// The team index `callprep index` administers.
struct TeamIndexArgument: ParsableArguments {
    @Option(help: ArgumentHelp("The team index, postgres://USER@HOST:PORT/DB (default: $CALLPREP_INDEX).", valueName: "url"))
    var index: String?

    var address: String { WorkingFolder.index(index) ?? "" }

    func validate() throws {
        guard let given = WorkingFolder.index(index), TeamIndexAddress.isAddress(given) else {
            throw ValidationError("Give the team index: --index postgres://USER@HOST:PORT/DB (or set CALLPREP_INDEX).")
        }
    }
}

/// What a debrief read from standard input is known by: `--as`, for the commands that store
/// debriefs or count them as a deal's history.
struct StandardInputOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp(
        "The path in the workspace of the debrief read from '-': stored under it, and counted in its place "
            + "in the deal's history. Without it, such a debrief is <stdin> and never stored.", valueName: "path"))
    var name: String?

    /// The name, from the workspace's top.
    var path: String? { WorkingFolder.path(name) }

    /// A usage error when `--as` names no debrief read from `-`, or when `storing` a debrief read
    /// from `-` that has no name.
    func check(_ given: [String], storing: Bool) throws {
        if name != nil, !given.contains("-") {
            throw ValidationError("--as names the debrief read from standard input: add '-' to the paths.")
        }
        if name == "-" { throw ValidationError("--as must be a path, such as debriefs/acme-2026-12-01.md.") }
        if storing, name == nil, given.contains("-") {
            throw ValidationError("A debrief read from standard input is stored only under a name: add --as PATH "
                                  + "(its path in the workspace, such as debriefs/acme-2026-12-01.md).")
        }
    }
}

/// Which debriefs a report covers.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only debriefs on or after this date.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: ArgumentHelp("Only debriefs on or before this date.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(help: "Only this rep's debriefs.")
    var rep: String?

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !CalendarDate.isValid(value) {
                throw ValidationError("\(name) must be a date such as 2026-11-24")
            }
        }
    }
}

/// What `report` and `coach` read: folders to ingest first, the index, the filters, the process.
struct ReportInputs: ParsableArguments {
    @Argument(help: "Debrief files or folders to ingest into the index first (optional).", completion: Completions.debriefs)
    var paths: [String] = []

    @OptionGroup var filterOptions: FilterOptions
    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var limitOptions: LimitOptions
    @OptionGroup var standardInput: StandardInputOptions

    func validate() throws {
        try standardInput.check(paths, storing: false)
    }

    var scope: ReportScope {
        ReportScope(sources: (try? PathArguments.expand(paths)) ?? paths, index: indexOptions.given,
                    since: filterOptions.since,
                    until: filterOptions.until, rep: filterOptions.rep, maxBytes: limitOptions.maxBytes)
    }
}

extension RecordFormat: ExpressibleByArgument {}
extension ScorecardFormat: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension ReportSection: ExpressibleByArgument {}
extension CoachFormat: ExpressibleByArgument {}

/// Where `brief` and `form` find the deal's earlier debriefs.
struct HistoryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Take the deal's history from this index, an SQLite file or postgres://... (default: "
        + "$CALLPREP_INDEX, else .callprep/index.sqlite when it exists, else the debriefs/ folder).", valueName: "file|url"),
            completion: Completions.index)
    var index: String?

    @OptionGroup var team: TeamOptions

    @Option(help: ArgumentHelp("Take the deal's history from the debriefs in this folder.", valueName: "folder"))
    var debriefs: String?

    /// `--index`, else `$CALLPREP_INDEX` unless `--debriefs` is given.
    var given: String? { index != nil || debriefs == nil ? WorkingFolder.index(index) : nil }

    func validate() throws {
        try team.check(index: given)
    }
}

/// The day `next-steps` and `status` judge on.
struct DayOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The day to judge on (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    func validate() throws {
        if let date, !CalendarDate.isValid(date) { throw ValidationError("--date must be a date such as 2026-11-24") }
    }

    var day: String { date ?? CalendarDate.today() }
}

/// The range of a numeric option, said the same way for every one. Numeric options parse
/// unconditionally, so `--gap -5` reaches this check instead of reading `-5` as a flag.
enum NumberRange {
    static func check(_ option: String, _ value: some BinaryInteger, _ range: ClosedRange<Int>) throws {
        guard let value = Int(exactly: value), range.contains(value) else {
            throw ValidationError("\(option) must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
        }
    }
}
