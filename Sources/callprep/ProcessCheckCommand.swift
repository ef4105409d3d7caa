import ArgumentParser
import CallPrepKit

struct ProcessCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate process files.",
        discussion: """
            Prints `path:line:col: error: message` on standard error for each problem and exits 1 when \
            any file has one. Without files, checks ./process.yaml, else the built-in default.
            """
    )

    @Argument(help: "Process files to check ('-' reads standard input).", completion: .file(extensions: ["yaml", "yml", "json"]))
    var files: [String] = []

    func run() throws {
        var failed = false
        for file in files.isEmpty ? [nil] : files.map(Optional.some) {
            do {
                let source = try ProcessResolver.locate(file)
                let process = try ProcessLoader.load(source)
                let milestones = process.stages.reduce(0) { $0 + $1.milestones.count }
                print(VisibleControls.inline("\(source.path): ok: \(process.id) \(process.version), \(process.stages.count) stages, "
                    + "\(milestones) milestones, \(process.practices.count) practices"))
            } catch {
                printDiagnostics(error.diagnostics)
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
