import CLibical
import Foundation

/// The repeat rules (RRULE) of a calendar, screened before libical follows any of them.
///
/// libical's iterator steps one unit of the rule's frequency at a time until the rule's filters
/// pass, inside a single call, up to the year 2582: `FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30` takes
/// 18 billion steps in one call, and a time zone whose offset changes every second from 1601 fills
/// the memory. So the shapes that make it loop are refused with their line, and what is left is
/// followed with a bound on steps (`CalendarRecurrence.maxSteps`) and on time (`followingTime`).
/// docs/limits.md ("Calendar files") gives the measurements.
enum CalendarRules {
    /// Real events repeat daily at most often; real zones change their offset once or twice a year.
    static func frequencyName(_ frequency: icalrecurrencetype_frequency) -> String {
        switch frequency {
        case ICAL_SECONDLY_RECURRENCE: "FREQ=SECONDLY"
        case ICAL_MINUTELY_RECURRENCE: "FREQ=MINUTELY"
        case ICAL_HOURLY_RECURRENCE: "FREQ=HOURLY"
        case ICAL_DAILY_RECURRENCE: "FREQ=DAILY"
        case ICAL_WEEKLY_RECURRENCE: "FREQ=WEEKLY"
        case ICAL_MONTHLY_RECURRENCE: "FREQ=MONTHLY"
        case ICAL_YEARLY_RECURRENCE: "FREQ=YEARLY"
        default: "no FREQ"
        }
    }

    static func isSubDaily(_ frequency: icalrecurrencetype_frequency) -> Bool {
        frequency == ICAL_SECONDLY_RECURRENCE || frequency == ICAL_MINUTELY_RECURRENCE || frequency == ICAL_HOURLY_RECURRENCE
    }

    /// A zone's changes of offset a year, at most (a real one has one per rule).
    static let maxChangesPerYear = 2
    /// The changes of offset libical may have to build for all the file's zones, from each rule's
    /// DTSTART to 2582 (libical's last year): an Outlook zone since 1601 has about 2,000.
    static let maxZoneChanges = 200_000
    /// libical's last year for repeats and zones (its MAX_TIME_T_YEAR).
    static let lastYear = 2582

    /// How long one call of libical's iterator may take. Calls of rules that pass the screens take
    /// microseconds (a run of many is bounded by `CalendarRecurrence.maxSteps`); this bounds what
    /// no screen foresaw (measured: 1.5 s for a daily rule that never matches, 7 s for a monthly
    /// BYSETPOS=-40).
    static let followingTime: Double = 1

    // MARK: Screens

    /// Why an event's rule is refused, or nil.
    static func eventProblem(_ rule: icalrecurrencetype) -> CalendarProblem? {
        if isSubDaily(rule.freq) { return .subDailyRule(frequencyName(rule.freq)) }
        if rule.rscale != nil, let scale = String(validatingCString: rule.rscale), scale.uppercased() != "GREGORIAN" {
            return .unreadable("a repeat rule in the \(scale) calendar (RSCALE): callprep follows Gregorian rules only")
        }
        if let part = neverMatching(rule) { return .neverMatchingRule(part) }
        return nil
    }

