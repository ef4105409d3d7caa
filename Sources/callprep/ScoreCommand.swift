import ArgumentParser
import CallPrepKit
import Foundation

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score debriefs against the sales process.",
        discussion: """
            For each debrief: the status of every milestone and practice in play (met, unsupported, missed, \
            not-applicable), the evidence score beside what the rep claimed and the manager's grade, the claimed \
            and the evidenced stage, and the findings of the built-in checks (`callprep docs checks`). Earlier debriefs \
            of the same opportunity count as history: those given, and those in the workspace's index (or its \
            debriefs/ folder), so a debrief scores the same alone as in its folder. Several debriefs end with a \
            summary.
            """
    )

    @Argument(help: "Filled debrief forms, or folders of them ('-' reads standard input).", completion: Completions.debriefs)
    var debriefs: [String] = []

    @OptionGroup var pathList: PathListOptions

    @Option(help: "Output format: text, md, json or csv.")
    var format: ScorecardFormat = .text

    @OptionGroup var csvOptions: CSVOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("Exit 1 when any evidence score is below this (0 to 100).", valueName: "n"))
    var minScore: Int?

    @Flag(help: "Count only the debriefs given as a deal's history, not the workspace's index or debriefs/ folder.")
    var noHistory = false

    @OptionGroup var standardInput: StandardInputOptions
    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var limitOptions: LimitOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        try pathList.require(debriefs)
        try standardInput.check(debriefs, storing: false)
        if let minScore { try NumberRange.check("--min-score", minScore, 0...100) }
    }

    func run() throws {
        let paths = try pathList.paths(debriefs)
        let outcome = try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace(process: processOptions.resolved, standardInputName: standardInput.path, progress: ProgressLine.shared.callback)
                .score(paths, format: format, minScore: minScore, maxBytes: limitOptions.maxBytes, color: useColor,
                       history: !noHistory, byteOrderMark: csvOptions.bom, to: outputOptions.target, report: printDiagnostic, note: printNote)
        }
        outcome.belowMinimum.forEach(printNote)
        if outcome.failed || !outcome.belowMinimum.isEmpty { throw ExitCode(1) }
    }

    private var useColor: Bool {
        let toTerminal = (outputOptions.output ?? "-") == "-" && isatty(STDOUT_FILENO) == 1
        return TerminalColor.enabled(isTerminal: toTerminal, environment: ProcessInfo.processInfo.environment)
    }
}
