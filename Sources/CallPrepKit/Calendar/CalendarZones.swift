import CLibical
import Foundation

/// Time zones through libical: the zones a VTIMEZONE in the file defines, the system's IANA zones
/// (libical reads /usr/share/zoneinfo), and the Windows names Outlook and Exchange write.
struct CalendarZones {
    /// The parsed VCALENDAR, whose VTIMEZONEs libical looks TZIDs up in.
    let root: OpaquePointer

    /// libical's settings for the whole process, made once: its errors are reported, never fatal.
    static let setUp: Void = {
        icalerror_set_errors_are_fatal(0)
    }()

    /// The years callprep reads and writes times in. libical follows no repeat rule and no zone
    /// rule after 2582, writes no year after 3000, and counts days wrong in century years before
    /// 1701 (0000-01-01 and 1500-03-01 come back a day late); a meeting is in neither.
    static let years = 1900...2582

    /// The system zone called `name` (an IANA name, or UTC), if there is one that a meeting file
    /// can name too: libical reads any file under /usr/share/zoneinfo (`posixrules`,
    /// `right/UTC`), a meeting file only the zones Foundation knows.
    static func system(_ name: String) -> OpaquePointer? {
        _ = setUp
        if name == "UTC" || name == "Z" || name == "GMT" { return icaltimezone_get_utc_timezone() }
        guard !name.isEmpty, name.utf8.count < 100, !name.contains(".."), name.first != "/",
              TimeZone(identifier: name) != nil else { return nil }
        return icaltimezone_get_builtin_timezone(name)
    }

    /// Offsets a meeting file holds: whole minutes, up to 14:59 either way (MeetingLoader's
    /// `isTimeZone`).
    static func isWritableOffset(_ seconds: Int) -> Bool {
        seconds % 60 == 0 && abs(seconds) < 15 * 3600
    }

    /// The IANA name a TZID stands for: an IANA name itself, one behind a vendor prefix
    /// (`/freeassociation.sourceforge.net/Europe/Berlin`, `/mozilla.org/20050126_1/Europe/Berlin`),
    /// a Windows name mapped by the CLDR table (with the number Outlook adds to a second
    /// definition of it, `W. Europe Standard Time 1`), Exchange's `tzone://Microsoft/Utc`, or a
    /// Windows display name that Exchange writes instead of the zone's name (`(UTC+01:00)
    /// Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna`) by its first city that is an IANA zone's.
    static func ianaName(forTZID tzid: String) -> String? {
        let trimmed = tzid.trimmingCharacters(in: .whitespaces)
        if ["UTC", "GMT", "Z", "Etc/UTC"].contains(trimmed) || trimmed.lowercased() == "tzone://microsoft/utc" { return "UTC" }
        if system(trimmed) != nil { return trimmed }
        if let mapped = WindowsZones.iana[trimmed] { return mapped }
        if let last = trimmed.lastIndex(of: " "), trimmed[trimmed.index(after: last)...].allSatisfy(\.isASCII),
           Int(trimmed[trimmed.index(after: last)...]) != nil, let mapped = WindowsZones.iana[String(trimmed[..<last])] {
            return mapped
        }
        if let named = ianaName(forDisplayName: trimmed) { return named }
        var rest = Substring(trimmed)
        while let slash = rest.firstIndex(of: "/") {
            rest = rest[rest.index(after: slash)...]
            if rest.contains("/"), system(String(rest)) != nil { return String(rest) }
        }
        return nil
    }

