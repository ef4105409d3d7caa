import Foundation

/// Problems in an iCalendar file (RFC 5545).
public enum CalendarProblem: LocalizedError, Equatable, Sendable {
    case notACalendar
    case notAContentLine(String)
    case mismatchedEnd(String, open: String, openLine: Int)
    case unterminated(String)
    case tooDeep(Int)
    /// What libical said about a value it could not read (its X-LIC-ERROR).
    case unreadable(String)
    case noStart
    case endlessRule(Int)
    case notARealTime(String)
    case unknownTimeZone(String)
    case noEvents
    case cannotWrite(String)

    /// A problem and the line it is on.
    struct Located: Error {
        var line: Int
        var problem: CalendarProblem

        init(line: Int, _ problem: CalendarProblem) {
            self.line = line
            self.problem = problem
        }
    }

    public var errorDescription: String? {
        switch self {
        case .notACalendar:
            "not an iCalendar file: it must begin with BEGIN:VCALENDAR and end with END:VCALENDAR"
        case let .notAContentLine(text):
            "not an iCalendar line (NAME:value): '\(text)'"
        case let .mismatchedEnd(name, open, openLine):
            "END:\(name) does not close BEGIN:\(open) of line \(openLine)"
        case let .unterminated(name):
            "BEGIN:\(name) is never closed (no END:\(name))"
        case let .tooDeep(depth):
            "components are nested more than \(depth) deep"
        case let .unreadable(message):
            "libical cannot read this: \(message)"
        case let .notARealTime(text):
            "\(text) is not a real date and time"
        case let .endlessRule(steps):
            "the repeat rule (RRULE) takes more than \(steps) steps to reach the day"
        case .noStart:
            "the event has no readable DTSTART"
        case let .unknownTimeZone(name):
            "unknown time zone '\(name)': no VTIMEZONE in the file defines it, and it is neither an IANA nor a Windows zone name"
        case .noEvents:
            "the calendar holds no events (VEVENT)"
        case let .cannotWrite(reason):
            "libical could not write the event: \(reason)"
        }
    }
}
