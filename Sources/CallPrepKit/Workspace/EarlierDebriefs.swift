import Foundation

/// Where the brief finds a deal's earlier debriefs: an index, or a folder of debriefs.
public enum EarlierDebriefs {
    /// Records from the index at `index`, or parsed from `folder`; with neither, the workspace's
    /// default index when it exists, else its `debriefs/` folder, else none. Problems in single
    /// debriefs come back as diagnostics; those files are left out.
    public static func load(index: String?, folder: String?, catalog: ProcessCatalog,
                            templates: TemplateSet) throws(DiagnosticError) -> (records: [DebriefRecord], diagnostics: [Diagnostic]) {
        let fileManager = FileManager.default
        if let index = index ?? (folder == nil && fileManager.fileExists(atPath: IndexStore.defaultPath) ? IndexStore.defaultPath : nil) {
            do {
                return (try IndexStore(path: index).records(), [])
            } catch let error as DiagnosticError {
                throw error
            } catch {
                throw DiagnosticError([Diagnostic(at: SourceLocation(file: index, line: 1, column: 1),
                                                  IndexProblem.failed("\(error)"))])
            }
        }
        guard let folder = folder ?? (fileManager.fileExists(atPath: "debriefs") ? "debriefs" : nil) else { return ([], []) }
        let found = DebriefFiles.find([folder])
        let parser = DebriefParser(catalog: catalog, boilerplate: FormBoilerplate(templates: templates))
        var diagnostics = found.diagnostics
        let records = found.files.compactMap { file -> DebriefRecord? in
            let parsed = parser.parse(path: file)
            diagnostics += parsed.diagnostics.filter { $0.severity == .error }
            return parsed.record
        }
        return (records, diagnostics)
    }
}
