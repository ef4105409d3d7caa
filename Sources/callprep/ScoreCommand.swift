import ArgumentParser
import CallPrepKit
import Foundation

extension ScorecardFormat: ExpressibleByArgument {}

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

    @Argument(help: "Filled debrief forms, or folders of them ('-' reads standard input).")
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
        var failed = false
        var low: [String] = []
        try reportingDiagnostics { () throws(DiagnosticError) in
            let catalog = try ProcessCatalog(explicit: processOptions.process)
            let parser = try debriefParser(catalog: catalog, maxBytes: limitOptions.maxBytes)
            var writer = ScorecardWriter(format: format, process: { catalog.process(id: $0.process.id) },
                                         color: useColor)
            let render = { @Sendable [writer] card in writer.piece(card) }
            // Each scorecard is written as it is made; a file appears, whole, only at the end.
            let output = try OutputSink(outputOptions.output, force: outputOptions.force)
            try output.write(writer.start)
            let (paths, folderProblems) = DebriefFiles.expandingFolders(debriefs)
            printDiagnostics(folderProblems)
            try ScoringRun.score(paths, parser: parser, catalog: catalog, render: render) {
                parsed, card, piece throws(DiagnosticError) in
                printDiagnostics(parsed.diagnostics)
                failed = failed || parsed.hasErrors
                guard let card, let piece else { return }
                try output.write(writer.add(card, piece: piece))
                if let minScore, card.score < minScore {
                    low.append("\(card.source): score \(card.score) is below --min-score \(minScore)")
                }
            }
            try output.write(writer.end)
            try output.finish()
        }
        if !low.isEmpty {
            FileHandle.standardError.write(Data(low.map { $0 + "\n" }.joined().utf8))
        }
        if failed || !low.isEmpty { throw ExitCode(1) }
    }

    private var useColor: Bool {
        let toTerminal = (outputOptions.output ?? "-") == "-" && isatty(STDOUT_FILENO) == 1
        return TerminalColor.enabled(isTerminal: toTerminal, environment: ProcessInfo.processInfo.environment)
    }
}
