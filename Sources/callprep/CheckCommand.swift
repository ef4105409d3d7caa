import ArgumentParser
import CallPrepKit
import Foundation

extension DiagnosticFormat: ExpressibleByArgument {}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint debriefs, briefs, meeting files, process files and templates, for CI and pre-commit hooks.",
        discussion: """
            Each file is recognised by its content or extension: Markdown with a debrief form's front matter, \
            a brief by its stamp (its last line, which must name a meeting and a real day), \
            YAML or JSON with `stages:` (a process) or without (a meeting), `.mustache` templates. Folders are \
            searched for all five. Prints the problems: on standard output with --format github (workflow \
            commands that annotate a pull request) or json, on standard error as text, then (as text) one line \
            that counts the files checked and the problems found. Exits 1 on any error, \
            0 with warnings only (--strict makes warnings fail too). `callprep docs team-repository` has a pre-commit \
            hook and a CI workflow.
            """
    )

    @Argument(help: "Files or folders to check (default: the current folder).",
              completion: .file(extensions: ["md", "yaml", "yml", "json", "mustache"]))
    var paths: [String] = []

    @Option(help: "Output format: text, github or json.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @OptionGroup var processOptions: ProcessOptions

    func run() throws {
        let given = paths.isEmpty ? [WorkingFolder.path(".")] : try PathArguments.expand(paths)
        let (files, diagnostics) = try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace(process: processOptions.resolved).check(given)
        }
        let output = VisibleControls.apply(format.render(diagnostics))
        if format == .text {
            // Problems first, then one line that says what was checked and found.
            FileHandle.standardError.write(Data((output + Workspace.checkSummary(files: files, diagnostics) + "\n").utf8))
        } else {
            print(output, terminator: "")
        }
        if diagnostics.contains(where: { $0.severity == .error || strict }) { throw ExitCode(1) }
    }
}
