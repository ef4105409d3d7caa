import ArgumentParser
import CallPrepKit
import Foundation

/// Output formats of `callprep score`.
enum ScorecardFormat: String, ExpressibleByArgument, CaseIterable {
    case text, md, json, csv
}

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score debriefs against the sales process.",
        discussion: """
            For each debrief: the status of every milestone and practice in play (met, unsupported, missed, \
            not-applicable), the evidence score beside what the rep claimed and the manager's grade, the claimed \
            and the evidenced stage, and the findings of the built-in checks (docs/checks.md). Debriefs of the \
            same opportunity count as history for later ones. Several debriefs end with a summary.
            """
    )

    @Argument(help: "Filled debrief forms ('-' reads standard input).")
    var debriefs: [String]

    @Option(help: "Output format: text, md, json or csv.")
    var format: ScorecardFormat = .text

    @Option(help: ArgumentHelp("Exit 1 when any evidence score is below this (0 to 100).", valueName: "n"))
    var minScore: Int?

    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var limitOptions: LimitOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if let minScore, !(0...100).contains(minScore) {
            throw ValidationError("--min-score must be from 0 to 100")
        }
    }

    func run() throws {
        let (cards, catalog, parseFailed) = try reportingDiagnostics { () throws(DiagnosticError) in
            let catalog = try ProcessCatalog(explicit: processOptions.process)
            let (records, failed) = try readDebriefs(debriefs, catalog: catalog, maxBytes: limitOptions.maxBytes)
            return (ScoringRun.score(records, catalog: catalog), catalog, failed)
        }
        var failed = parseFailed
        let processOf = { (card: Scorecard) in catalog.process(id: card.process.id) }
        let text = switch format {
        case .text: ScorecardText.render(cards, process: processOf, color: useColor)
        case .md: ScorecardMarkdown.render(cards, process: processOf)
        case .json: JSONOutput.render(cards)
        case .csv: CSVOutput.scorecards(cards)
        }
        try reportingDiagnostics { () throws(DiagnosticError) in
            try OutputFile.emit(text, to: outputOptions.output, force: outputOptions.force)
        }
        if let minScore {
            let low = cards.filter { $0.score < minScore }
            for card in low {
                FileHandle.standardError.write(Data("\(card.source): score \(card.score) is below --min-score \(minScore)\n".utf8))
            }
            failed = failed || !low.isEmpty
        }
        if failed { throw ExitCode(1) }
    }

    private var useColor: Bool {
        let toTerminal = (outputOptions.output ?? "-") == "-" && isatty(STDOUT_FILENO) == 1
        return TerminalColor.enabled(isTerminal: toTerminal, environment: ProcessInfo.processInfo.environment)
    }
}
