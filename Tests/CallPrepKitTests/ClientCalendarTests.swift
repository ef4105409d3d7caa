import Foundation
import Testing
@testable import CallPrepKit

/// Calendar files as Google Calendar, Outlook (desktop, Exchange/Outlook.com) and Apple Calendar
/// (macOS/iCloud) write them (issue 24). Each fixture in Fixtures/calendar is in its client's own
/// shape: its PRODID, line endings and folding, and the quirks named in its case.
@Suite("Calendar files as clients write them")
struct ClientCalendarTests {
    struct Person: Equatable, CustomStringConvertible {
        var name: String, email: String, side: Side
        var description: String { "\(name) <\(email)> \(side.rawValue)" }
    }

    struct ClientCase: CustomTestStringConvertible, Sendable {
        var file: String
        var date: String, time: String, zone: String, instant: String, duration: Int
        var account: String, rep: String
        var people: [(name: String, email: String, ours: Bool)]
        var notesContain: [String]
        var notesLack: [String]
        var testDescription: String { file }
    }

    static let clients: [ClientCase] = [
        // Exchange: a Windows display name as TZID (quoted, with commas) and its VTIMEZONE from 1601;
        // the customer's assistant sends for her (SENT-BY); MAILTO: in upper case with capitals in
        // the address; "Last, First (Company)"; CN that is the address; a room; Teams links in
        // Outlook's `text<https://…>` form, which is not HTML; X-ALT-DESC; trailing spaces.
        ClientCase(file: "outlook-exchange-invite.ics", date: "2026-12-10", time: "14:00", zone: "Europe/Berlin",
                   instant: "2026-12-10T13:00:00Z", duration: 60, account: "Kestrel Marine", rep: "Ruth Achterberg",
                   people: [("Ruth Achterberg", "ruth.achterberg@brightline.example", true),
                            ("Annika Lindqvist", "annika.lindqvist@kestrel-marine.example", false),
                            ("Felix Brandt (Kestrel Marine)", "felix.brandt@kestrel-marine.example", false),
                            ("Tomasz Wojcik", "tomasz.wojcik@kestrel-marine.example", false)],
                   notesContain: ["Hi Ruth,\n\nahead of the tender: Felix will bring the berth-planning numbers;",
                                  "Click here to join the meeting<https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZTk4NmQ1YjItOGQ3Yy00"],
                   notesLack: ["maja.holm", "<html", "Harbour Room"]),
        // Outlook desktop: folded with a TAB, "Eastern Standard Time 1" (Outlook's second definition
        // of a zone), MAILTO:, a CN in single quotes that is only the address, trailing spaces.
        ClientCase(file: "outlook-desktop-invite.ics", date: "2027-01-12", time: "11:00", zone: "America/New_York",
                   instant: "2027-01-12T16:00:00Z", duration: 30, account: "Saltmarsh Analytics", rep: "Ruth Achterberg",
                   people: [("Ruth Achterberg", "ruth.achterberg@brightline.example", true),
                            ("Bram Devries", "bram.devries@brightline.example", true),
                            ("Chidi Okonkwo", "chidi.okonkwo@saltmarsh-analytics.example", false),
                            ("Priscilla Hale", "priscilla.hale@saltmarsh-analytics.example", false)],
                   notesContain: ["Location: Phone: +1 646 555 0199", "Chidi, Priscilla –\n\nas promised on the phone",
                                  "Dial-in: +1 646 555 0199, code 4471 0032#"],
                   notesLack: ["<HTML", "\t"]),
        // iCloud: LF line endings; the organiser's value is iCloud's relay (`mailto:…@imip.me.com`)
        // and the attendees' `urn:uuid:` and `/aMTg…/principal/`, each with the real address in
        // EMAIL=; X-APPLE-STRUCTURED-LOCATION; Apple's default alarm dated 1976.
        ClientCase(file: "apple-icloud-invite.ics", date: "2026-12-15", time: "09:30", zone: "America/Denver",
                   instant: "2026-12-15T16:30:00Z", duration: 45, account: "Juniper Ridge Dental", rep: "Ruth Achterberg",
                   people: [("Ruth Achterberg", "ruth.achterberg@brightline.example", true),
                            ("Noa Friedman", "noa.friedman@juniper-ridge-dental.example", false),
                            ("Kwame Asante", "kwame.asante@juniper-ridge-dental.example", false),
                            ("Beatriz Souza", "beatriz.souza@juniper-ridge-dental.example", false)],
                   notesContain: ["Location: Juniper Ridge Dental\n1410 Larimer St, Denver CO 80202, United States",
                                  "Kwame runs the front desk at both practices."],
                   notesLack: ["imip.me.com", "urn:uuid"]),
        // Google: the series of a weekly call with one occurrence moved and one cancelled, in one
        // invite; HTML in DESCRIPTION with a link through google.com/url; the Meet frame and the
        // direction marks around the dial-in numbers; `LOCATION:` empty; a mailing list.
        ClientCase(file: "google-recurring-overrides.ics", date: "2026-11-03", time: "09:00", zone: "America/Chicago",
                   instant: "2026-11-03T15:00:00Z", duration: 45, account: "Tidewater Grain", rep: "Ruth Achterberg",
                   people: [("Ruth Achterberg", "ruth.achterberg@brightline.example", true),
                            ("Kofi Mensah", "kofi.mensah@tidewater-grain.example", false),
                            ("Ines Duarte", "ines.duarte@tidewater-grain.example", false)],
                   notesContain: ["Agenda\n- Silo sensor alerts & who gets paged\n- Who signs off on the rollout?\n",
                                  "Deck: https://docs.example/d/silo-rollout\n",
                                  "Ines's pilot-site list (https://docs.example/s/pilot-sites)",
                                  "Join with Google Meet: https://meet.google.com/vkt-hbqa-rnw",
                                  "Or dial: (US) +1 402-555-0148 PIN: 815 204 377#"],
                   notesLack: ["<", "&nbsp;", "&amp;", "-::~", "Please do not edit", "google.com/url", "\u{202A}", "Location:"]),
    ]