    /// A part of the rule that no date can pass: BYMONTH with BYMONTHDAY or BYYEARDAY that never
    /// meet, or a BYSETPOS beyond what one period can hold. libical would search to the year 20000
    /// (seconds) or, stepping by days, to 2582.
    static func neverMatching(_ rule: icalrecurrencetype) -> String? {
        var copy = rule
        let months = values(&copy.by_month, Int(ICAL_BY_MONTH_SIZE)).map { Int($0) & 0xFF }  // the "L" leap flag aside
        let monthDays = values(&copy.by_month_day, Int(ICAL_BY_MONTHDAY_SIZE)).map(Int.init)
        let yearDays = values(&copy.by_year_day, Int(ICAL_BY_YEARDAY_SIZE)).map(Int.init)
        let positions = values(&copy.by_set_pos, Int(ICAL_BY_SETPOS_SIZE)).map(Int.init)
        let days = values(&copy.by_day, 7 * 55 + 1)  // ICAL_BY_DAY_SIZE, a macro Swift cannot import
        let hours = values(&copy.by_hour, Int(ICAL_BY_HOUR_SIZE)).count
        let minutes = values(&copy.by_minute, Int(ICAL_BY_MINUTE_SIZE)).count
        let seconds = values(&copy.by_second, Int(ICAL_BY_SECOND_SIZE)).count

        // BYDAY=1MO in a month is one of its days 1 to 7, -1MO one of its last seven; a weekday
        // without a number can be any day.
        let monthRelative = rule.freq == ICAL_MONTHLY_RECURRENCE || (rule.freq == ICAL_YEARLY_RECURRENCE && !months.isEmpty)
        let ordinals = monthRelative ? days.map { Int(icalrecurrencetype_day_position($0)) } : []
        let anyWeekday = ordinals.isEmpty || ordinals.contains(0)
        if !monthDays.isEmpty || !yearDays.isEmpty || !months.isEmpty || !anyWeekday {
            // Every date of a common and of a leap year, against the date filters.
            let found = [false, true].contains { leap in
                let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
                let yearLength = leap ? 366 : 365
                var yearDay = 0
                for month in 1...12 {
                    for day in 1...lengths[month - 1] {
                        yearDay += 1
                        if !months.isEmpty, !months.contains(month) { continue }
                        if !monthDays.isEmpty, !monthDays.contains(day), !monthDays.contains(day - lengths[month - 1] - 1) { continue }
                        if !yearDays.isEmpty, !yearDays.contains(yearDay), !yearDays.contains(yearDay - yearLength - 1) { continue }
                        let length = lengths[month - 1]
                        if !anyWeekday, !ordinals.contains(where: { ordinal in
                            ordinal > 0 ? (7 * (ordinal - 1) + 1...7 * ordinal).contains(day)
                                : (length + 1 + 7 * ordinal...length + 7 + 7 * ordinal).contains(day)
                        }) { continue }
                        return true
                    }
                }
                return false
            }
            if !found {
                return [("BYMONTH", months), ("BYMONTHDAY", monthDays), ("BYYEARDAY", yearDays),
                        ("BYDAY numbered", anyWeekday ? [] : ordinals)]
                    .filter { !$0.1.isEmpty }.map { "\($0.0)=\($0.1.map(String.init).joined(separator: ","))" }
                    .joined(separator: ";")
            }
        }
        if let position = positions.map(abs).max() {
            // The most occurrences one period can hold: its days, times each time of day.
            var periodDays: Int
            switch rule.freq {
            case ICAL_DAILY_RECURRENCE: periodDays = 1
            case ICAL_WEEKLY_RECURRENCE: periodDays = 7
            case ICAL_MONTHLY_RECURRENCE: periodDays = 31
            default: periodDays = 366
            }
            if !monthDays.isEmpty { periodDays = min(periodDays, monthDays.count * (rule.freq == ICAL_MONTHLY_RECURRENCE ? 1 : 12)) }
            if !yearDays.isEmpty { periodDays = min(periodDays, yearDays.count) }
            if !days.isEmpty {
                let perWeekday = rule.freq == ICAL_MONTHLY_RECURRENCE ? 5 : rule.freq == ICAL_YEARLY_RECURRENCE ? 53 : 1
                periodDays = min(periodDays, days.count * perWeekday)
            }
            let most = periodDays * max(hours, 1) * max(minutes, 1) * max(seconds, 1)
            if position > most || position == 0 { return "BYSETPOS=\(position) (one period holds at most \(most))" }
        }
        return nil
    }

