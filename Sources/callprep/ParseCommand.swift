import ArgumentParser
import CallPrepKit

/// Output formats of `callprep parse`.
enum RecordFormat: String, ExpressibleByArgument, CaseIterable {
    case json, csv
}

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read filled debrief forms into records.",
        discussion: """
            Prints a JSON array of records (docs/debrief-record.md), or CSV with one row per item. Warnings \
            are printed and the record is still made; a file with errors is reported in full, left out, \
            and the command exits 1 after reading the rest.
            """
    )

    @Argument(help: "Filled debrief forms ('-' reads standard input).")
    var debriefs: [String]

    @Option(help: "Output format: json or csv.")
    var format: RecordFormat = .json

    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var limitOptions: LimitOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        let (records, failed) = try reportingDiagnostics { () throws(DiagnosticError) in
            try readDebriefs(debriefs, catalog: try ProcessCatalog(explicit: processOptions.process),
                             maxBytes: limitOptions.maxBytes)
        }
        let text = format == .json ? JSONOutput.render(records) : CSVOutput.records(records)
        try reportingDiagnostics { () throws(DiagnosticError) in
            try OutputFile.emit(text, to: outputOptions.output, force: outputOptions.force)
        }
        if failed { throw ExitCode(1) }
    }
}
