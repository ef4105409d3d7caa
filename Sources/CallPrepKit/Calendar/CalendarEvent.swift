import Foundation

/// A person, room or resource on an invite: the ORGANIZER or one ATTENDEE.
public struct CalendarPerson: Sendable, Hashable, Codable {
    /// CUTYPE, with resource calendar addresses (Google's `@resource.calendar.google.com`,
    /// Exchange's room mailboxes named in CN) read as rooms.
    public enum Kind: String, Sendable, Codable {
        case person, group, room, resource
    }

    /// CN as written, unescaped (Outlook writes "Last, First").
    public var name: String?
    /// The EMAIL parameter's address, else the address of a `mailto:` value; lowercased; nil for
    /// other URIs (Apple's `urn:uuid:…` without EMAIL).
    public var email: String?
    public var kind: Kind
    /// ROLE: CHAIR, REQ-PARTICIPANT, OPT-PARTICIPANT or NON-PARTICIPANT.
    public var role: String?

    public init(name: String?, email: String?, kind: Kind = .person, role: String? = nil) {
        self.name = name
        self.email = email
        self.kind = kind
        self.role = role
    }

    /// The part of the address after `@`, lowercased.
    public var domain: String? { email.flatMap(Self.domain(of:)) }

    /// The part of an address after `@`, lowercased; nil when there is none.
    public static func domain(of email: String) -> String? {
        guard let at = email.lastIndex(of: "@") else { return nil }
        let domain = email[email.index(after: at)...]
        return domain.isEmpty ? nil : domain.lowercased()
    }

    /// An address a meeting file accepts: one `@`, something before it, a dot after it, no space.
    public static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(where: \.isWhitespace)
    }

    /// A person who takes part: not a room, a resource or a mailing list.
    public var isPerson: Bool { kind == .person }
}

/// When an event starts, in the zone it was written in.
public struct CalendarTime: Sendable, Hashable, Codable {
    /// `YYYY-MM-DD` in `zone`.
    public var date: String
    /// `HH:MM` in `zone`; nil for an all-day event.
    public var time: String?
    /// An IANA name (`Europe/Berlin`, `UTC`) or an offset (`+01:00`); nil for an all-day event.
    public var zone: String?
    /// Seconds since 1970 in UTC; nil for an all-day event.
    public var instant: Int?

    public init(date: String, time: String? = nil, zone: String? = nil, instant: Int? = nil) {
        self.date = date
        self.time = time
        self.zone = zone
        self.instant = instant
    }

    public var isAllDay: Bool { time == nil }
}

/// One VEVENT, or one occurrence of a recurring one, as plain values.
public struct CalendarEvent: Sendable, Hashable, Codable {
    public var uid: String?
    public var summary: String?
    /// DESCRIPTION, unescaped, as plain text (`DescriptionText`: Google's HTML and Meet frame
    /// undone); conference links as written.
    public var description: String?
    public var location: String?
    /// A conference link given apart from the description (CONFERENCE, or Google's and
    /// Microsoft's X- properties).
    public var conference: String?
    /// STATUS: TENTATIVE, CONFIRMED or CANCELLED.
    public var status: String?
    public var start: CalendarTime
    public var durationMinutes: Int?
    public var organizer: CalendarPerson?
    /// Attendees in the invite's order; the organiser is among them only when the invite lists
    /// them as an attendee too.
    public var attendees: [CalendarPerson]
    /// The event repeats (RRULE or RDATE).
    public var recurs: Bool
    /// The line of its `BEGIN:VEVENT`.
    public var line: Int

    public var isCancelled: Bool { status?.uppercased() == "CANCELLED" }

    /// Organiser and attendees, each address once, the organiser first (with the name either
    /// entry gives).
    public var people: [CalendarPerson] {
        var all: [CalendarPerson] = []
        var places: [String: Int] = [:]
        for person in [organizer].compactMap({ $0 }) + attendees {
            let key = person.email ?? person.name ?? ""
            if !key.isEmpty, let index = places[key] {
                all[index].name = all[index].name ?? person.name
            } else {
                if !key.isEmpty { places[key] = all.count }
                all.append(person)
            }
        }
        return all
    }
}
