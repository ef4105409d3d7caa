import CallPrepKit
import Foundation

/// Where a command runs: the workspace's top folder, moved to before anything is read, with the
/// folder it was started in remembered so that the paths a person typed still name their files.
enum WorkingFolder {
    /// The folder the command was started in, from the workspace's top (empty at the top itself,
    /// or outside any workspace).
    nonisolated(unsafe) private(set) static var prefix = ""
    /// The folder the command was started in, in full.
    nonisolated(unsafe) private(set) static var started = FileManager.default.currentDirectoryPath

    /// Moves to the top of the workspace the current folder is in (`WorkspaceRoot`), if any.
    static func enterWorkspace() {
        let here = FileManager.default.currentDirectoryPath
        started = here
        guard let root = WorkspaceRoot.find(from: here), root != here, here.hasPrefix(root == "/" ? "/" : root + "/"),
              chdir(root) == 0 else { return }
        prefix = String(here.dropFirst(root == "/" ? 1 : root.count + 1))
    }

    /// A path the person typed, as a path from the workspace's top.
    static func path(_ given: String) -> String { WorkspaceRoot.path(given, from: prefix) }

    static func path(_ given: String?) -> String? { given.map(path) }

    /// An index option: a team index's URL as it is, a file from the workspace's top; without
    /// one, `$CALLPREP_INDEX`.
    static func index(_ given: String?) -> String? {
        let named = given ?? ProcessInfo.processInfo.environment["CALLPREP_INDEX"].flatMap { $0.isEmpty ? nil : $0 }
        guard let named else { return nil }
        return TeamIndexAddress.isAddress(named) ? named : path(named)
    }

    /// A process option: a file the person named (from where they typed it), else an id as it is.
    static func process(_ given: String?) -> String? {
        guard let given, !prefix.isEmpty else { return given }
        let typed = given.hasPrefix("/") ? given : (started as NSString).appendingPathComponent(given)
        return FileManager.default.fileExists(atPath: typed) ? path(given) : given
    }
}
