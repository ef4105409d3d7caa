import Foundation
import Testing
@testable import CallPrepKit

/// A valid meeting up to its attendees, for cases that break one field.
private let base = """
    date: 2026-11-26
    account: Acme
    rep: Dana
    objective: Learn
    opportunity: {id: acme-1, stage: discover}

    """

@Suite("Meeting files")
struct MeetingLoaderTests {
    static let brokenMeetings: [BrokenFileCase] = [
        .init(name: "missing required keys", text: "account: Acme\n",
              expected: ["m.yaml:1:1: error: the meeting is missing 'date'",
                         "m.yaml:1:1: error: the meeting is missing 'opportunity'",
                         "m.yaml:1:1: error: the meeting is missing 'rep'",
                         "m.yaml:1:1: error: the meeting is missing 'objective'"]),
        .init(name: "stage the process does not have",
              text: "date: 2026-11-26\naccount: Acme\nrep: Dana\nobjective: Learn\nopportunity:\n  id: acme-1\n  stage: negotiate\n",
              expected: ["m.yaml:7:10: error: unknown stage 'negotiate': process 'b2b' has connect, discover, common-fit, propose, commit, close"]),
        .init(name: "impossible date", text: base.replacingOccurrences(of: "2026-11-26", with: "2026-02-30"),
              expected: ["m.yaml:1:7: error: 'date' must be a date such as 2026-11-24, not '2026-02-30'"]),
        .init(name: "date in another format", text: base.replacingOccurrences(of: "2026-11-26", with: "26/11/2026"),
              expected: ["m.yaml:1:7: error: 'date' must be a date such as 2026-11-24, not '26/11/2026'"]),
        .init(name: "time without a time zone", text: base + "time: '10:00'\n",
              expected: ["m.yaml:6:7: error: a meeting with a 'time' needs a 'timezone', such as Europe/Berlin"]),
        .init(name: "time out of range", text: base + "time: '25:00'\ntimezone: UTC\n",
              expected: ["m.yaml:6:7: error: 'time' must be a 24-hour time such as 14:30, not '25:00'"]),
        .init(name: "unknown time zone", text: base + "time: '10:00'\ntimezone: Mars/Olympus\n",
              expected: ["m.yaml:7:11: error: unknown time zone 'Mars/Olympus' (use a name such as Europe/Berlin or an offset such as +01:00)"]),
        .init(name: "unknown side and buying role",
              text: base + "attendees:\n  - name: Mara\n    side: them\n  - name: Tom\n    side: theirs\n    buying_role: boss\n",
              expected: ["m.yaml:8:11: error: unknown side 'them' (expected ours or theirs)",
                         "m.yaml:11:18: error: unknown buying role 'boss' (expected one of: decision-maker, economic-buyer, champion, influencer, technical-buyer, user, referrer, gatekeeper, blocker, unknown)"]),
        .init(name: "attendee without a name", text: base + "attendees:\n  - side: ours\n",
              expected: ["m.yaml:7:5: error: an attendee is missing 'name'"]),
        .init(name: "attendees is a mapping", text: base + "attendees: {name: Mara}\n",
              expected: ["m.yaml:6:12: error: 'attendees' must be a list"]),
        .init(name: "bad e-mail", text: base + "attendees:\n  - name: Mara\n    side: theirs\n    email: mara-at-acme\n",
              expected: ["m.yaml:9:12: error: 'email' must be an address such as name@example.com, not 'mara-at-acme'"]),
        .init(name: "value is not a number", text: base.replacingOccurrences(of: "stage: discover}", with: "stage: discover, value: 120k}"),
              expected: ["m.yaml:5:51: error: 'value' must be a number, not '120k'"]),
        .init(name: "duration is not minutes", text: base + "duration: an hour\n",
              expected: ["m.yaml:6:11: error: 'duration' must be a whole number of minutes, not 'an hour'"]),
        .init(name: "unknown key", text: base + "attendes: []\n",
              expected: ["m.yaml:6:1: error: unknown key 'attendes' in the meeting (expected one of: id, date, time, timezone, duration, type, account, opportunity, rep, objective, best_outcome, minimum_outcome, attendees, pains, notes, uid, process)"]),
        .init(name: "pain without a problem", text: base + "pains:\n  - impact: lots\n",
              expected: ["m.yaml:7:5: error: a pain is missing 'problem'"]),
        .init(name: "meeting id with spaces", text: base + "id: my meeting\n",
              expected: ["m.yaml:6:5: error: meeting id 'my meeting' may hold only letters, digits, '-', '_' and '.', starting with a letter or digit"]),
        .init(name: "JSON with a syntax error", text: "{\"date\": \"2026-11-26\",\n \"account\": \"Acme\"\n \"rep\": \"Dana\"}\n",
              expected: ["m.yaml:3:2: error: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping)"]),
    ]

