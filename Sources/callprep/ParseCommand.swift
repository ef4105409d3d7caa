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

    @Argument(help: "Filled debrief forms, or folders of them ('-' reads standard input).")
    var debriefs: [String]

    @Option(help: "Output format: json or csv.")
    var format: RecordFormat = .json

    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var limitOptions: LimitOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        var failed = false
        try reportingDiagnostics { () throws(DiagnosticError) in
            let parser = try debriefParser(catalog: try ProcessCatalog(explicit: processOptions.process),
                                           maxBytes: limitOptions.maxBytes)
            var json = JSONOutput.ArrayWriter()
            // Each record is written as it is read; a file appears, whole, only at the end.
            let output = try OutputSink(outputOptions.output, force: outputOptions.force)
            try output.write(format == .json ? json.start : CSVOutput.recordHeader)
            let format = format
            let render = { @Sendable record in
                format == .json ? JSONOutput.ArrayWriter.indented(record) : CSVOutput.rows(record)
            }
            let (paths, folderProblems) = DebriefFiles.expandingFolders(debriefs)
            printDiagnostics(folderProblems)
            try parser.parseAll(paths, render: render) { parsed, piece throws(DiagnosticError) in
                printDiagnostics(parsed.diagnostics)
                failed = failed || parsed.hasErrors
                guard let piece else { return }
                try output.write(format == .json ? json.element(piece) : piece)
            }
            try output.write(format == .json ? json.end : "")
            try output.finish()
        }
        if failed { throw ExitCode(1) }
    }
}
