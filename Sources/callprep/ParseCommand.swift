import ArgumentParser
import CallPrepKit

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read filled debrief forms into records.",
        discussion: """
            Prints a JSON array of records (`callprep docs debrief-record`), or CSV with one row per item. Warnings \
            are printed and the record is still made; a file with errors is reported in full, left out, \
            and the command exits 1 after reading the rest.
            """
    )

    @Argument(help: "Filled debrief forms, or folders of them ('-' reads standard input).", completion: Completions.debriefs)
    var debriefs: [String] = []

    @OptionGroup var pathList: PathListOptions

    @Option(help: "Output format: json or csv.")
    var format: RecordFormat = .json

    @OptionGroup var csvOptions: CSVOptions
    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var limitOptions: LimitOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        try pathList.require(debriefs)
    }

    func run() throws {
        let paths = try pathList.paths(debriefs)
        let failed = try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace(process: processOptions.resolved, progress: ProgressLine.shared.callback)
                .parse(paths, format: format, maxBytes: limitOptions.maxBytes, byteOrderMark: csvOptions.bom,
                       to: outputOptions.target,
                       report: printDiagnostic)
        }
        if failed { throw ExitCode(1) }
    }
}