    @Test("each client's invite gives the people, time and notes a rep expects", arguments: clients)
    func eachClient(_ expected: ClientCase) throws {
        let (meeting, text, _) = try CalendarTests.imported(expected.file, MeetingImportRequest(ours: ["brightline.example"]))
        #expect(meeting.date == expected.date && meeting.time == expected.time && meeting.timeZone == expected.zone)
        #expect(Agenda.instant(date: meeting.date, time: meeting.time, zone: meeting.timeZone).map(Agenda.isoInstant) == expected.instant)
        #expect(meeting.durationMinutes == expected.duration)
        #expect(meeting.account == expected.account)
        #expect(meeting.rep == expected.rep)
        #expect(meeting.attendees.map { Person(name: $0.name, email: $0.email ?? "", side: $0.side) }
            == expected.people.map { Person(name: $0.name, email: $0.email, side: $0.ours ? .ours : .theirs) })
        let notes = meeting.notes ?? ""
        for fragment in expected.notesContain { #expect(notes.contains(fragment), "notes lack \(fragment)") }
        for fragment in expected.notesLack { #expect(!notes.contains(fragment), "notes hold \(fragment)") }
        #expect(!text.contains("<U+"), "no control character is shown escaped")
    }

    /// The real binary, as a rep runs it: exit 0, nothing on standard error but what was written.
    @Test("the binary imports each client's invite", arguments: clients.map(\.file))
    func throughTheBinary(_ file: String) throws {
        let folder = try ReliabilityTests.workspace()
        let run = try CallPrepBinary.run(["meeting", "import", CalendarTests.invite(file)], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        // One file written; the rest of standard error names only what was skipped (a cancelled occurrence).
        let wrote = run.stderr.split(separator: "\n").filter { $0.hasPrefix("wrote meetings/") }
        #expect(wrote.count == 1 && run.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("wrote ") || $0.hasPrefix("skipped: ") },
                "\(run.stderr)")
        let path = try #require(wrote.first).dropFirst("wrote ".count).prefix { $0 != ":" }
        let brief = try CallPrepBinary.run(["brief", String(path)], in: folder)
        #expect(brief.status == 0, "\(brief.stderr)")
    }

    // MARK: Google's series and its exceptions

    @Test func theSeriesHoldsThreeEventsOneMovedOneCancelled() throws {
        let source = try SourceFile.read(CalendarTests.invite("google-recurring-overrides.ics"))
        let events = try CalendarReader.read(source, options: .init(localZone: "UTC"))
        #expect(events.map { "\($0.start.date) \($0.start.time ?? "") \($0.status ?? "")" }
            == ["2026-11-03 09:00 CONFIRMED", "2026-11-17 13:30 CONFIRMED", "2026-12-08 09:00 CANCELLED"])
        #expect(Set(events.compactMap(\.uid)).count == 1)
    }

