import ArgumentParser
import CallPrepKit
import Foundation

/// Debrief paths by the thousand, taken around ArgumentParser: its time grows with the square of
/// the number of values one argument collects (`ParsedValues.update` copies the array and unions
/// the input origins for every value; BENCHMARKS.md), 3.7 s for 10,000 paths. A run of more than
/// `threshold` consecutive arguments that name existing files or folders (what a shell glob gives)
/// is replaced by one placeholder before parsing, and put back in its place by `expand`. No option
/// takes that many values, so such a run can only be paths.
enum PathArguments {
    static let threshold = 64
    private static let placeholder = "@callprep-paths-"
    nonisolated(unsafe) private static var runs: [[String]] = []

    /// `arguments` with each long run of existing paths replaced by a placeholder.
    static func extract(_ arguments: [String]) -> [String] {
        guard arguments.count > threshold else { return arguments }
        var out: [String] = []
        var run: [String] = []
        func endRun() {
            if run.count > threshold {
                out.append(placeholder + String(runs.count))
                runs.append(run)
            } else {
                out += run
            }
            run = []
        }
        for argument in arguments {
            if !argument.hasPrefix("-"), FileManager.default.fileExists(atPath: argument) {
                run.append(argument)
            } else {
                endRun()
                out.append(argument)
            }
        }
        endRun()
        return out
    }

    /// `paths` with the runs put back in place, then the paths listed in `filesFrom` (one per line,
    /// `-` for standard input; blank lines ignored).
    static func expand(_ paths: [String], filesFrom: String? = nil) throws -> [String] {
        var out = paths.flatMap { path -> [String] in
            guard path.hasPrefix(placeholder), let index = Int(path.dropFirst(placeholder.count)),
                  runs.indices.contains(index) else { return [path] }
            return runs[index]
        }.map(WorkingFolder.path)
        if let filesFrom {
            let list: SourceFile
            do {
                list = try SourceFile.read(WorkingFolder.path(filesFrom), maxBytes: 64 << 20)
            } catch {
                printDiagnostics(error.diagnostics)
                throw ExitCode(1)
            }
            out += list.text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.map(WorkingFolder.path)
        }
        return out
    }
}

/// `--files-from`, for `parse`, `score` and `ingest`: paths from a file or a pipe (`find … | callprep
/// score --files-from -`), as many as there are, at the cost of reading them.
struct PathListOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Also read the paths listed in this file, one per line ('-' reads standard input).",
                               valueName: "file"))
    var filesFrom: String?

    /// A usage error when there is nothing to read (from the command's `validate()`).
    func require(_ given: [String]) throws {
        if given.isEmpty, filesFrom == nil { throw ValidationError("Name at least one debrief file or folder, or --files-from.") }
    }

    /// The paths given and listed.
    func paths(_ given: [String]) throws -> [String] {
        try PathArguments.expand(given, filesFrom: filesFrom)
    }
}
