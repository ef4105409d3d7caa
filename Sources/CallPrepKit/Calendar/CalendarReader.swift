import CLibical
import Foundation

/// Reads an invite or an exported calendar (RFC 5545) through libical into `CalendarEvent`
/// values. Every libical allocation is freed before `read` returns; no libical pointer leaves
/// this folder.
public enum CalendarReader {
    /// Larger files are refused before libical reads them: a year's export is a few MB.
    public static let maxBytes = 16 << 20

    /// How to read the events' times.
    public struct Options: Sendable {
        /// Only the events and occurrences (RRULE, RDATE, EXDATE, RECURRENCE-ID) that start on
        /// this day, `YYYY-MM-DD`, in the zone each is written in; nil: each VEVENT once, at its
        /// DTSTART.
        public var day: String?
        /// The zone of floating times when the calendar names none (X-WR-TIMEZONE).
        public var localZone: String
        /// Express every time in this IANA zone instead of the one it was written in.
        public var zone: String?

        public init(day: String? = nil, localZone: String, zone: String? = nil) {
            self.day = day
            self.localZone = localZone
            self.zone = zone
        }
    }

    public static func read(_ source: SourceFile, options: Options) throws(DiagnosticError) -> [CalendarEvent] {
        try read(source, options: options, skippingUnreadable: false).events
    }

    /// The events; `skippingUnreadable` returns an event that cannot be read (no start, a time or
    /// zone out of range) as a problem instead of ending the read with it.
    static func read(_ source: SourceFile, options: Options, skippingUnreadable: Bool)
        throws(DiagnosticError) -> (events: [CalendarEvent], unreadable: [Diagnostic]) {
        _ = CalendarZones.setUp
        func fail(_ line: Int, _ problem: CalendarProblem) -> DiagnosticError {
            DiagnosticError([Diagnostic(file: source.path, at: SourceLocation(line: line, column: 1), problem)])
        }
        let outline: CalendarOutline
        switch CalendarOutline.read(source.text) {
        case let .success(read): outline = read
        case let .failure(located): throw fail(located.line, located.problem)
        }
        let utf8 = source.text.utf8
        let text = outline.length < utf8.count ? String(decoding: utf8.prefix(outline.length), as: UTF8.self) : source.text
        guard let root = icalparser_parse_string(text) else { throw fail(1, .notACalendar) }
        defer { icalcomponent_free(root) }
        // Several VCALENDARs in one file come under an XROOT: the first is read, as the outline is.
        let calendar = icalcomponent_isa(root) == ICAL_XROOT_COMPONENT
            ? icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT) : root
        guard let calendar else { throw fail(1, .notACalendar) }
        let document = CalendarDocument(root: calendar, outline: outline.calendar, options: options)
        // libical's complaints first; then the rules it would loop on, before any time is read
        // (reading one expands its zone's rules).
        var problems = document.problems()
        if problems.isEmpty { problems = document.ruleProblems() }
        if !problems.isEmpty {
            throw DiagnosticError(problems.map { located in
                Diagnostic(file: source.path, at: SourceLocation(line: located.line, column: 1), located.problem)
            })
        }
        do {
            let (events, unreadable) = try document.events(skippingUnreadable: skippingUnreadable)
            return (events, unreadable.map { Diagnostic(file: source.path, at: SourceLocation(line: $0.line, column: 1), $0.problem) })
        } catch {
            throw fail(error.line, error.problem)
        }
    }
}

/// The parsed VCALENDAR and its outline, side by side.
struct CalendarDocument {
    let root: OpaquePointer
    let outline: CalendarOutline.Component
    let options: CalendarReader.Options
    let zones: CalendarZones
    /// The calendar's own zone for UTC and floating times (Google's exports say X-WR-TIMEZONE).
    let calendarZone: String?

    init(root: OpaquePointer, outline: CalendarOutline.Component, options: CalendarReader.Options) {
        self.root = root
        self.outline = outline
        self.options = options
        zones = CalendarZones(root: root)
        calendarZone = LibicalText.property(root, named: "X-WR-TIMEZONE").flatMap(CalendarZones.ianaName(forTZID:))
    }

