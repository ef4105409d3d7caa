import Foundation

/// Finds the process a command works with (DESIGN section 3): `--process`, else `./process.yaml`,
/// else the built-in default.
public enum ProcessResolver {
    /// The ids of the processes shipped in the binary, default first.
    public static let builtinIDs = ["b2b", "meddpicc"]
    public static let defaultID = "b2b"

    /// The shipped process file with this id, as text.
    public static func builtinSource(_ id: String) -> SourceFile? {
        BuiltinFiles.all["processes/\(id).yaml"].map { SourceFile(path: "<built-in \(id).yaml>", text: $0) }
    }

    /// Where a process comes from, before it is loaded.
    public static func locate(_ explicit: String?, in directory: String = ".") throws(DiagnosticError) -> SourceFile {
        if let explicit {
            if explicit == "-" || FileManager.default.fileExists(atPath: explicit) {
                return try SourceFile.read(explicit)
            }
            if let builtin = builtinSource(explicit) { return builtin }
            throw DiagnosticError([Diagnostic(file: explicit,
                                              ProcessProblem.noSuchProcess(explicit, builtins: builtinIDs))])
        }
        let local = directory == "." ? "process.yaml" : (directory as NSString).appendingPathComponent("process.yaml")
        if FileManager.default.fileExists(atPath: local) {
            return try SourceFile.read(local)
        }
        guard let builtin = builtinSource(defaultID) else {
            preconditionFailure("the default process is missing from the built-in files")
        }
        return builtin
    }

    public static func resolve(_ explicit: String?, in directory: String = ".") throws(DiagnosticError) -> SalesProcess {
        try ProcessLoader.load(locate(explicit, in: directory))
    }
}
