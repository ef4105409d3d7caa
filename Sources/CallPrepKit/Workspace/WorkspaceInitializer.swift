import Foundation

/// Scaffolds a workspace: `process.yaml`, `meetings/` and `debriefs/` with one example each, and on request
/// `templates/` with copies of the built-in templates.
public enum WorkspaceInitializer {
    /// The files `init` writes, relative to the workspace, with their contents.
    public static func files(withTemplates: Bool = false) -> [(path: String, contents: String)] {
        var files = [
            ("process.yaml", BuiltinFiles.all["processes/\(ProcessResolver.defaultID).yaml"] ?? ""),
            ("meetings/northwind-discovery.yaml", BuiltinFiles.all["examples/northwind-discovery.yaml"] ?? ""),
            ("debriefs/northwind-2026-11-26.md", BuiltinFiles.all["examples/northwind-2026-11-26-debrief.md"] ?? ""),
            // The index is a cache of the files: keep it out of the team's repository.
            (".gitignore", ".callprep/\n"),
        ]
        if withTemplates {
            files += TemplateSet.names.map { ("templates/\($0)", BuiltinFiles.all[$0] ?? "") }
        }
        return files
    }

    /// Writes the workspace into `directory`, creating it when needed. Every file and folder is
    /// checked before any is written: when any of the files exists already (a symbolic link
    /// counts, even one to nothing) or a folder it needs is not a folder, nothing is written. A
    /// write that fails part-way removes what this run wrote. Returns the paths written.
    public static func create(at directory: String, withTemplates: Bool = false) throws(DiagnosticError) -> [String] {
        // `--templates` in a workspace that exists (it has its process.yaml) adds only the templates.
        let files = withTemplates && isWorkspace(directory)
            ? files(withTemplates: true).filter { $0.path.hasPrefix("templates/") } : files(withTemplates: withTemplates)
        let folders = Set(files.map { folder(of: $0.path) }).subtracting(["."]).sorted()
        var problems = folderProblems(directory, ["."] + folders)
        for file in files {
            var status = stat()
            if lstat(join(directory, file.path), &status) == 0 {
                problems.append(Diagnostic(file: join(directory, file.path), WorkspaceProblem.initWouldOverwrite))
            }
        }
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        var written: [String] = []
        var createdFolders: [String] = []
        do throws(DiagnosticError) {
            for folder in [directory] + folders.map({ join(directory, $0) }) {
                createdFolders += try makeFolders(folder)
            }
            for file in files {
                let path = join(directory, file.path)
                try OutputFile.write(file.contents, to: path, force: false)
                written.append(path)
            }
        } catch {
            // Undo this run's own files and folders (a folder only when empty): nothing half done.
            for path in written { unlink(path) }
            for folder in createdFolders.reversed() { rmdir(folder) }
            throw DiagnosticError(error.diagnostics.map { diagnostic in
                // A file that appeared meanwhile: init has no --force to suggest.
                diagnostic.message == FileProblem.exists.errorDescription
                    ? Diagnostic(file: diagnostic.file, WorkspaceProblem.initWouldOverwrite) : diagnostic
            })
        }
        return written
    }

    /// Whether `directory` holds a workspace already: its `process.yaml` (a link counts).
    public static func isWorkspace(_ directory: String) -> Bool {
        var status = stat()
        return lstat(join(directory, "process.yaml"), &status) == 0
    }

    /// Every folder on the way to `folders` (relative to `directory`, and `directory` itself) that
    /// is there but is not a folder, or is a link to nothing.
    private static func folderProblems(_ directory: String, _ folders: [String]) -> [Diagnostic] {
        var seen: Set<String> = []
        var problems: [Diagnostic] = []
        for relative in folders {
            var path = directory
            let parts = relative == "." ? [] : relative.split(separator: "/").map(String.init)
            for part in [""] + parts {
                if !part.isEmpty { path = join(path, part) }
                guard seen.insert(path).inserted else { continue }
                var link = stat(), status = stat()
                guard lstat(path, &link) == 0 else { continue }
                if stat(path, &status) != 0 {
                    let reason = errno == ELOOP ? "a symbolic link loop" : "a symbolic link to nothing (dangling)"
                    problems.append(Diagnostic(file: path, FileProblem.cannotWrite(reason: reason)))
                } else if status.st_mode & S_IFMT != S_IFDIR {
                    problems.append(Diagnostic(file: path, WorkspaceProblem.notAFolder))
                }
            }
        }
        return problems
    }

    /// Creates `path` and the folders above it that are missing; returns those it created, outermost first.
    private static func makeFolders(_ path: String) throws(DiagnosticError) -> [String] {
        var missing: [String] = []
        var current = path
        var status = stat()
        while !current.isEmpty, current != "/", current != ".", stat(current, &status) != 0 {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        var created: [String] = []
        for folder in missing.reversed() {
            if mkdir(folder, 0o777) == 0 {
                created.append(folder)
            } else if errno != EEXIST {
                let reason = String(cString: strerror(errno))
                for made in created.reversed() { rmdir(made) }
                throw DiagnosticError([Diagnostic(file: folder, FileProblem.cannotWrite(reason: "cannot create the folder: \(reason)"))])
            }
        }
        return created
    }

    private static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private static func join(_ directory: String, _ path: String) -> String {
        directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}
