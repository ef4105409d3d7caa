import ArgumentParser
import CallPrepKit
import Foundation

/// Prints diagnostics to standard error, one per line.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    let text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
    FileHandle.standardError.write(Data(text.utf8))
}

/// Runs `body`; diagnostics it throws are printed and become exit code 1.
func reportingDiagnostics<T>(_ body: () throws(DiagnosticError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        printDiagnostics(error.diagnostics)
        throw ExitCode(1)
    }
}

/// Reads debriefs with one parser, printing each file's diagnostics; returns the records of the
/// files without errors, and whether any file had one.
func readDebriefs(_ paths: [String], catalog: ProcessCatalog, maxBytes: Int) throws(DiagnosticError)
    -> (records: [DebriefRecord], failed: Bool) {
    let parser = DebriefParser(catalog: catalog, boilerplate: FormBoilerplate(templates: try TemplateSet.load()),
                               maxBytes: maxBytes)
    var failed = false
    let records = paths.compactMap { path in
        let parsed = parser.parse(path: path)
        printDiagnostics(parsed.diagnostics)
        failed = failed || parsed.hasErrors
        return parsed.record
    }
    return (records, failed)
}
