import ArgumentParser
import CallPrepKit
import Foundation

/// What the shell completes for each kind of argument (`callprep --generate-completion-script
/// bash|zsh|fish`): files by their extensions, and the built-in process ids.
enum Completions {
    static let debriefs = CompletionKind.file(extensions: ["md"])
    static let meetings = CompletionKind.file(extensions: ["yaml", "yml", "json"])
    static let index = CompletionKind.file(extensions: ["sqlite"])
    static let calendars = CompletionKind.file(extensions: ["ics"])

    /// The built-in process ids, and the process files of the current folder and `processes/`.
    static func processes(_ prefix: String) -> [String] {
        let files = ["", "processes/"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { folder + $0 }
        }
        return (ProcessResolver.builtinIDs + files.sorted()).filter { $0.hasPrefix(prefix) }
    }
}
