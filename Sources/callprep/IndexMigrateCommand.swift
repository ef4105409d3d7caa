import ArgumentParser
import CallPrepKit

struct IndexMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring a team index's schema up to this callprep's version.",
        discussion: """
            Every command does it on first use; this does it ahead of time, for an admin who grants BI tools \
            their reading rights on the tables. Migrations only add tables, views and columns, one transaction \
            each run; a schema newer than this callprep's is refused.
            """
    )

    @OptionGroup var team: TeamIndexArgument

    func run() throws {
        let line = try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace().migrateTeamIndex(team.address)
        }
        print(line)
    }
}