    /// The values of one BY list: up to its terminator (ICAL_RECURRENCE_ARRAY_MAX) or its size.
    private static func values<T>(_ list: inout T, _ size: Int) -> [Int16] {
        withUnsafeBytes(of: &list) { raw in
            let all = raw.bindMemory(to: Int16.self)
            var found: [Int16] = []
            for index in 0..<min(size, all.count) {
                if all[index] == Int16(truncatingIfNeeded: ICAL_RECURRENCE_ARRAY_MAX.rawValue) { break }
                found.append(all[index])
            }
            return found
        }
    }

    /// Each VTIMEZONE's STANDARD and DAYLIGHT rules: yearly, at most `maxChangesPerYear` changes
    /// a year, and all together at most `maxZoneChanges` from their DTSTART to 2582.
    static func zoneProblems(root: OpaquePointer, outline: CalendarOutline.Component) -> [CalendarProblem.Located] {
        var found: [CalendarProblem.Located] = []
        var total = 0
        for (zone, zoneOutline) in LibicalText.children(of: root, outline: outline) where icalcomponent_isa(zone) == ICAL_VTIMEZONE_COMPONENT {
            for (part, partOutline) in LibicalText.children(of: zone, outline: zoneOutline) {
                let line = partOutline?.line(of: "RRULE") ?? zoneOutline?.line ?? 1
                total += 1 + LibicalText.properties(part, ICAL_RDATE_PROPERTY).count
                guard LibicalText.hasProperty(part, ICAL_DTSTART_PROPERTY) else { continue }
                let start = icalcomponent_get_dtstart(part)
                for property in LibicalText.properties(part, ICAL_RRULE_PROPERTY) {
                    let rule = icalproperty_get_rrule(property)
                    if rule.freq != ICAL_YEARLY_RECURRENCE {
                        found.append(.init(line: line, .zoneRule(
                            "it repeats \(frequencyName(rule.freq)); a zone's offset changes yearly")))
                        continue
                    }
                    if let problem = eventProblem(rule) {
                        found.append(.init(line: line, problem))
                        continue
                    }
                    // The changes of its first four years, counted by libical within the time bound.
                    let years = 4
                    let counted: Int
                    var end = start
                    (end.year, end.month, end.day, end.hour, end.minute, end.second) = (start.year + Int32(years) - 1, 12, 31, 23, 59, 59)
                    switch follow(rule, from: start, end: end, limit: years * maxChangesPerYear + 1) {
                    case let .starts(starts, _): counted = starts.count
                    case .cannotFollow: counted = 0  // libical adds only the DTSTART
                    case .tooSlow:
                        found.append(.init(line: line, .slowRule(followingTime)))
                        continue
                    }
                    if counted > years * maxChangesPerYear {
                        found.append(.init(line: line, .zoneRule(
                            "it changes the offset more than \(maxChangesPerYear) times a year")))
                        continue
                    }
                    var last = lastYear
                    if icaltime_is_null_time(rule.until) == 0 { last = min(last, Int(rule.until.year)) }
                    var changes = max(0, last - Int(start.year) + 1) * maxChangesPerYear
                    if rule.count > 0 { changes = min(changes, Int(rule.count)) }
                    total += changes
                }
                if total > maxZoneChanges {
                    return found + [.init(line: line, .tooManyZoneChanges(maxZoneChanges))]
                }
            }
        }
        return found
    }

    // MARK: Following a rule, bounded

    /// The rule's starts from `dtstart` (from `skipTo` when given and libical can), up to `end` or
    /// until `limit` starts were taken. libical runs on a thread of its own that only touches its own
    /// iterator, so that one that does not return can be left behind.
    static func follow(_ rule: icalrecurrencetype, from dtstart: icaltimetype, skipTo: icaltimetype? = nil,
                       end: icaltimetype, limit: Int) -> Followed {
        var owned = rule
        owned.rscale = nil  // points into the component, which the caller may free; Gregorian only here
        let work = FollowWork(rule: owned, dtstart: dtstart, skipTo: skipTo, end: end, limit: limit)
        let thread = Thread { work.run() }
        thread.stackSize = 1 << 20
        thread.start()
        // Given up only when no call returned for `followingTime`: a long run of quick calls is
        // the step limit's to end, not the clock's (the machine may be busy).
        var seen = 0
        while work.done.wait(timeout: .now() + followingTime) == .timedOut {
            let steps = work.steps
            if steps == seen { return .tooSlow }
            seen = steps
        }
        return work.result
    }

