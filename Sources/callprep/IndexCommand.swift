import ArgumentParser

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Administer a team index (PostgreSQL): its schema and workspaces.",
        subcommands: [IndexStatusCommand.self, IndexMigrateCommand.self]
    )
}
