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

/// A parser that knows the workspace's form template (to tell its text from what people wrote).
func debriefParser(catalog: ProcessCatalog, maxBytes: Int) throws(DiagnosticError) -> DebriefParser {
    DebriefParser(catalog: catalog, boilerplate: FormBoilerplate(templates: try TemplateSet.load()), maxBytes: maxBytes)
}
