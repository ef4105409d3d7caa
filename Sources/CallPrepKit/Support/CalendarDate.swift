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
