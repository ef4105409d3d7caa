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

    @Option(help: "How many debriefs.")
    var count = 1_000

    @Option(help: "The seed: the same seed gives the same corpus.")
    var seed: UInt64 = 1

    func run() throws {
        try reportingDiagnostics { () throws(DiagnosticError) in
            var generator = try CorpusGenerator(seed: seed, templates: try Workspace().templates())
            for index in 0..<count {
                let (name, text) = generator.debrief(index)
                try OutputFile.write(text, to: folder + "/" + name, force: false, createFolders: true)
            }
        }
        print("Wrote \(count) debriefs to \(folder).")
    }
}
