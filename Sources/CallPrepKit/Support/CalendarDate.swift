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

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `YYYY-MM-DD` for `2026-12-03`, `2026/12/03`, `3 December 2026`, `Dec 3, 2026`; nil otherwise.
    static func iso(_ text: String) -> String? {
        // Every form of date has a digit; most text that is not a date is turned away here, cheaply.
        guard text.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return nil }
        let trimmed = text.trimmed
        let iso = trimmed.replacingOccurrences(of: "/", with: "-")
        if isValid(String(iso.prefix(10))), iso.count == 10 || iso.dropFirst(10).first == "T" {
            return String(iso.prefix(10))
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
