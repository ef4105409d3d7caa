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
    /// A rule that repeats more often than daily (FREQ=HOURLY, MINUTELY, SECONDLY).
    case subDailyRule(String)
    /// A rule whose filters no day can pass (BYMONTH=2;BYMONTHDAY=30), with the part that says so.
    case neverMatchingRule(String)
    /// A rule one call of libical's iterator took longer than this many seconds to follow.
    case slowRule(Double)
    /// A VTIMEZONE rule that is not yearly, or changes the offset more than `maxChangesPerYear` times a year.
    case zoneRule(String)
    /// The VTIMEZONEs of the file would expand to more than this many changes of offset.
    case tooManyZoneChanges(Int)
    case yearOutOfRange(String, ClosedRange<Int>)
    /// An offset from UTC that no meeting file can hold (over 14:59, or with seconds).
    case offsetOutOfRange(String)
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
        case let .subDailyRule(frequency):
            "the repeat rule (RRULE) repeats more often than daily (\(frequency)): callprep follows daily, weekly, monthly and yearly repeats only"
        case let .neverMatchingRule(part):
            "the repeat rule (RRULE) can never happen: no day passes \(part)"
        case let .slowRule(seconds):
            "libical took more than \(seconds.formatted(.number)) s for one step of the repeat rule (RRULE), and it was given up"
        case let .zoneRule(reason):
            "the time zone's rule (RRULE in VTIMEZONE) is refused: \(reason)"
        case let .tooManyZoneChanges(limit):
            "the time zones (VTIMEZONE) define more than \(limit) changes of offset"
        case let .yearOutOfRange(text, years):
            "\(text) is outside the years callprep reads and writes (\(years.lowerBound) to \(years.upperBound))"
        case let .offsetOutOfRange(offset):
            "the time zone is \(offset) from UTC, which no meeting file can hold: offsets are whole minutes up to 14:59"
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