    struct SeriesDay: CustomTestStringConvertible, Sendable {
        var day: String
        /// `HH:MM`, or nil when no meeting is imported.
        var time: String?
        var note: String?
        var skipped: [String] = []
        var testDescription: String { day }
    }

    static let seriesDays: [SeriesDay] = [
        SeriesDay(day: "2026-11-10", time: "09:00"),
        SeriesDay(day: "2026-11-17", time: "13:30", note: "Moved: Kofi is at the Council Bluffs site in the morning."),
        SeriesDay(day: "2026-11-24", time: nil),  // the first date of the EXDATE list
        SeriesDay(day: "2026-12-01", time: nil),  // the second
        SeriesDay(day: "2026-12-08", time: nil, skipped: ["cancelled"]),
        SeriesDay(day: "2026-12-15", time: "09:00"),
        SeriesDay(day: "2026-12-22", time: nil),  // after UNTIL (14:59:59Z, before 09:00 Chicago)
    ]

    @Test("each day of Google's series: moved, excluded, cancelled and ended days as the calendar shows them",
          arguments: seriesDays)
    func seriesDay(_ expected: SeriesDay) throws {
        let folder = try ReliabilityTests.workspace()
        let workspace = try Workspace(folder: folder.path)
        var notes: [String] = []
        let request = MeetingImportRequest(ours: ["brightline.example"], day: expected.day, output: "-")
        let problems = TestSupport.diagnostics { () throws(DiagnosticError) in
            try workspace.importMeeting(invite: CalendarTests.invite("google-recurring-overrides.ics"), request: request) { notes.append($0) }
        }
        #expect(notes.filter { $0.hasPrefix("skipped:") }.map { $0.components(separatedBy: "): ").last ?? "" } == expected.skipped)
        if expected.time == nil {
            #expect(problems == ["\(CalendarTests.invite("google-recurring-overrides.ics")):1:1: error: no customer meeting on \(expected.day)"])
            return
        }
        #expect(problems.isEmpty)
        let run = try CallPrepBinary.run(["meeting", "import", CalendarTests.invite("google-recurring-overrides.ics"),
                                          "--date", expected.day, "-o", "-"], in: folder)
        #expect(run.status == 0 && run.stdout.contains("date: \(expected.day)\ntime: \"\(expected.time ?? "")\"\n"), "\(run.stdout)")
        if let note = expected.note { #expect(run.stdout.contains(note)) }
    }

    // MARK: Zone names Outlook and Exchange write

    struct ZoneCase: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var time: String, zone: String, instant: String
        var testDescription: String { name }
    }

    static let berlinRules = "BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
        + "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\n"
        + "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\n"

    static func zone(_ tzid: String, rules: String) -> String {
        "BEGIN:VTIMEZONE\r\nTZID:\(tzid)\r\n\(rules)END:VTIMEZONE\r\n"
    }

