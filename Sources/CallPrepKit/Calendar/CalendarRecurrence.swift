import CLibical
import Foundation

/// The occurrences of a repeating VEVENT on one day: its DTSTART, its RRULEs (libical's
/// iterator) and RDATEs, less its EXDATEs.
struct CalendarRecurrence {
    let document: CalendarDocument
    let component: OpaquePointer
    /// The line of its DTSTART, for problems.
    let line: Int

    /// A rule that needs more steps than this to reach the day is refused rather than followed
    /// (FREQ=SECONDLY from 1970 would take minutes).
    static let maxSteps = 100_000

    func starts(on day: String, event: CalendarEvent) throws(CalendarProblem.Located) -> [CalendarTime] {
        let dtstart = icalcomponent_get_dtstart(component)
        let tzid = LibicalText.tzid(of: component, ICAL_DTSTART_PROPERTY)
        let parts = day.split(separator: "-").compactMap { Int32($0) }
        // libical follows no rule past 2582, and callprep reads no time outside its years.
        guard CalendarDate.isValid(day), parts.count == 3, CalendarZones.years.contains(Int(parts[0])) else { return [] }
        var dayStart = icaltime_null_time()
        (dayStart.year, dayStart.month, dayStart.day) = (parts[0], parts[1], parts[2])
        // Two days either side: the day is in the zone the event is shown in, the rule in its own.
        var windowStart = icaltime_add(dayStart, icaldurationtype_from_int(-2 * 86400))
        var windowEnd = icaltime_add(dayStart, icaldurationtype_from_int(3 * 86400))
        windowStart.zone = dtstart.zone
        windowEnd.zone = dtstart.zone
        windowStart.is_date = dtstart.is_date
        windowEnd.is_date = dtstart.is_date

        var candidates: [(time: icaltimetype, tzid: String?)] = [(dtstart, tzid)]
        for property in LibicalText.properties(component, ICAL_RRULE_PROPERTY) {
            candidates += try ruleStarts(icalproperty_get_rrule(property), from: dtstart, window: (windowStart, windowEnd))
                .map { ($0, tzid) }
        }
        for property in LibicalText.properties(component, ICAL_RDATE_PROPERTY) {
            let value = icalproperty_get_rdate(property)
            let time = icaltime_is_null_time(value.time) == 0 ? value.time : value.period.start
            candidates.append((time, LibicalText.tzid(of: property) ?? tzid))
        }
        var excluded = Set<String>()
        for property in LibicalText.properties(component, ICAL_EXDATE_PROPERTY) {
            let time = icalproperty_get_exdate(property)
            excluded.insert(try key(time, tzid: LibicalText.tzid(of: property) ?? tzid))
        }
        var seen = Set<String>()
        var starts: [CalendarTime] = []
        for candidate in candidates {
            let key = try key(candidate.time, tzid: candidate.tzid)
            guard !excluded.contains(key), seen.insert(key).inserted else { continue }
            let start = try document.calendarTime(candidate.time, tzid: candidate.tzid, line: line)
            if start.date == day { starts.append(start) }
        }
        return starts
    }

    /// The rule's starts up to the window's end, skipping ahead to its beginning when libical can;
    /// bounded by `maxSteps` and by `CalendarRules.followingTime`.
    private func ruleStarts(_ rule: icalrecurrencetype, from dtstart: icaltimetype,
                            window: (start: icaltimetype, end: icaltimetype)) throws(CalendarProblem.Located)
        -> [icaltimetype] {
        switch CalendarRules.follow(rule, from: dtstart, skipTo: window.start, end: window.end, limit: Self.maxSteps) {
        case let .starts(starts, finished):
            guard finished else { throw .init(line: line, .endlessRule(Self.maxSteps)) }
            return starts.filter { icaltime_compare($0, window.start) >= 0 }
        case .cannotFollow:
            throw .init(line: line, .unreadable("a repeat rule (RRULE) libical cannot follow"))
        case .tooSlow:
            throw .init(line: line, .slowRule(CalendarRules.followingTime))
        }
    }

    /// What identifies an occurrence: its instant, or its date for an all-day event.
    private func key(_ time: icaltimetype, tzid: String?) throws(CalendarProblem.Located) -> String {
        if time.is_date != 0 { return CalendarZones.dateText(time) }
        return String(try document.resolve(time, tzid: tzid, line: line).instant ?? 0)
    }
}
