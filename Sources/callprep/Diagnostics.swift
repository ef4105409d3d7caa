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
