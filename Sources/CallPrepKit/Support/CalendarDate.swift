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
    ///
    /// Also the words reps write for a day counted from the call: `today`, `tomorrow`, `in 3 days`,
    /// `in two weeks`, `in a month`, `next week` (its Monday), `end of week` (its Friday),
    /// `end of month`, `end of next month`, `end of quarter`, `end of year` (`eow`, `eom`, `eoq`,
    /// `eoy`). What names no one day ("soon", "next month", "after the board") stays nil.
    public static func resolve(_ text: String, relativeTo reference: String) -> String? {
        if let date = iso(text) { return date }
        guard isValid(reference), let year = Int(reference.prefix(4)) else { return nil }
        let allWords = text.lowercased().replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if let date = relative(allWords.filter { !["by", "on", "until", "before"].contains($0) }, to: reference) { return date }
        let words = allWords.filter { !weekdayLeads.contains($0) }
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

    /// Counts written as words, for `in two weeks`.
    private static let counts = ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12]

    /// The day `words` (lower case, without the leads `by`, `on`...) name, counted from `reference`.
    private static func relative(_ words: [String], to reference: String) -> String? {
        guard let start = dayNumber(reference) else { return nil }
        let weekday = (start + 3) % 7  // 0 is Monday
        let parts = reference.split(separator: "-").compactMap { Int($0) }
        let (year, month) = (parts[0], parts[1])
        var words = words.filter { $0 != "the" }
        if words.first == "end", words.count >= 3, words[1] == "of" { words = ["end"] + words.dropFirst(2) }
        switch words {
        case ["today"], ["tonight"], ["eod"], ["end", "day"]: return reference
        case ["tomorrow"], ["tmrw"], ["tmr"]: return date(fromDayNumber: start + 1)
        case ["next", "week"]: return date(fromDayNumber: start + 7 - weekday)
        case ["eow"], ["end", "week"], ["end", "this", "week"]:
            return date(fromDayNumber: start + (weekday <= 4 ? 4 - weekday : 11 - weekday))
        case ["end", "next", "week"]: return date(fromDayNumber: start + (weekday <= 4 ? 4 - weekday : 11 - weekday) + 7)
        case ["eom"], ["end", "month"], ["end", "this", "month"]: return lastDay(year, month)
        case ["end", "next", "month"]: return month == 12 ? lastDay(year + 1, 1) : lastDay(year, month + 1)
        case ["eoq"], ["end", "quarter"], ["end", "this", "quarter"]: return lastDay(year, (month - 1) / 3 * 3 + 3)
        case ["eoy"], ["end", "year"], ["end", "this", "year"]: return lastDay(year, 12)
        default: break
        }
        // `in 3 days`, `in two weeks`, `in a month`.
        guard words.count == 3, words[0] == "in", let count = Int(words[1]) ?? counts[words[1]], (1...366).contains(count)
        else { return nil }
        switch words[2] {
        case "day", "days": return date(fromDayNumber: start + count)
        case "week", "weeks": return date(fromDayNumber: start + 7 * count)
        case "month", "months":
            let months = year * 12 + (month - 1) + count
            let (toYear, toMonth) = (months / 12, months % 12 + 1)
            // The same day of that month, or its last when it has fewer days (31 January + 1 month).
            let last = lastDay(toYear, toMonth)
            return min(String(format: "%04d-%02d-%02d", toYear, toMonth, parts[2]), last)
        default: return nil
        }
    }

    /// The last day of a month, `YYYY-MM-DD`.
    private static func lastDay(_ year: Int, _ month: Int) -> String {
        let next = month == 12 ? String(format: "%04d-01-01", year + 1) : String(format: "%04d-%02d-01", year, month + 1)
        return date(fromDayNumber: (dayNumber(next) ?? 1) - 1)
    }

    /// Whether a lower-case word names a day of the week ("fri", "friday"): for evidence read as
    /// `resolve` reads due dates.
    static func isWeekday(_ lower: some StringProtocol) -> Bool {
        lower.count >= 3 && weekdays.contains { lower.hasPrefix($0) }
            && ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains { $0.hasPrefix(lower) }
    }

    /// The words before a weekday that make it a day to meet: "by Friday", "next Monday".
    static let weekdayLeads: Set<String> = ["by", "on", "next", "this", "until", "before"]

    /// Whole days from one `YYYY-MM-DD` to another (negative when `to` is earlier); nil when either
    /// is no date.
    public static func days(from: String, to: String) -> Int? {
        guard isValid(from), isValid(to), let start = dayNumber(from), let end = dayNumber(to) else { return nil }
        return end - start
    }

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
