import ArgumentParser
import CallPrepKit

/// Where a command writes its document.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "Write to this file instead of standard output.", valueName: "path"))
    var output: String?

    @Flag(help: "Replace the output file when it exists.")
    var force = false
}

/// Which sales process a command uses.
struct ProcessOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A process file, or the id of a built-in process (b2b, meddpicc). Default: ./process.yaml, else b2b.",
        valueName: "process"))
    var process: String?
}

/// The meeting a document is made for, and the process it is prepared with.
struct MeetingArguments: ParsableArguments {
    @Argument(help: "The meeting file, YAML or JSON ('-' reads standard input).")
    var meeting: String

    @OptionGroup var processOptions: ProcessOptions

    func load() throws(DiagnosticError) -> (meeting: Meeting, process: SalesProcess) {
        let process = try ProcessResolver.resolve(processOptions.process)
        return (try MeetingLoader.load(path: meeting, process: process), process)
    }
}
