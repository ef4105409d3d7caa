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
                let components = componentLines(in: lines)
                for diagnostic in error.diagnostics {
                    guard let range = range(holding: diagnostic.location.line, in: components) else { throw error }
                    let name = lines[range.lowerBound - 1].dropFirst("BEGIN:".count).trimmingCharacters(in: .whitespacesAndNewlines)
                    for number in range { lines[number - 1] = "X-CALLPREP-SKIPPED:\(name)" }
                    skip(diagnostic, name)
                }
            }
        }
        throw DiagnosticError(skipped)
    }

    /// The lines (1-based) of each component within the VCALENDAR, from its BEGIN to its END, in
    /// order: one pass, so that finding the component of each of many errors costs a search.
    static func componentLines(in lines: [String]) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        var depth = 0
        var start = 0
        for (index, text) in lines.enumerated() {
            let number = index + 1
            let upper = text.prefix(6).uppercased()
            if upper.hasPrefix("BEGIN:") {
                depth += 1
                if depth == 2 { start = number }
            } else if upper.hasPrefix("END:") {
                if depth == 2 { ranges.append(start...number) }
                depth -= 1
                if depth == 0 { break }
            }
        }
        return ranges
    }

    /// The range of `ranges` (sorted, apart) that holds `line`.
    static func range(holding line: Int, in ranges: [ClosedRange<Int>]) -> ClosedRange<Int>? {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < line { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(line) ? ranges[low] : nil
    }
}