    /// The zone a Windows display name stands for: `(UTC+01:00) Amsterdam, Berlin, Bern, Rome,
    /// Stockholm, Vienna` (or in the user's language, `… Rom, Stockholm, Wien`) by the city CLDR
    /// gives for a Windows zone, else the first that ends an IANA name; the regions no city names
    /// by `displayRegions`. nil for text of
    /// another shape. The caller checks the zone against the file's own VTIMEZONE, when it has one.
    static func ianaName(forDisplayName name: String) -> String? {
        guard name.hasPrefix("(UTC") || name.hasPrefix("(GMT"), let close = name.firstIndex(of: ")") else { return nil }
        let places = name[name.index(after: close)...].trimmingCharacters(in: .whitespaces)
        if let region = displayRegions[places] { return region }
        let zones = places.split(separator: ",").compactMap { place in
            zonesByCity[place.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "_")]
        }
        // The city CLDR gives the Windows zone for first: Berlin of "Amsterdam, Berlin, …".
        let windows = Set(WindowsZones.iana.values)
        return zones.first(where: windows.contains) ?? zones.first
    }

    /// Display names of Windows zones that name a region, not a city.
    static let displayRegions: [String: String] = [
        "Eastern Time (US & Canada)": "America/New_York", "Central Time (US & Canada)": "America/Chicago",
        "Mountain Time (US & Canada)": "America/Denver", "Pacific Time (US & Canada)": "America/Los_Angeles",
        "Coordinated Universal Time": "UTC",
    ]

    /// The IANA zones by their last part (`Berlin` → `Europe/Berlin`), the shortest name where two
    /// end alike.
    static let zonesByCity: [String: String] = {
        var zones: [String: String] = [:]
        for identifier in TimeZone.knownTimeZoneIdentifiers where identifier.contains("/") {
            guard let city = identifier.split(separator: "/").last.map(String.init) else { continue }
            if let known = zones[city], known.count <= identifier.count { continue }
            zones[city] = identifier
        }
        return zones
    }()

    /// The zone a TZID parameter names: the file's VTIMEZONE of that TZID, else the system zone
    /// it stands for.
    func zone(tzid: String) -> OpaquePointer? {
        if let defined = icalcomponent_get_timezone(root, tzid) { return defined }
        return Self.ianaName(forTZID: tzid).flatMap(Self.system)
    }

    /// The name to write in a meeting file for a TZID: its IANA name, else the location its
    /// VTIMEZONE gives (X-LIC-LOCATION), else nil (the caller writes an offset).
    func meetingName(tzid: String) -> String? {
        if let name = Self.ianaName(forTZID: tzid) { return name }
        if let defined = icalcomponent_get_timezone(root, tzid), let location = icaltimezone_get_location(defined),
           let name = Self.ianaName(forTZID: String(cString: location)) {
            return name
        }
        return nil
    }

    /// The instant of a wall-clock time in `zone`.
    static func instant(_ time: icaltimetype, in zone: OpaquePointer) -> Int {
        var local = time
        local.zone = nil
        return Int(icaltime_as_timet_with_zone(local, zone))
    }

    /// The wall-clock time of an instant in `zone`.
    static func local(_ instant: Int, in zone: OpaquePointer) -> icaltimetype {
        icaltime_from_timet_with_zone(time_t(instant), 0, zone)
    }

    /// The instant as a `CalendarTime` in the zone called `name` (an IANA name), else in `zone`
    /// with its offset as the name (which `isWritableOffset` may refuse).
    static func calendarTime(_ instant: Int, named name: String?, zone: OpaquePointer) -> CalendarTime {
        if let name, let named = system(name) {
            let local = local(instant, in: named)
            return CalendarTime(date: dateText(local), time: timeText(local), zone: name, instant: instant)
        }
        let local = local(instant, in: zone)
        var utcFields = local
        utcFields.zone = nil
        let offset = Int(icaltime_as_timet_with_zone(utcFields, icaltimezone_get_utc_timezone()))
            - instant
        return CalendarTime(date: dateText(local), time: timeText(local), zone: offsetText(offset), instant: instant)
    }

    static func dateText(_ time: icaltimetype) -> String {
        String(format: "%04d-%02d-%02d", time.year, time.month, time.day)
    }

    static func timeText(_ time: icaltimetype) -> String {
        String(format: "%02d:%02d", time.hour, time.minute)
    }

    /// `+01:00` for 3600 seconds; with `seconds`, `+00:19:32` where there are any.
    static func offsetText(_ offset: Int, seconds: Bool = false) -> String {
        let minutes = abs(offset) / 60
        let text = (offset < 0 ? "-" : "+") + String(format: "%02d:%02d", minutes / 60, minutes % 60)
        return seconds && offset % 60 != 0 ? text + String(format: ":%02d", abs(offset) % 60) : text
    }
}