    static let zoneCases: [ZoneCase] = [
        ZoneCase(name: "Exchange's tzone://Microsoft/Utc, with no VTIMEZONE",
                 text: CalendarTests.calendar("DTSTART;TZID=tzone://Microsoft/Utc:20261210T130000\r\n"),
                 time: "13:00", zone: "UTC", instant: "2026-12-10T13:00:00Z"),
        ZoneCase(name: "a Windows name with Outlook's number, and its VTIMEZONE",
                 text: CalendarTests.calendar("DTSTART;TZID=W. Europe Standard Time 1:20260703T100000\r\n",
                                              timezones: zone("W. Europe Standard Time 1", rules: berlinRules)),
                 time: "10:00", zone: "Europe/Berlin", instant: "2026-07-03T08:00:00Z"),
        ZoneCase(name: "a Windows display name in German, quoted, with its VTIMEZONE",
                 text: CalendarTests.calendar(
                    "DTSTART;TZID=\"(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien\":20261210T140000\r\n",
                    timezones: zone("(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien", rules: berlinRules)),
                 time: "14:00", zone: "Europe/Berlin", instant: "2026-12-10T13:00:00Z"),
        ZoneCase(name: "a Windows display name of a region, with no VTIMEZONE",
                 text: CalendarTests.calendar("DTSTART;TZID=\"(UTC-05:00) Eastern Time (US & Canada)\":20260703T100000\r\n"),
                 time: "10:00", zone: "America/New_York", instant: "2026-07-03T14:00:00Z"),
        // The city's zone and the file's own rules disagree: the file's zone wins, as an offset.
        ZoneCase(name: "a display name whose VTIMEZONE says otherwise",
                 text: CalendarTests.calendar(
                    "DTSTART;TZID=\"(UTC+01:00) Berlin\":20261210T140000\r\n",
                    timezones: zone("(UTC+01:00) Berlin", rules: "BEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
                        + "TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\nEND:STANDARD\r\n")),
                 time: "14:00", zone: "+05:30", instant: "2026-12-10T08:30:00Z"),
        ZoneCase(name: "Outlook.com's tzone://Microsoft/Custom with its VTIMEZONE",
                 text: CalendarTests.calendar("DTSTART;TZID=\"tzone://Microsoft/Custom\":20261210T140000\r\n",
                                              timezones: zone("tzone://Microsoft/Custom", rules: berlinRules)),
                 time: "14:00", zone: "+01:00", instant: "2026-12-10T13:00:00Z"),
    ]

    @Test("each zone name Outlook and Exchange write is read at its exact instant", arguments: zoneCases)
    func zones(_ zoneCase: ZoneCase) throws {
        let events = try CalendarReader.read(SourceFile(path: "z.ics", text: zoneCase.text), options: .init(localZone: "Asia/Tokyo"))
        let start = try #require(events.first?.start)
        #expect(start.time == zoneCase.time && start.zone == zoneCase.zone)
        #expect(start.instant.map(Agenda.isoInstant) == zoneCase.instant)
    }

    // MARK: Addresses

    struct AddressCase: CustomTestStringConvertible, Sendable {
        var name: String
        var property: String
        var email: String?
        var testDescription: String { name }
    }

    static let addresses: [AddressCase] = [
        AddressCase(name: "Apple's relay for the organiser, and EMAIL=",
                    property: "ORGANIZER;CN=Noa;EMAIL=noa@juniper.example:mailto:2_GEZDGNBV@imip.me.com", email: "noa@juniper.example"),
        AddressCase(name: "a urn:uuid: value and EMAIL=", property: "ATTENDEE;EMAIL=\"Kwame@Juniper.example\":urn:uuid:3F9A2C1E",
                    email: "kwame@juniper.example"),
        AddressCase(name: "a principal path and EMAIL=", property: "ATTENDEE;EMAIL=ruth@brightline.example:/aMTg4NzE2/principal/",
                    email: "ruth@brightline.example"),
        AddressCase(name: "a urn:uuid: value alone", property: "ATTENDEE;CN=Kwame Asante:urn:uuid:3F9A2C1E", email: nil),
        AddressCase(name: "MAILTO: in upper case", property: "ATTENDEE:MAILTO:Chidi.Okonkwo@Saltmarsh.example",
                    email: "chidi.okonkwo@saltmarsh.example"),
        AddressCase(name: "an address without mailto:", property: "ATTENDEE:chidi@saltmarsh.example", email: "chidi@saltmarsh.example"),
        AddressCase(name: "an EMAIL= that is no address", property: "ATTENDEE;EMAIL=nobody:mailto:chidi@saltmarsh.example",
                    email: "chidi@saltmarsh.example"),
    ]

    @Test("each way a client gives a person's address", arguments: addresses)
    func address(_ addressCase: AddressCase) throws {
        let text = CalendarTests.calendar("DTSTART:20261210T130000Z\r\n\(addressCase.property)\r\n")
        let event = try #require(try CalendarReader.read(SourceFile(path: "a.ics", text: text), options: .init(localZone: "UTC")).first)
        let person = try #require(event.organizer ?? event.attendees.first)
        #expect(person.email == addressCase.email)
    }

