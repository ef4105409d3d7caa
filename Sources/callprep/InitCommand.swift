import ArgumentParser
import CallPrepKit

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workspace: process.yaml, and meetings/ and debriefs/ with an example each.",
        discussion: "Refuses, and changes nothing, when any of the files exists already (a symbolic link counts, even one to nothing) or a folder it needs is a file. With --templates in a workspace that exists (it has a process.yaml), adds only templates/."
    )

    @Argument(help: "The workspace folder; created when missing.")
    var directory = "."

    @Flag(help: "Also copy the built-in templates into templates/, to adapt them.")
    var templates = false

    func run() throws {
        let folder = WorkingFolder.path(directory)
        let existing = templates && WorkspaceInitializer.isWorkspace(folder)
        let written = try reportingDiagnostics { () throws(DiagnosticError) in
            try WorkspaceInitializer.create(at: folder, withTemplates: templates)
        }
        print(existing ? "Added the built-in templates to the workspace in \(directory):" : "Created a callprep workspace in \(directory):")
        for path in written { print("  \(path)") }
        print(existing ? "Next: adapt them, then callprep check templates (callprep docs templates lists every name)"
                       : "Next: cd \(directory) && callprep process show")
    }
}
