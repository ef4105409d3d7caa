import ArgumentParser
import CallPrepKit

struct IndexStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a team index's schema version and the debriefs of each workspace.",
        discussion: "Changes nothing: an older schema is only said, for `callprep index migrate` to bring up to date."
    )

    @OptionGroup var team: TeamIndexArgument

    func run() throws {
        let text = try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace().teamIndexStatus(team.address)
        }
        print(text, terminator: "")
    }
}
