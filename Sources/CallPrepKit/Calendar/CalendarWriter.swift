import CLibical
import Foundation

/// An event to put on the rep's calendar: the prep time before a call.
public struct CalendarBlock: Sendable {
    public var uid: String
    public var summary: String
    public var description: String
    /// The call's start: `YYYY-MM-DD`, `HH:MM`, and an IANA zone or an offset.
    public var callDate: String
    public var callTime: String
    public var zone: String
    /// The block's length, and the minutes between its end and the call.
    public var minutes: Int
    public var gap: Int
    /// When the block was written, seconds since 1970 (DTSTAMP).
    public var stamp: Int

    public init(uid: String, summary: String, description: String, callDate: String, callTime: String, zone: String,
                minutes: Int, gap: Int, stamp: Int) {
        self.uid = uid
        self.summary = summary
        self.description = description
        self.callDate = callDate
        self.callTime = callTime
        self.zone = zone
        self.minutes = minutes
        self.gap = gap
        self.stamp = stamp
    }
}

/// Writes iCalendar through libical: lines end in CRLF and are folded at 75 octets.
public enum CalendarWriter {
    /// A VCALENDAR with one VEVENT, in the call's IANA zone (with its VTIMEZONE) or, for a call
    /// given with an offset, in UTC.
    public static func event(_ block: CalendarBlock) throws(CalendarProblem) -> String {
        _ = CalendarZones.setUp
        let named = block.zone.first == "+" || block.zone.first == "-" ? nil : CalendarZones.system(block.zone)
        guard let callStart = callInstant(block, zone: named) else {
            throw .cannotWrite("the call's date, time or zone cannot be read: \(block.callDate) \(block.callTime) \(block.zone)")
        }
        let end = callStart - block.gap * 60
        let start = end - block.minutes * 60
        // libical writes 00000000T000000 for a year after 3000, and counts days wrong before
        // 1701: only what reads back as written is written.
        for instant in [start, end] {
            let year = Int(utc(instant).year)
            guard CalendarZones.years.contains(year) else {
                throw .cannotWrite("the prep block would be in the year \(year), outside the years callprep writes "
                    + "(\(CalendarZones.years.lowerBound) to \(CalendarZones.years.upperBound))")
            }
        }

        guard let calendar = icalcomponent_new_vcalendar() else { throw .cannotWrite("out of memory") }
        defer { icalcomponent_free(calendar) }
        icalcomponent_add_property(calendar, icalproperty_new_version("2.0"))
        icalcomponent_add_property(calendar, icalproperty_new_prodid("-//callprep//prep-block \(CallPrepVersion.current)//EN"))
        icalcomponent_add_property(calendar, icalproperty_new_calscale("GREGORIAN"))
        icalcomponent_add_property(calendar, icalproperty_new_method(ICAL_METHOD_PUBLISH))
        if let named, block.zone != "UTC", let definition = icaltimezone_get_component(named),
           let copy = icalcomponent_new_clone(definition) {
            // Only the rules from the block's year on, under the zone's plain IANA name.
            var from = icaltime_from_timet_with_zone(time_t(start), 0, icaltimezone_get_utc_timezone())
            (from.month, from.day, from.hour, from.minute, from.second) = (1, 1, 0, 0, 0)
            icaltimezone_truncate_vtimezone(copy, from, icaltime_null_time(), 1)
            if let tzid = icalcomponent_get_first_property(copy, ICAL_TZID_PROPERTY) { icalproperty_set_tzid(tzid, block.zone) }
            icalcomponent_add_component(calendar, copy)
        }
        guard let event = icalcomponent_new_vevent() else { throw .cannotWrite("out of memory") }
        icalcomponent_add_component(calendar, event)
        icalcomponent_add_property(event, icalproperty_new_uid(block.uid))
        icalcomponent_add_property(event, icalproperty_new_dtstamp(utc(block.stamp)))
        // A later block for the same call replaces an earlier one: its sequence is higher.
        icalcomponent_add_property(event, icalproperty_new_sequence(Int32(clamping: max(0, (block.stamp - 946_684_800) / 60))))
        icalcomponent_add_property(event, time(icalproperty_new_dtstart, start, zone: named, name: block.zone))
        icalcomponent_add_property(event, time(icalproperty_new_dtend, end, zone: named, name: block.zone))
        icalcomponent_add_property(event, icalproperty_new_summary(block.summary))
        icalcomponent_add_property(event, icalproperty_new_description(block.description))
        icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_OPAQUE))
        icalcomponent_add_property(event, icalproperty_new_categories("Call prep"))
        // Read back: the block starts and ends where it was meant to.
        for (kind, instant) in [(ICAL_DTSTART_PROPERTY, start), (ICAL_DTEND_PROPERTY, end)] {
            guard let property = icalcomponent_get_first_property(event, kind) else { throw .cannotWrite("libical lost a time") }
            var written = kind == ICAL_DTSTART_PROPERTY ? icalproperty_get_dtstart(property) : icalproperty_get_dtend(property)
            let zone = icaltime_is_utc(written) != 0 ? icaltimezone_get_utc_timezone() : named
            written.zone = nil
            guard icaltime_is_null_time(written) == 0, let zone, CalendarZones.instant(written, in: zone) == instant else {
                throw .cannotWrite("libical would write a time other than the block's")
            }
        }
        guard let text = icalcomponent_as_ical_string_r(calendar) else { throw .cannotWrite("libical wrote nothing") }
        defer { icalmemory_free_buffer(text) }
        return String(cString: text)
    }

    private static func callInstant(_ block: CalendarBlock, zone: OpaquePointer?) -> Int? {
        let date = block.callDate.split(separator: "-").compactMap { Int32($0) }
        let clock = block.callTime.split(separator: ":").compactMap { Int32($0) }
        guard date.count == 3, clock.count == 2 else { return nil }
        var local = icaltime_null_time()
        (local.year, local.month, local.day, local.hour, local.minute) = (date[0], date[1], date[2], clock[0], clock[1])
        if let zone { return CalendarZones.instant(local, in: zone) }
        // An offset such as +01:00: the wall-clock time less the offset is UTC.
        let sign = block.zone.first == "-" ? -1 : 1
        let parts = block.zone.dropFirst().split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2 else { return nil }
        return CalendarZones.instant(local, in: icaltimezone_get_utc_timezone()) - sign * (parts[0] * 3600 + parts[1] * 60)
    }

    private static func utc(_ instant: Int) -> icaltimetype {
        icaltime_from_timet_with_zone(time_t(instant), 0, icaltimezone_get_utc_timezone())
    }

    /// DTSTART or DTEND: local time with TZID in a named zone, else UTC.
    private static func time(_ make: (icaltimetype) -> OpaquePointer?, _ instant: Int, zone: OpaquePointer?,
                             name: String) -> OpaquePointer? {
        guard let zone, name != "UTC" else { return make(utc(instant)) }
        var local = CalendarZones.local(instant, in: zone)
        local.zone = nil
        let property = make(local)
        icalproperty_add_parameter(property, icalparameter_new_tzid(name))
        return property
    }
}
