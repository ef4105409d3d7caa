import ArgumentParser
import CallPrepKit
import Foundation

/// Prints diagnostics to standard error, one per line.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    ProgressLine.shared.clear()
    let text = VisibleControls.apply(diagnostics.map(\.description).joined(separator: "\n")) + "\n"
    FileHandle.standardError.write(Data(text.utf8))
}

/// Prints one diagnostic to standard error: what a run reports as it goes.
func printDiagnostic(_ diagnostic: Diagnostic) {
    printDiagnostics([diagnostic])
}

/// Prints a line to standard error: what a run says besides its output, on one line whatever it quotes.
func printNote(_ text: String) {
    ProgressLine.shared.clear()
    FileHandle.standardError.write(Data((VisibleControls.inline(text) + "\n").utf8))
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
