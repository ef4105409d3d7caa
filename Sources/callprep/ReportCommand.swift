import ArgumentParser
import CallPrepKit

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Team report: per rep, per milestone and per stage.",
        discussion: """
            Per rep: calls, average score and its trend, the gap between the rep's own view and the evidence \
            and between rep and manager, and the two milestones missed most. Per milestone: how often it is \
            met. Per stage: where opportunities stall. Reads the index; folders given are ingested first. \
            --format html writes one self-contained page with charts.
            """
    )

    @OptionGroup var inputs: ReportInputs

    @Option(help: "Output format: md, json, csv or html.")
    var format: ReportFormat = .md

    @Option(help: "Only one part: rep, milestone or stage (csv shows one part, rep by default).")
    var by: ReportSection?

    @Flag(help: "Start the CSV with a byte-order mark, for Excel on Windows.")
    var bom = false

    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace(process: inputs.processOptions.resolved, standardInputName: inputs.standardInput.path)
                .report(inputs.scope, format: format, section: by, byteOrderMark: bom, to: outputOptions.target,
                        report: printDiagnostic,
                        note: printNote)
        }
    }
}