    @Test("broken meeting files give exact diagnostics", arguments: brokenMeetings)
    func brokenMeeting(_ testCase: BrokenFileCase) throws {
        let process = try TestSupport.builtinProcess("b2b")
        let found = TestSupport.diagnostics { () throws(DiagnosticError) in
            try MeetingLoader.load(SourceFile(path: "m.yaml", text: testCase.text), process: process)
        }
        #expect(found == testCase.expected)
    }

    @Test func bundledExampleLoads() throws {
        let process = try TestSupport.builtinProcess("b2b")
        let meeting = try MeetingLoader.load(path: TestSupport.root.appendingPathComponent(
            "templates/examples/northwind-discovery.yaml").path, process: process)
        #expect(meeting.id == "northwind-2026-11-26")
        #expect(meeting.time == "10:00" && meeting.timeZone == "Europe/Berlin" && meeting.durationMinutes == 45)
        #expect(meeting.opportunity == Opportunity(id: "northwind-fleet-2026", name: "Fleet scheduling rollout",
                                                   stage: "discover", value: 120_000, currency: "EUR"))
        #expect(meeting.attendees.map(\.side) == [.theirs, .theirs, .ours, .ours])
        #expect(meeting.attendees.map(\.buyingRole) == [.champion, .user, nil, nil])
        #expect(meeting.pains[1] == Pain(problem: "Dispatch schedule is rebuilt by hand every week"))
        #expect(meeting.minimumOutcome == "Mara shares last quarter's late-delivery figures before Friday.")
    }

    @Test func jsonMeetingWithTimestampAndTabs() throws {
        let json = """
            {
            \t"account": "Müller & Söhne GmbH",
            \t"date": "2026-11-26T14:30:00-05:00",
            \t"rep": "Dana",
            \t"objective": "Agree the paper process",
            \t"opportunity": {"id": "ms-1", "stage": "Common fit", "value": 5e4},
            \t"attendees": [{"name": "Jo", "side": "theirs", "buying_role": "Decision maker"}],
            \t"pains": ["Slow approvals"]
            }
            """
        let process = try TestSupport.builtinProcess("b2b")
        let meeting = try MeetingLoader.load(SourceFile(path: "m.json", text: json), process: process)
        #expect(meeting.id == "muller-sohne-gmbh-2026-11-26-1430")
        #expect(meeting.date == "2026-11-26" && meeting.time == "14:30" && meeting.timeZone == "-05:00")
        #expect(meeting.opportunity.stage == "common-fit")
        #expect(meeting.opportunity.value == 50_000)
        #expect(meeting.attendees[0].buyingRole == .decisionMaker)
        #expect(meeting.pains == [Pain(problem: "Slow approvals")])
    }

    @Test func derivedIDsAreStableSlugs() {
        #expect(MeetingLoader.derivedID(account: "Northwind Logistics", date: "2026-11-26", time: nil)
            == "northwind-logistics-2026-11-26")
        #expect(MeetingLoader.derivedID(account: "  ***  ", date: "2026-11-26", time: "09:05") == "meeting-2026-11-26-0905")
    }
}
