import Foundation

/// The components of an iCalendar text with the line each begins on and the lines of their
/// properties, read before libical parses it. libical is lenient and keeps no positions: this
/// outline rejects what it would silently repair (a component never closed, an END that closes
/// the wrong BEGIN, text that is not content lines) and lets libical's own complaints be reported
/// at the line they concern. It reads structure only; values are libical's to parse.
struct CalendarOutline {
    struct Component {
        var name: String
        var line: Int
        /// Each property's name (upper case) and the line it starts on, in order.
        var properties: [(name: String, line: Int)] = []
        var children: [Component] = []
        /// The text of each DURATION, unfolded: libical reads its numbers into 32 bits, and
        /// PT4294969296S would be 33 minutes.
        var durations: [String] = []

        /// The line of the first property called `name`, else the component's own line.
        func line(of name: String) -> Int {
            properties.first { $0.name == name }?.line ?? line
        }
    }

    /// The first VCALENDAR.
    var calendar: Component
    /// Its length in bytes, through the line that ends it: libical is given no more, so that
    /// what follows (a second calendar, a mail's signature) cannot make it print to standard error.
    var length: Int

    /// Components nest three deep in practice (VCALENDAR, VEVENT, VALARM); deeper is refused.
    static let maxDepth = 8

    static func read(_ text: String) -> Result<CalendarOutline, CalendarProblem.Located> {
        var stack: [Component] = []
        var lines = ContentLines(text)
        while let line = lines.next() {
            guard let name = line.name else {
                return .failure(.init(line: line.number, .notAContentLine(line.start)))
            }
            if stack.isEmpty, name != "BEGIN" || line.value != "VCALENDAR" {
                return .failure(.init(line: line.number, .notACalendar))
            }
            switch name {
            case "BEGIN":
                guard stack.count < maxDepth else { return .failure(.init(line: line.number, .tooDeep(maxDepth))) }
                stack.append(Component(name: line.value, line: line.number))
            case "END":
                guard let open = stack.popLast() else { return .failure(.init(line: line.number, .notACalendar)) }
                guard open.name == line.value else {
                    return .failure(.init(line: line.number, .mismatchedEnd(line.value, open: open.name, openLine: open.line)))
                }
                if stack.isEmpty {
                    return .success(CalendarOutline(calendar: open, length: lines.offset))
                }
                stack[stack.count - 1].children.append(open)
            default:
                stack[stack.count - 1].properties.append((name, line.number))
                if name == "DURATION" { stack[stack.count - 1].durations.append(line.value) }
            }
        }
        if let open = stack.last {
            return .failure(.init(line: open.line, .unterminated(open.name)))
        }
        return .failure(.init(line: 1, .notACalendar))
    }
}

/// The content lines of an iCalendar text, unfolded, read as bytes: each line's number, its
/// property name in upper case (nil when no colon follows the name), and for BEGIN, END and
/// DURATION the value. Folded continuations and blank lines are part of the line before.
private struct ContentLines: Sequence, IteratorProtocol {
    struct Line {
        var number: Int
        var name: String?
        var value: String
        /// The first bytes, for a message.
        var start: String
    }

    private let bytes: [UInt8]
    private var position = 0
    /// The bytes read so far: through the last line returned and its continuations.
    var offset: Int { Swift.min(position, bytes.count) }
    private var number = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The next physical line: where it starts and ends (without CR LF), and its number.
    private mutating func physicalLine() -> (start: Int, end: Int, number: Int)? {
        guard position < bytes.count else { return nil }
        let start = position
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        position = end + 1
        number += 1
        return (start, end > start && bytes[end - 1] == 0x0D ? end - 1 : end, number)
    }

    mutating func next() -> Line? {
        var first = physicalLine()
        while let line = first, line.start == line.end { first = physicalLine() }  // blank lines
        guard let first else { return nil }
        // The name ends at the first ';' or ':'; a colon must follow, perhaps on a folded line.
        var nameEnd = first.start
        while nameEnd < first.end, bytes[nameEnd] != 0x3A, bytes[nameEnd] != 0x3B { nameEnd += 1 }
        var hasColon = bytes[first.start..<first.end].contains(0x3A)
        var continuations: [Range<Int>] = []
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09,
              let continuation = physicalLine() {
            hasColon = hasColon || bytes[continuation.start..<continuation.end].contains(0x3A)
            continuations.append((continuation.start + 1)..<Swift.max(continuation.start + 1, continuation.end))
        }
        let start = String(decoding: bytes[first.start..<Swift.min(first.end, first.start + 40)], as: UTF8.self)
        guard hasColon, nameEnd > first.start else { return Line(number: first.number, name: nil, value: "", start: start) }
        let name = String(decoding: bytes[first.start..<nameEnd], as: UTF8.self).uppercased()
        var value = ""
        if name == "BEGIN" || name == "END", let colon = bytes[first.start..<first.end].firstIndex(of: 0x3A) {
            value = String(decoding: bytes[(colon + 1)..<first.end], as: UTF8.self).uppercased()
                .trimmingCharacters(in: .whitespaces)
        } else if name == "DURATION" {
            // Short in any real file; a long one is read only as far as a number can go.
            var unfolded = Array(bytes[first.start..<first.end])
            for range in continuations where unfolded.count < 200 { unfolded += bytes[range] }
            if let colon = unfolded.firstIndex(of: 0x3A) {
                value = String(decoding: unfolded[(colon + 1)...].prefix(200), as: UTF8.self)
                    .trimmingCharacters(in: .whitespaces)
            }
        }
        return Line(number: first.number, name: name, value: value, start: start)
    }
}
