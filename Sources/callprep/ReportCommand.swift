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
            --format html writes one self-contained page with charts, with the review backlog per manager and \
            per rep and how often managers agree with the judge. --disagreements writes instead, per item and \
            evidence rule, where managers' reviews disagree with the judge, with examples and what to look at in \
            the process file (md, json or csv).
            """
    )

    @OptionGroup var inputs: ReportInputs

    @Option(help: "Output format: md, json, csv or html.")
    var format: ReportFormat = .md

    @Option(help: "Only one part: rep, milestone or stage (csv shows one part, rep by default).")
    var by: ReportSection?

    @OptionGroup var csvOptions: CSVOptions

    @Flag(help: "Where managers' reviews disagree with the judge, per item and evidence rule (md, json or csv).")
    var disagreements = false

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        guard disagreements else { return }
        if DisagreementFormat(format) == nil { throw ValidationError("--disagreements writes md, json or csv, not \(format.rawValue).") }
        if by != nil { throw ValidationError("--by is a part of the team report: --disagreements has one part.") }
    }

    func run() throws {
        try reportingDiagnostics { () throws(DiagnosticError) in
            let workspace = try Workspace(process: inputs.processOptions.resolved, standardInputName: inputs.standardInput.path,
                                          teamWorkspace: inputs.indexOptions.team.name)
            if disagreements, let format = DisagreementFormat(format) {
                return try workspace.disagreements(inputs.scope, format: format, byteOrderMark: csvOptions.bom,
                                                   to: outputOptions.target, report: printDiagnostic, note: printNote)
            }
            try workspace
                .report(inputs.scope, format: format, section: by, byteOrderMark: csvOptions.bom, to: outputOptions.target,
                        report: printDiagnostic,
                        note: printNote)
        }
    }
}