    /// libical's complaints (X-LIC-ERROR) anywhere in the calendar, at the line of the property
    /// each names.
    func problems() -> [CalendarProblem.Located] {
        var found: [CalendarProblem.Located] = []
        func visit(_ component: OpaquePointer, _ outline: CalendarOutline.Component?) {
            var property = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY)
            while let current = property {
                let message = icalproperty_get_xlicerror(current).map { String(cString: $0) } ?? "an unreadable value"
                let line = Self.propertyName(in: message).map { outline?.line(of: $0) ?? 1 } ?? outline?.line ?? 1
                // An empty property (Google writes `LOCATION:` and `DESCRIPTION:`) is one not
                // given: libical drops it, and a property an event needs is missed as absent.
                if !message.hasPrefix(Self.emptyProperty) { found.append(.init(line: line, .unreadable(message))) }
                property = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)
            }
            for (child, childOutline) in LibicalText.children(of: component, outline: outline) {
                visit(child, childOutline ?? outline)
            }
        }
        visit(root, outline)
        return found.sorted { $0.line < $1.line }
    }

    /// The repeat rules of the events and the zones that libical would loop on (`CalendarRules`).
    func ruleProblems() -> [CalendarProblem.Located] {
        var found = CalendarRules.zoneProblems(root: root, outline: outline)
        for (child, childOutline) in LibicalText.children(of: root, outline: outline) where icalcomponent_isa(child) == ICAL_VEVENT_COMPONENT {
            for property in LibicalText.properties(child, ICAL_RRULE_PROPERTY) {
                if let problem = CalendarRules.eventProblem(icalproperty_get_rrule(property)) {
                    found.append(.init(line: childOutline?.line(of: "RRULE") ?? childOutline?.line ?? outline.line, problem))
                }
            }
        }
        return found.sorted { $0.line < $1.line }
    }

    /// How libical starts its note on a property written with no value.
    static let emptyProperty = "No value for "

    /// "Can't parse as DATE-TIME value in DTSTAMP property. ..." → DTSTAMP.
    static func propertyName(in message: String) -> String? {
        guard let range = message.range(of: #"in [A-Z][A-Z0-9-]* property"#, options: .regularExpression) else {
            return nil
        }
        return String(message[range].dropFirst(3).dropLast(9))
    }

    /// The events, or with a day the occurrences on it; with `skippingUnreadable`, the problem of
    /// each event that cannot be read instead of the first.
    func events(skippingUnreadable: Bool) throws(CalendarProblem.Located)
        -> (events: [CalendarEvent], unreadable: [CalendarProblem.Located]) {
        var unreadable: [CalendarProblem.Located] = []
        var vevents: [(component: OpaquePointer, line: Int, outline: CalendarOutline.Component?)] = []
        for (child, childOutline) in LibicalText.children(of: root, outline: outline) where icalcomponent_isa(child) == ICAL_VEVENT_COMPONENT {
            vevents.append((child, childOutline?.line ?? outline.line, childOutline))
        }
        let cancelledAll = icalcomponent_get_method(root) == ICAL_METHOD_CANCEL
        var events: [CalendarEvent] = []
        // Occurrences that an override (a VEVENT with RECURRENCE-ID) replaces: UID and instant.
        var replaced = Set<String>()
        for vevent in vevents where LibicalText.hasProperty(vevent.component, ICAL_RECURRENCEID_PROPERTY) {
            let time = icalcomponent_get_recurrenceid(vevent.component)
            let tzid = LibicalText.tzid(of: vevent.component, ICAL_RECURRENCEID_PROPERTY)
            if let instant = try? resolve(time, tzid: tzid, line: vevent.line).instant {
                replaced.insert("\(LibicalText.uid(vevent.component) ?? "")@\(instant)")
            }
        }
        for vevent in vevents {
            do {
                events += try occurrences(of: vevent, cancelledAll: cancelledAll, replaced: replaced)
            } catch where skippingUnreadable {
                unreadable.append(error)
            }
        }
        return (events.sorted { ($0.start.instant ?? 0, $0.line) < ($1.start.instant ?? 0, $1.line) }, unreadable)
    }

    /// One VEVENT as listed, or its occurrences on the day asked for.
    private func occurrences(of vevent: (component: OpaquePointer, line: Int, outline: CalendarOutline.Component?),
                             cancelledAll: Bool, replaced: Set<String>) throws(CalendarProblem.Located) -> [CalendarEvent] {
        let line = vevent.outline?.line(of: "DTSTART") ?? vevent.line
        var event = try event(vevent.component, line: vevent.line, outline: vevent.outline)
        if cancelledAll { event.status = "CANCELLED" }
        guard let day = options.day else { return [event] }
        let isOverride = LibicalText.hasProperty(vevent.component, ICAL_RECURRENCEID_PROPERTY)
        if event.recurs, !isOverride {
            let recurrence = CalendarRecurrence(document: self, component: vevent.component, line: line)
            return try recurrence.starts(on: day, event: event)
                .filter { !replaced.contains("\(event.uid ?? "")@\($0.instant ?? 0)") }
                .map { start in
                    var occurrence = event
                    occurrence.start = start
                    return occurrence
                }
        }
        return event.start.date == day ? [event] : []
    }

    /// One VEVENT as a value, at its DTSTART.
    private func event(_ component: OpaquePointer, line: Int, outline: CalendarOutline.Component?)
        throws(CalendarProblem.Located) -> CalendarEvent {
        let startLine = outline?.line(of: "DTSTART") ?? line
        guard LibicalText.hasProperty(component, ICAL_DTSTART_PROPERTY) else {
            throw .init(line: line, .noStart)
        }
        let startTime = icalcomponent_get_dtstart(component)
        if icaltime_is_null_time(startTime) != 0 { throw .init(line: startLine, .noStart) }
        let start = try calendarTime(startTime, tzid: LibicalText.tzid(of: component, ICAL_DTSTART_PROPERTY),
                                     line: startLine)
        var minutes: Int?
        if let startInstant = start.instant {
            if LibicalText.hasProperty(component, ICAL_DTEND_PROPERTY) {
                let end = icalcomponent_get_dtend(component)
                if let endInstant = try resolve(end, tzid: LibicalText.tzid(of: component, ICAL_DTEND_PROPERTY),
                                                line: outline?.line(of: "DTEND") ?? line).instant {
                    minutes = (endInstant - startInstant) / 60
                }
            } else if LibicalText.hasProperty(component, ICAL_DURATION_PROPERTY) {
                // Counted from the text: libical's 32-bit count makes PT4294969296S 33 minutes.
                minutes = outline?.durations.first.flatMap(CalendarRules.seconds(ofDuration:)).map { $0 / 60 }
            }
        }
        return CalendarEvent(
            uid: LibicalText.uid(component), summary: LibicalText.string(icalcomponent_get_summary(component)),
            description: LibicalText.string(icalcomponent_get_description(component)).map(DescriptionText.plain)
                .flatMap { $0.isEmpty ? nil : $0 },
            location: LibicalText.string(icalcomponent_get_location(component)),
            conference: LibicalText.conference(component),
            status: LibicalText.property(component, named: "STATUS"),
            // A meeting file holds up to a day; a longer event's length is left out.
            start: start, durationMinutes: minutes.flatMap { (1...24 * 60).contains($0) ? $0 : nil },
            organizer: LibicalText.people(component, ICAL_ORGANIZER_PROPERTY).first,
            attendees: LibicalText.people(component, ICAL_ATTENDEE_PROPERTY),
            recurs: LibicalText.hasProperty(component, ICAL_RRULE_PROPERTY)
                || LibicalText.hasProperty(component, ICAL_RDATE_PROPERTY),
            line: line)
    }

    /// A DTSTART-like value as a `CalendarTime`: all-day dates as they are, times at their exact
    /// instant and in the zone they were written in (or `options.zone`).
    func calendarTime(_ time: icaltimetype, tzid: String?, line: Int) throws(CalendarProblem.Located) -> CalendarTime {
        if time.is_date != 0 {
            return CalendarTime(date: CalendarZones.dateText(time))
        }
        let resolved = try resolve(time, tzid: tzid, line: line)
        guard let instant = resolved.instant, let zone = resolved.zone else { throw .init(line: line, .noStart) }
        var written = CalendarZones.calendarTime(instant, named: options.zone ?? resolved.name, zone: zone)
        // The name found for a zone the file defines itself (a Windows or display name) stands for
        // it only where both tell the same time; else the file's zone is written as its offset.
        if options.zone == nil, tzid != nil, resolved.name != nil {
            let own = CalendarZones.local(instant, in: zone)
            if CalendarZones.dateText(own) != written.date || CalendarZones.timeText(own) != written.time {
                written = CalendarZones.calendarTime(instant, named: nil, zone: zone)
            }
        }
        // A zone of the file's own making can be any distance from UTC; a meeting file's cannot.
        if let offset = written.zone, offset.first == "+" || offset.first == "-" {
            var fields = CalendarZones.local(instant, in: zone)
            fields.zone = nil
            let seconds = CalendarZones.instant(fields, in: icaltimezone_get_utc_timezone()) - instant
            if !CalendarZones.isWritableOffset(seconds) {
                throw .init(line: line, .offsetOutOfRange(CalendarZones.offsetText(seconds, seconds: true)))
            }
        }
        return written
    }

    /// The instant of a time value, the zone it is in and the IANA name to write for that zone.
    func resolve(_ time: icaltimetype, tzid: String?, line: Int) throws(CalendarProblem.Located)
        -> (instant: Int?, zone: OpaquePointer?, name: String?) {
        if time.is_date != 0 { return (nil, nil, nil) }
        // libical reads 20261303T094500 as a time; it is not one.
        guard (1...12).contains(time.month), (1...icaltime_days_in_month(time.month, time.year)).contains(time.day),
              (0...23).contains(time.hour), (0...59).contains(time.minute), (0...60).contains(time.second) else {
            throw .init(line: line, .notARealTime(String(cString: icaltime_as_ical_string(time))))
        }
        guard CalendarZones.years.contains(Int(time.year)) else {
            throw .init(line: line, .yearOutOfRange(String(cString: icaltime_as_ical_string(time)), CalendarZones.years))
        }
        if icaltime_is_utc(time) != 0 {
            let utc = icaltimezone_get_utc_timezone()!
            return (CalendarZones.instant(time, in: utc), utc, calendarZone ?? "UTC")
        }
        if let tzid {
            guard let zone = zones.zone(tzid: tzid) else { throw .init(line: line, .unknownTimeZone(tzid)) }
            return (CalendarZones.instant(time, in: zone), zone, zones.meetingName(tzid: tzid))
        }
        // A floating time: the same wall-clock time wherever the reader is.
        let name = calendarZone ?? options.localZone
        guard let zone = CalendarZones.system(name) else { throw .init(line: line, .unknownTimeZone(name)) }
        return (CalendarZones.instant(time, in: zone), zone, name)
    }
}
