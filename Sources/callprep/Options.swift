import ArgumentParser

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
