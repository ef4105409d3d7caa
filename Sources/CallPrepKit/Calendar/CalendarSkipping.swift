import Foundation

extension CalendarReader {
    /// How many events and zones one file may have skipped before it is refused whole.
    static let maxSkipped = 50

    /// For a calendar nobody here wrote (a year's export, the files `agenda` is given): an event or
    /// time zone that cannot be read, or would loop, is skipped, its error kept as a warning, and
    /// the rest of the file is read. A problem outside any event (the file's outline) is an error
    /// as in `read`.
    public static func readSkippingBroken(_ source: SourceFile, options: Options)
        throws(DiagnosticError) -> (events: [CalendarEvent], skipped: [Diagnostic]) {
        // By bytes: a line that ends in CR LF is one Character, which a split on "\n" would not see.
        var lines = source.text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        var skipped: [Diagnostic] = []
        while true {
            do {
                let text = lines.joined(separator: "\n")
                return (try read(SourceFile(path: source.path, text: text), options: options), skipped)
            } catch {
                // Each error's event (or zone), blanked line for line so that later lines keep their numbers.
                var blanked = false
                for diagnostic in error.diagnostics {
                    guard skipped.count < maxSkipped, let range = componentLines(around: diagnostic.location.line, in: lines)
                    else { throw error }
                    let name = lines[range.lowerBound - 1].dropFirst("BEGIN:".count).trimmingCharacters(in: .whitespacesAndNewlines)
                    for number in range { lines[number - 1] = "X-CALLPREP-SKIPPED:\(name)" }
                    var warning = diagnostic
                    warning.severity = .warning
                    warning.message += " (this \(name) was skipped, the rest of the file read)"
                    skipped.append(warning)
                    blanked = true
                }
                if !blanked { throw error }
            }
        }
    }

    /// The lines (1-based) of the component within the VCALENDAR that holds `line`: from its
    /// BEGIN to its END. Nil when the line is in the VCALENDAR itself.
    static func componentLines(around line: Int, in lines: [String]) -> ClosedRange<Int>? {
        var depth = 0
        var start: Int?
        for (index, text) in lines.enumerated() {
            let number = index + 1
            let upper = text.uppercased()
            if upper.hasPrefix("BEGIN:") {
                depth += 1
                if depth == 2 { start = number }
            } else if upper.hasPrefix("END:") {
                if depth == 2, let begin = start {
                    if (begin...number).contains(line) { return begin...number }
                    start = nil
                }
                depth -= 1
                if depth == 0 { return nil }
            }
        }
        return nil
    }
}
