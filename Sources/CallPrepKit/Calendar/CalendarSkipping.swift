import Foundation

extension CalendarReader {
    /// For a calendar nobody here wrote (a year's export, the files `agenda` is given): an event or
    /// time zone that cannot be read, or would loop, is skipped, its error kept as a warning, and
    /// the rest of the file is read. A problem outside any event (the file's outline) is an error
    /// as in `read`.
    ///
    /// The file is read at most three times, whatever it holds: the rules and zones libical would
    /// loop on are found together before any time is read, and their components blanked (line for
    /// line, so later lines keep their numbers); the events that then cannot be read (one in a zone
    /// just blanked, say) are passed over in the same read that lists the others.
    public static func readSkippingBroken(_ source: SourceFile, options: Options)
        throws(DiagnosticError) -> (events: [CalendarEvent], skipped: [Diagnostic]) {
        // By bytes: a line that ends in CR LF is one Character, which a split on "\n" would not see.
        var lines = source.text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        var skipped: [Diagnostic] = []
        func skip(_ diagnostic: Diagnostic, _ name: String) {
            var warning = diagnostic
            warning.severity = .warning
            warning.message += " (this \(name) was skipped, the rest of the file read)"
            skipped.append(warning)
        }
        for pass in 1...3 {
            do {
                let read = try read(SourceFile(path: source.path, text: lines.joined(separator: "\n")), options: options,
                                    skippingUnreadable: true)
                read.unreadable.forEach { skip($0, "VEVENT") }
                return (read.events, skipped)
            } catch {
                guard pass < 3 else { throw error }
                for diagnostic in error.diagnostics {
                    guard let range = componentLines(around: diagnostic.location.line, in: lines) else { throw error }
                    let name = lines[range.lowerBound - 1].dropFirst("BEGIN:".count).trimmingCharacters(in: .whitespacesAndNewlines)
                    for number in range { lines[number - 1] = "X-CALLPREP-SKIPPED:\(name)" }
                    skip(diagnostic, name)
                }
            }
        }
        throw DiagnosticError(skipped)
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
