import Foundation

/// The workspace a command runs in, found from any folder inside it as git finds its repository:
/// the nearest folder, from `folder` up, that holds `process.yaml` (what `callprep init` writes)
/// or `.callprep/` (the index's folder). Every command runs from there, so that a debrief is
/// known by one path, relative to the workspace, whichever folder it was named from.
public enum WorkspaceRoot {
    /// The workspace holding `folder` (an absolute path), or nil when no folder up from it is one.
    public static func find(from folder: String) -> String? {
        var candidate = DebriefFiles.spelledFolder(folder)
        while true {
            if isRoot(candidate) { return candidate }
            guard candidate != "/" else { return nil }
            let parent = (candidate as NSString).deletingLastPathComponent
            candidate = parent.isEmpty ? "/" : parent
        }
    }

    private static func isRoot(_ folder: String) -> Bool {
        var status = stat()
        let join = { (name: String) in folder == "/" ? "/" + name : folder + "/" + name }
        if stat(join("process.yaml"), &status) == 0, (status.st_mode & S_IFMT) == S_IFREG { return true }
        return stat(join(".callprep"), &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// `given`, a path from the folder `prefix` of the workspace (`debriefs`, or empty at its
    /// top), as a path from the workspace's top: `a.md` is `debriefs/a.md`. Standard input (`-`)
    /// and absolute paths stay as they are.
    public static func path(_ given: String, from prefix: String) -> String {
        guard !prefix.isEmpty, given != "-", !given.hasPrefix("/") else { return given }
        return DebriefFiles.spelled(prefix + "/" + given)
    }
}
