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

    /// Writes the workspace into `directory`, creating it when needed. Writes nothing at all when
    /// any of the files exists already. Returns the paths written.
    public static func create(at directory: String, withTemplates: Bool = false) throws(DiagnosticError) -> [String] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw DiagnosticError([Diagnostic(file: directory,
                                              WorkspaceProblem.notAFolder)])
        }
        let targets = files(withTemplates: withTemplates).map { (path: join(directory, $0.path), contents: $0.contents) }
        let existing = targets.filter { FileManager.default.fileExists(atPath: $0.path) }
        if !existing.isEmpty {
            throw DiagnosticError(existing.map {
                Diagnostic(file: $0.path, WorkspaceProblem.initWouldOverwrite)
            })
        }
        for target in targets {
            try OutputFile.write(target.contents, to: target.path, force: false, createFolders: true)
        }
        return targets.map(\.path)
    }

    private static func join(_ directory: String, _ path: String) -> String {
        directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}
