import Foundation

/// The debrief files below the paths given to `parse`, `score`, `ingest`, `report` and `coach`.
public struct DebriefFiles {
    var files: [String] = []
    var folders: [String] = []
    /// Paths given that do not exist (standardized), also reported in `diagnostics`.
    var missing: [String] = []
    /// Files in the folders that could not be read, also reported in `diagnostics`.
    var unreadable: [String] = []
    var diagnostics: [Diagnostic] = []

    /// Files are taken as given; folders are searched recursively for Markdown files that start with
    /// a debrief form's front matter (hidden folders and `templates/` are passed over). A file
    /// `known` says is a debrief (indexed, and unchanged since) is not opened to see.
    static func find(_ paths: [String], known: @Sendable (String) -> Bool = { _ in false }) -> DebriefFiles {
        var found = DebriefFiles()
        for given in paths {
            // Standard input is one debrief, read once by whatever reads the files.
            if given == "-" {
                found.files.append("-")
                continue
            }
            let path = Self.spelled(given)
            switch RegularFile.refusal(path) {
            case .folder:
                break
            case .missing:
                found.missing.append(path)
                found.diagnostics.append(Diagnostic(file: given, FileProblem.cannotRead(reason: "no such file or folder")))
                continue
            case let refusal?:
                found.diagnostics.append(Diagnostic(file: given, FileProblem.cannotRead(reason: refusal.reason)))
                continue
            case nil:
                found.files.append(path)
                continue
            }
            found.folders.append(path)
            let files = walk(path, extensions: [".md"], passingOver: ["templates"], diagnostics: &found.diagnostics)
            let debriefs = concurrentMap(files.count) { known(files[$0]) ? .success(true) : looksLikeDebrief(files[$0]) }
            for (file, looks) in zip(files, debriefs) {
                if case let .failure(refusal) = looks {
                    // Not known to be a debrief or not: named, and whatever the index holds of it kept.
                    found.unreadable.append(file)
                    found.diagnostics.append(Diagnostic(file: file, FileProblem.cannotRead(reason: refusal.reason)))
                }
            }
            found.files += zip(files, debriefs).filter { (try? $1.get()) == true }.map(\.0)
        }
        return found
    }

    /// A path as one debrief is known by, however it was spelled: `./debriefs/x.md`,
    /// `debriefs//x.md`, `debriefs/../debriefs/x.md` and `$PWD/debriefs/x.md` are all `debriefs/x.md`.
    /// Lexical, as `filepath.Clean` does: a `..` takes back the folder before it.
    static func spelled(_ given: String) -> String {
        var parts: [Substring] = []
        for part in given.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if !(part == ".." && parts.isEmpty && given.hasPrefix("/")) {  // `/..` is `/`
                parts.append(part)
            }
        }
        var path = (given.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
        // A path inside the folder callprep runs in, written in full, is the same file written short.
        let here = spelledFolder(FileManager.default.currentDirectoryPath)
        if path.hasPrefix("/"), here != "/", path.hasPrefix(here + "/") { path.removeFirst(here.count + 1) }
        return path.isEmpty ? "." : path
    }

    /// A folder without the slashes it may end with (`/` stays `/`).
    static func spelledFolder(_ folder: String) -> String {
        var folder = folder
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        return folder
    }

    /// The paths with each folder replaced by the debrief forms in it, in order; files (and `-`)
    /// are kept as given, so a missing one is reported by whatever reads it. Naming a folder is
    /// also the fast way to give thousands of files: ArgumentParser's time grows with the square of
    /// the number of arguments (3.7 s for 10,000).
    /// A folder with no debrief forms in it is a warning.
    public static func expandingFolders(_ paths: [String]) -> (files: [String], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let files = paths.flatMap { path in
            var isFolder: ObjCBool = false
            guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isFolder),
                  isFolder.boolValue else { return [path] }
            let found = find([path])
            diagnostics += found.diagnostics
            if found.files.isEmpty {
                diagnostics.append(Diagnostic(.warning, file: path, FileProblem.noDebriefForms))
            }
            return found.files
        }
        return (files, diagnostics)
    }

    /// The regular files below `folder` whose names end with one of `extensions`, sorted; hidden
    /// folders and those named in `passingOver` are passed over. Anything else with such a name
    /// (a named pipe, which would block the run forever, a socket, a folder, a dangling link or a
    /// loop) is a warning that names it.
    static func walk(_ folder: String, extensions: [String], passingOver: Set<String> = [],
                     diagnostics: inout [Diagnostic]) -> [String] {
        // `debriefs/` as given on the command line: its files are `debriefs/x.md`, not `debriefs//x.md`.
        let base = spelledFolder(folder)
        var files: [String] = [], warnings: [Diagnostic] = []
        // With `opendir` and `readdir`, whose entries say their kind: FileManager's enumerator spent
        // 20 µs a file on path strings, a fifth of a second of every 10,000-debrief run.
        var folders = [base]
        while let current = folders.popLast() {
            guard let handle = opendir(current) else {
                if current != base {
                    let refusal = RegularFile.failure(current, errno)
                    warnings.append(Diagnostic(.warning, file: current, FileProblem.skipped(reason: refusal.reason)))
                }
                continue
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                // Hidden entries (`.` and `..` among them) and the folders passed over.
                guard !name.hasPrefix("."), !passingOver.contains(name) else { continue }
                let path = current == "." ? name : current == "/" ? "/" + name : current + "/" + name
                var kind = entry.pointee.d_type
                if kind == UInt8(DT_UNKNOWN) {
                    var status = stat()
                    kind = lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_LNK)
                }
                // Links to folders are not followed, so no link loop leads the walk round forever.
                if kind == UInt8(DT_DIR) { folders.append(path) }
                guard extensions.contains(where: name.hasSuffix) else { continue }
                // A regular file is one; anything else is asked of `stat`, through its links.
                if kind != UInt8(DT_REG), let refusal = RegularFile.refusal(path) {
                    warnings.append(Diagnostic(.warning, file: path, FileProblem.skipped(reason: refusal.reason)))
                    continue
                }
                files.append(path)
            }
        }
        diagnostics += warnings.sorted { $0.file < $1.file }
        return files.sorted()
    }

    /// Whether an indexed path lies under what was ingested, so that its absence means it is gone.
    func covers(_ path: String) -> Bool {
        files.contains(path) || folders.contains { $0 == "." || path.hasPrefix($0 + "/") }
    }

    private static func looksLikeDebrief(_ file: String) -> Result<Bool, RegularFile.Refusal> {
        RegularFile.read(file, atMost: 2048).map { bytes, _ in
            var head = bytes[...]
            if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
            return head.starts(with: Array("---".utf8))
                && String(decoding: head, as: UTF8.self).includes(FormContract.format)
        }
    }
}