    // MARK: Descriptions as plain text

    struct TextCase: CustomTestStringConvertible, Sendable {
        var name: String
        var description: String
        var plain: String
        var testDescription: String { name }
    }

    static let texts: [TextCase] = [
        TextCase(name: "Google's bold, breaks and list", description: "<b>Agenda</b><br><ul><li>Pricing</li><li>Next steps</li></ul>",
                 plain: "Agenda\n- Pricing\n- Next steps"),
        TextCase(name: "a link through Google's redirect, its text the address",
                 description: "Deck: <a href=\"https://www.google.com/url?q=https://docs.example/d/1&amp;sa=D\">https://docs.example/d/1</a>",
                 plain: "Deck: https://docs.example/d/1"),
        TextCase(name: "a link with words", description: "See <a href=\"https://docs.example/p\" target=\"_blank\">the plan</a>.",
                 plain: "See the plan (https://docs.example/p)."),
        TextCase(name: "entities", description: "<p>R&amp;D&nbsp;team&#39;s &lt;draft&gt; &#x2192; v2</p>",
                 plain: "R&D team's <draft> → v2"),
        TextCase(name: "paragraphs and spans", description: "<p>One</p><p><span style=\"color:red\">Two</span></p>",
                 plain: "One\nTwo"),
        TextCase(name: "Google's Meet frame, and the marks around a number",
                 description: "Hi\n\n-::~:~::~:~:~:~:~:~::~:~::-\nJoin: https://meet.google.com/a\nOr dial: \u{202A}+1 402-555-0148\u{202C}\n\n"
                    + "Please do not edit this section.\n-::~:~::~:~:~:~:~:~::~:~::-",
                 plain: "Hi\n\nJoin: https://meet.google.com/a\nOr dial: +1 402-555-0148"),
        // Not HTML: as written.
        TextCase(name: "Outlook's links in angle brackets",
                 description: "Click here to join the meeting<https://teams.microsoft.com/l/x>\nLearn More<https://aka.ms/JoinTeamsMeeting>",
                 plain: "Click here to join the meeting<https://teams.microsoft.com/l/x>\nLearn More<https://aka.ms/JoinTeamsMeeting>"),
        TextCase(name: "a comparison and a made-up tag", description: "budget < 40k & team > 5; <tbd> later",
                 plain: "budget < 40k & team > 5; <tbd> later"),
        TextCase(name: "a line of dashes a person wrote", description: "Notes\n----------\nnone", plain: "Notes\n----------\nnone"),
    ]

    @Test("a description as the plain text a meeting's notes hold", arguments: texts)
    func plainText(_ textCase: TextCase) {
        #expect(DescriptionText.plain(textCase.description) == textCase.plain)
    }

    // MARK: Names

    @Test("names as directories write them", arguments: [
        ("Keller, Jonas", "Jonas Keller"), ("Brandt, Felix (Kestrel Marine)", "Felix Brandt (Kestrel Marine)"),
        ("Brandt, Felix [EXT]", "Felix Brandt [EXT]"), ("Sam Lee, PhD", "Sam Lee, PhD"), ("Zoë Martín", "Zoë Martín"),
    ])
    func names(_ written: String, _ read: String) {
        #expect(InviteMeeting.readableName(CalendarPerson(name: written, email: "x@y.example")) == read)
    }

    // MARK: Bad input

    /// An iCloud file cut short (a mail client that kept half the attachment): the line and column
    /// of the component left open, exit 1, no crash.
    @Test func anAppleFileCutShortIsRefusedAtItsLine() throws {
        let folder = try ReliabilityTests.workspace()
        let whole = try TestSupport.read(TestSupport.fixture("calendar/apple-icloud-invite.ics"))
        try whole.components(separatedBy: "BEGIN:VALARM")[0].write(to: folder.appendingPathComponent("cut.ics"), atomically: true, encoding: .utf8)
        let run = try CallPrepBinary.run(["meeting", "import", "cut.ics", "-o", "-"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr == "cut.ics:23:1: error: BEGIN:VEVENT is never closed (no END:VEVENT)\n")
        #expect(run.stdout.isEmpty)
    }
}
