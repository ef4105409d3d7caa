import Foundation

/// Dates, times and money as people read them, the same on every machine (no locale involved).
enum Formatting {
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// `2026-11-26` as `Thursday 26 November 2026`.
    static func longDate(_ date: String, weekday: Bool = true) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return date }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        let text = "\(day) \(months[month - 1]) \(year)"
        return weekday ? "\(weekdays[dayOfWeek(year: year, month: month, day: day)]) \(text)" : text
    }

    /// 0 for Sunday (Sakamoto's method).
    private static func dayOfWeek(year: Int, month: Int, day: Int) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
    }

    /// When the meeting is, in its own time zone:
    /// `Thursday 26 November 2026, 10:00–10:45 Europe/Berlin (UTC+01:00)`.
    static func when(_ meeting: Meeting) -> String {
        var text = longDate(meeting.date)
        guard let time = meeting.time else { return text }
        text += ", \(time)"
        if let minutes = meeting.durationMinutes { text += "–" + clock(time, plus: minutes) }
        if let zone = meeting.timeZone {
            if zone.first == "+" || zone.first == "-" {
                text += " UTC\(zone)"
            } else {
                text += " \(zone)"
                if let offset = utcOffset(zone: zone, date: meeting.date, time: time) { text += " (\(offset))" }
            }
        }
        return text
    }

    private static func clock(_ time: String, plus minutes: Int) -> String {
        let parts = time.split(separator: ":").compactMap { Int($0) }
        guard parts.count >= 2 else { return time }
        let total = (parts[0] * 60 + parts[1] + minutes) % (24 * 60)
        return String(format: "%02d:%02d", total / 60, total % 60)
    }

    /// `UTC+01:00` for a named zone at that moment; nil for offsets, which say it themselves.
    private static func utcOffset(zone: String, date: String, time: String) -> String? {
        guard zone.first != "+", zone.first != "-", let timeZone = TimeZone(identifier: zone) else { return nil }
        let d = date.split(separator: "-").compactMap { Int($0) }
        let t = time.split(separator: ":").compactMap { Int($0) }
        guard d.count == 3, t.count >= 2 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard let moment = calendar.date(from: DateComponents(year: d[0], month: d[1], day: d[2], hour: t[0],
                                                              minute: t[1])) else { return nil }
        let seconds = timeZone.secondsFromGMT(for: moment)
        let sign = seconds < 0 ? "-" : "+"
        return String(format: "UTC%@%02d:%02d", sign, abs(seconds) / 3600, abs(seconds) % 3600 / 60)
    }

    /// `EUR 120,000`, or `120,000.50` without a currency.
    static func money(_ value: Double, currency: String?) -> String {
        // The meeting loader refuses values beyond a trillion; this stays safe for any value.
        guard value.isFinite, abs(value) < 1e15 else { return currency.map { "\($0) \(value)" } ?? "\(value)" }
        let cents = NumberText.whole(abs(value) * 100)
        var whole = String(cents / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        grouped = (value < 0 ? "-" : "") + whole + grouped
        if cents % 100 != 0 { grouped += String(format: ".%02d", cents % 100) }
        return currency.map { "\($0) \(grouped)" } ?? grouped
    }
}
