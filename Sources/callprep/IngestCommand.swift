import ArgumentParser
import CallPrepKit

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add or update debriefs in the index.",
        discussion: """
            Files are taken as given; folders are searched recursively for debrief forms. A file whose \
            content is unchanged is skipped; a changed one replaces its record; a file that is gone from an \
            ingested folder leaves the index. A debrief with errors is reported and left out; the rest are \
            indexed, all in one transaction. A file that cannot be read is an error, and what the index holds \
            of it is kept. Two runs on one index take turns (a lock file beside it). The files stay the \
            source of truth: --rebuild starts afresh, and recovers a damaged index.
            """
    )

    @Argument(help: "Debrief files or folders.", completion: Completions.debriefs)
    var paths: [String] = []

    @OptionGroup var pathList: PathListOptions

    @Flag(help: "Build a new index from the files alone, in place of the old one when it is complete (also for a damaged index).")
    var rebuild = false

    @OptionGroup var standardInput: StandardInputOptions
    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var processOptions: ProcessOptions
    @OptionGroup var limitOptions: LimitOptions

    func validate() throws {
        try pathList.require(paths)
        try standardInput.check(paths, storing: true)
    }

    func run() throws {
        let paths = try pathList.paths(paths)
        let summary = try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace(process: processOptions.resolved, standardInputName: standardInput.path,
                          teamWorkspace: indexOptions.team.name, progress: ProgressLine.shared.callback)
                .ingest(paths, index: indexOptions.path, rebuild: rebuild, maxBytes: limitOptions.maxBytes,
                        report: printDiagnostic)
        }
        print(summary.description)
        if !summary.failed.isEmpty || !summary.unreadable.isEmpty { throw ExitCode(1) }
    }
}