    enum Followed {
        /// The starts; `finished`: the rule ended (or passed `end`) before `limit` starts.
        case starts([icaltimetype], finished: Bool)
        /// libical refused the rule (icalrecur_iterator_new gave nothing).
        case cannotFollow
        /// libical took longer than `followingTime`.
        case tooSlow
    }

    /// What the following thread reads and writes: values only, handed over by the semaphore.
    private final class FollowWork: @unchecked Sendable {
        let rule: icalrecurrencetype
        let dtstart: icaltimetype
        let skipTo: icaltimetype?
        let end: icaltimetype
        let limit: Int
        let done = DispatchSemaphore(value: 0)
        var result = Followed.cannotFollow
        private let lock = NSLock()
        private var stepsTaken = 0
        /// The calls of the iterator that returned so far (iterator_new counts as one).
        var steps: Int { lock.withLock { stepsTaken } }

        init(rule: icalrecurrencetype, dtstart: icaltimetype, skipTo: icaltimetype?,
             end: icaltimetype, limit: Int) {
            self.rule = rule
            self.dtstart = dtstart
            self.skipTo = skipTo
            self.end = end
            self.limit = limit
        }

        func run() {
            defer { done.signal() }
            guard let iterator = icalrecur_iterator_new(rule, dtstart) else { return }
            defer { icalrecur_iterator_free(iterator) }
            lock.withLock { stepsTaken += 1 }
            if let skipTo, rule.count == 0, icaltime_compare(skipTo, dtstart) > 0 {
                _ = icalrecur_iterator_set_start(iterator, skipTo)
            }
            var starts: [icaltimetype] = []
            for _ in 0..<limit {
                let next = icalrecur_iterator_next(iterator)
                lock.withLock { stepsTaken += 1 }
                if icaltime_is_null_time(next) != 0 || icaltime_compare(next, end) > 0 {
                    result = .starts(starts, finished: true)
                    return
                }
                starts.append(next)
            }
            result = .starts(starts, finished: false)
        }
    }

    // MARK: DURATION

    /// The seconds of an RFC 5545 duration (`PT1H30M`, `P1D`, `-P1W`), counted without overflow
    /// (saturating); nil when it is not one.
    static func seconds(ofDuration text: String) -> Int? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces).uppercased())
        var sign = 1
        if rest.first == "+" || rest.first == "-" {
            if rest.first == "-" { sign = -1 }
            rest = rest.dropFirst()
        }
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        var total = 0, number: Int?, inTime = false, units = 0
        for character in rest {
            if let digit = character.wholeNumberValue, character.isASCII {
                let (times, overflow1) = (number ?? 0).multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(digit)
                number = overflow1 || overflow2 ? Int.max / 2 : sum
                continue
            }
            if character == "T" {
                guard !inTime, number == nil else { return nil }
                inTime = true
                continue
            }
            let scale: Int
            switch (character, inTime) {
            case ("W", false): scale = 7 * 86400
            case ("D", false): scale = 86400
            case ("H", true): scale = 3600
            case ("M", true): scale = 60
            case ("S", true): scale = 1
            default: return nil
            }
            guard let value = number else { return nil }
            let (part, overflow) = value.multipliedReportingOverflow(by: scale)
            let (sum, overflow2) = total.addingReportingOverflow(overflow ? Int.max / 2 : part)
            total = overflow2 ? Int.max / 2 : min(sum, Int.max / 2)
            number = nil
            units += 1
        }
        guard number == nil, units > 0 else { return nil }
        return sign * total
    }
}
