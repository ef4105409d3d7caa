import CLibical
import Foundation

/// Small readers of libical components: their children, and property values as Swift text.
enum LibicalText {
    /// The children of `component`, each with its outline. libical keeps the file's order but for
    /// VTIMEZONEs: it puts each first as it reads it, so they come first, the last one read first.
    /// Pairing by position alone gave a zone after the events the line of another component.
    static func children(of component: OpaquePointer, outline: CalendarOutline.Component?)
        -> [(component: OpaquePointer, outline: CalendarOutline.Component?)] {
        let children = children(of: component)
        guard let outline else { return children.map { ($0, nil) } }
        var zones = outline.children.filter { $0.name.uppercased() == "VTIMEZONE" }.reversed()[...]
        var others = outline.children.filter { $0.name.uppercased() != "VTIMEZONE" }[...]
        return children.map { child in
            (child, icalcomponent_isa(child) == ICAL_VTIMEZONE_COMPONENT ? zones.popFirst() : others.popFirst())
        }
    }

    static func children(of component: OpaquePointer) -> [OpaquePointer] {
        var children: [OpaquePointer] = []
        var child = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT)
        while let current = child {
            children.append(current)
            child = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)
        }
        return children
    }

    static func properties(_ component: OpaquePointer, _ kind: icalproperty_kind) -> [OpaquePointer] {
        var properties: [OpaquePointer] = []
        var property = icalcomponent_get_first_property(component, kind)
        while let current = property {
            properties.append(current)
            property = icalcomponent_get_next_property(component, kind)
        }
        return properties
    }

    static func hasProperty(_ component: OpaquePointer, _ kind: icalproperty_kind) -> Bool {
        icalcomponent_get_first_property(component, kind) != nil
    }

    static func string(_ text: UnsafePointer<CChar>?) -> String? {
        guard let text else { return nil }
        let string = String(cString: text)
        return string.isEmpty ? nil : string
    }

    /// The value of the first property called `name` (X- properties included), as written.
    static func property(_ component: OpaquePointer, named name: String) -> String? {
        var property = icalcomponent_get_first_property(component, ICAL_ANY_PROPERTY)
        while let current = property {
            // Compared as C strings: this runs for every property of every event.
            if let propertyName = icalproperty_get_property_name(current), strcasecmp(propertyName, name) == 0 {
                return string(icalproperty_get_value_as_string(current))?.trimmingCharacters(in: .whitespaces)
            }
            property = icalcomponent_get_next_property(component, ICAL_ANY_PROPERTY)
        }
        return nil
    }

    static func uid(_ component: OpaquePointer) -> String? {
        string(icalcomponent_get_uid(component))
    }

    /// The TZID parameter of the first property of `kind`.
    static func tzid(of component: OpaquePointer, _ kind: icalproperty_kind) -> String? {
        guard let property = icalcomponent_get_first_property(component, kind) else { return nil }
        return tzid(of: property)
    }

    static func tzid(of property: OpaquePointer) -> String? {
        guard let parameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER) else { return nil }
        return string(icalparameter_get_tzid(parameter))
    }

    /// A conference link given as its own property: RFC 7986's CONFERENCE, Google's and
    /// Microsoft Teams' X- properties, or URL.
    static func conference(_ component: OpaquePointer) -> String? {
        for name in ["CONFERENCE", "X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL",
                     "X-MICROSOFT-ONLINEMEETINGCONFLINK", "URL"] {
            if let value = property(component, named: name), value.contains("://") { return value }
        }
        return nil
    }

    /// The ORGANIZER or the ATTENDEEs, with name, address, kind and role.
    static func people(_ component: OpaquePointer, _ kind: icalproperty_kind) -> [CalendarPerson] {
        properties(component, kind).map { property in
            let value = string(icalproperty_get_value_as_string(property)) ?? ""
            var email = address(value)
            // RFC 7986's EMAIL parameter is the person's address where the value is not: Apple
            // writes `urn:uuid:…` or `/aMTg…/principal/` for an iCloud attendee, and
            // `mailto:…@imip.me.com` for an organiser whose replies iCloud relays.
            if let parameter = icalproperty_get_first_parameter(property, ICAL_EMAIL_PARAMETER),
               let given = string(icalparameter_get_email(parameter)).flatMap(address) {
                email = given
            }
            let name = icalproperty_get_first_parameter(property, ICAL_CN_PARAMETER)
                .flatMap { string(icalparameter_get_cn($0)) }
            var personKind = CalendarPerson.Kind.person
            if let parameter = icalproperty_get_first_parameter(property, ICAL_CUTYPE_PARAMETER) {
                switch icalparameter_get_cutype(parameter) {
                case ICAL_CUTYPE_ROOM: personKind = .room
                case ICAL_CUTYPE_RESOURCE: personKind = .resource
                case ICAL_CUTYPE_GROUP: personKind = .group
                default: break
                }
            }
            // Google lists rooms as resource calendars whatever their CUTYPE.
            if personKind == .person, let email, email.hasSuffix("@resource.calendar.google.com") {
                personKind = .room
            }
            var role: String?
            if let parameter = icalproperty_get_first_parameter(property, ICAL_ROLE_PARAMETER) {
                switch icalparameter_get_role(parameter) {
                case ICAL_ROLE_CHAIR: role = "CHAIR"
                case ICAL_ROLE_REQPARTICIPANT: role = "REQ-PARTICIPANT"
                case ICAL_ROLE_OPTPARTICIPANT: role = "OPT-PARTICIPANT"
                case ICAL_ROLE_NONPARTICIPANT: role = "NON-PARTICIPANT"
                default: break
                }
            }
            return CalendarPerson(name: name, email: email, kind: personKind, role: role)
        }
    }

    /// The address of a `mailto:` value (any case: Outlook writes `MAILTO:`) or of a bare one
    /// (the EMAIL parameter), lowercased; nil for any other URI and for what a meeting file cannot
    /// hold (`mailto:room`, `a@b@c`).
    static func address(_ value: String) -> String? {
        var text = value.trimmingCharacters(in: .whitespaces)
        if text.lowercased().hasPrefix("mailto:") {
            text = String(text.dropFirst("mailto:".count))
        } else if text.contains(":") {
            return nil
        }
        let address = text.trimmingCharacters(in: .whitespaces).lowercased()
        return CalendarPerson.isAddress(address) ? address : nil
    }
}
