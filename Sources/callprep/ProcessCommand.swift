import ArgumentParser

struct ProcessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Validate and summarise sales process files.",
        subcommands: [ProcessCheckCommand.self, ProcessShowCommand.self]
    )
}
