import Foundation

/// The one reader of dates in the library: the front matter's and the filters' `YYYY-MM-DD`, and
/// dates as people write them in evidence and next steps.
public enum CalendarDate {
    /// Whether `text` is `YYYY-MM-DD` naming a real day.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// Today, `YYYY-MM-DD`, in the local time zone: the day a rep would write on a document.
    public static func today(_ now: Date = Date()) -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The one reader of a date a person wrote, with the day it was written (`reference`) for what
    /// leaves the year or the week open: what `iso` reads; `Dec 10` or `10 December` (the first
    /// such day on or after `reference`); a weekday, `Friday`, `next Friday`, `by Friday` (the first
    /// such day after `reference`); `25/12` or `12/25` only when one number cannot be a month.
    static func resolve(_ text: String, relativeTo reference: String) -> String? {
        if let date = iso(text) { return date }
        guard isValid(reference), let year = Int(reference.prefix(4)) else { return nil }
        let words = text.lowercased().replacingOccurrences(of: ",", with: " ").split(separator: " ")
            .filter { !weekdayLeads.contains(String($0)) }
        // A weekday: the next one after the reference day.
        if words.count == 1, isWeekday(words[0]), let weekday = weekdays.firstIndex(where: { words[0].hasPrefix($0) }) {
            guard let start = dayNumber(reference) else { return nil }
            let current = (start + 3) % 7  // 1970-01-01 was a Thursday: 0 is Monday.
            let ahead = (weekday - current + 7) % 7
            return date(fromDayNumber: start + (ahead == 0 ? 7 : ahead))
        }
        // A day and a month without a year, either way round.
        var month: Int?, day: Int?
        if words.count == 2 {
            if let index = months.firstIndex(where: { words[1].hasPrefix($0) }), words[1].count >= 3 {
                (month, day) = (index + 1, Int(words[0].trimmingCharacters(in: CharacterSet(charactersIn: "."))))
            } else if let index = months.firstIndex(where: { words[0].hasPrefix($0) }), words[0].count >= 3 {
                (month, day) = (index + 1, Int(words[1]))
            }
        } else if words.count == 1 {
            // 25/12 or 12/25: only when one of the two cannot be a month.
            let parts = words[0].split(separator: "/").compactMap { Int($0) }
            if parts.count == 2, words[0].split(separator: "/").count == 2 {
                if parts[0] > 12, parts[1] <= 12 { (day, month) = (parts[0], parts[1]) }
                if parts[1] > 12, parts[0] <= 12 { (month, day) = (parts[0], parts[1]) }
            }
        }
        guard let month, let day else { return nil }
        for candidate in [year, year + 1] {
            let date = String(format: "%04d-%02d-%02d", candidate, month, day)
            if isValid(date), date >= reference { return date }
        }
        return nil
    }

    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Whether a lower-case word names a day of the week ("fri", "friday"): for evidence read as
    /// `resolve` reads due dates.
    static func isWeekday(_ lower: some StringProtocol) -> Bool {
        lower.count >= 3 && weekdays.contains { lower.hasPrefix($0) }
            && ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains { $0.hasPrefix(lower) }
    }

    /// The words before a weekday that make it a day to meet: "by Friday", "next Monday".
    static let weekdayLeads: Set<String> = ["by", "on", "next", "this", "until", "before"]

    /// Days since 1970-01-01 of a valid `YYYY-MM-DD`, and back (proleptic Gregorian, no time zone).
    private static func dayNumber(_ date: String) -> Int? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (y, m, d) = (parts[1] <= 2 ? parts[0] - 1 : parts[0], parts[1], parts[2])
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func date(fromDayNumber days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return String(format: "%04d-%02d-%02d", yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD` for `2026-12-03`, `2026/12/03`, `3 December 2026`, `Dec 3, 2026`; nil otherwise.
    static func iso(_ text: String) -> String? {
        // Every form of date has a digit; most text that is not a date is turned away here, cheaply.
        guard text.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return nil }
        let trimmed = text.trimmed
        // `2026-12-03` or `2026/12/03`, alone or before a time: ten ASCII bytes, read as bytes.
        let bytes = trimmed.utf8
        if bytes.count >= 10, bytes.count == 10 || bytes.dropFirst(10).first == UInt8(ascii: "T") {
            let iso = String(decoding: bytes.prefix(10).map { $0 == UInt8(ascii: "/") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
            if isValid(iso) { return iso }
        }
        let words = trimmed.lowercased().replacingOccurrences(of: ",", with: " ").split(separator: " ")
        guard words.count == 3 else { return nil }
        let month: Int?
        let day: Int?
        if let index = months.firstIndex(where: { words[1].hasPrefix($0) }) {
            (month, day) = (index + 1, Int(words[0].trimmingCharacters(in: CharacterSet(charactersIn: "."))))
        } else if let index = months.firstIndex(where: { words[0].hasPrefix($0) }) {
            (month, day) = (index + 1, Int(words[1]))
        } else {
            return nil
        }
        guard let month, let day, let year = Int(words[2]), year >= 1000 else { return nil }
        let date = String(format: "%04d-%02d-%02d", year, month, day)
        return isValid(date) ? date : nil
    }
}
