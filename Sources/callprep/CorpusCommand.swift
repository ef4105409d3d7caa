import ArgumentParser
import CallPrepKit
import CallPrepCorpus

/// A developer's tool: writes a generated corpus of filled debriefs for tests and benchmarks.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-corpus",
        abstract: "Write N realistic filled debriefs, deterministically from a seed (for benchmarks).",
        shouldDisplay: false
    )

    @Argument(help: "The folder to write into; created when missing.")
    var folder: String

    @Option(parsing: .unconditional, help: "How many debriefs (0 to 1000000).")
    var count = 1_000

    @Option(parsing: .unconditional, help: "The seed: the same seed gives the same corpus.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Calls per opportunity, 1 to 1000000 (a long deal: as many as --count).")
    var callsPerOpportunity = 5

    func validate() throws {
        try NumberRange.check("--count", count, 0...1_000_000)
        try NumberRange.check("--calls-per-opportunity", callsPerOpportunity, 1...1_000_000)
    }

    func run() throws {
        try reportingDiagnostics { () throws(DiagnosticError) in
            let templates = try Workspace().templates()
            var generator = try CorpusGenerator(seed: seed, templates: templates, callsPerOpportunity: callsPerOpportunity)
            for index in 0..<count {
                let debrief: (name: String, text: String)
                do throws(FormFillerError) {
                    debrief = try generator.debrief(index)
                } catch {
                    let template = templates.origins[TemplateSet.formName] ?? TemplateSet.formName
                    throw DiagnosticError([Diagnostic(file: template, error)])
                }
                try OutputFile.write(debrief.text, to: WorkingFolder.path(folder) + "/" + debrief.name, force: false, createFolders: true)
            }
        }
        print("Wrote \(count) debriefs to \(folder).")
    }
}
