import ArgumentParser

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Make meeting files from calendar invites.",
        subcommands: [MeetingImportCommand.self]
    )
}
