import Foundation

/// The rep's day (`callprep agenda`): each customer call in time order with its people, whether
/// it was prepared and debriefed, and the deal's next steps that fall due (docs/calendar.md).
public struct Agenda: Sendable, Codable, Equatable {
    public struct Person: Sendable, Codable, Equatable {
        public var name: String
        public var side: Side
        public var title: String?
    }

    public struct Debrief: Sendable, Codable, Equatable {
        public enum State: String, Sendable, Codable {
            /// It cannot be scored until they are fixed.
            case errors
            /// Waiting for a manager's review.
            case scored
            /// A reviewer and a grade.
            case reviewed
        }

        public var source: String
        public var state: State
        public var errors: Int?
        /// The evidence score, 0 to 100.
        public var score: Int?
        /// The manager's grade, 0 to 100.
        public var grade: Int?
    }

    public struct Call: Sendable, Codable, Equatable {
        /// The start as an instant, `2026-12-07T10:30:00Z`; nil without a time.
        public var start: String?
        /// `HH:MM` in `timeZone`.
        public var time: String?
        public var timeZone: String?
        public var durationMinutes: Int?
        public var account: String
        public var type: String?
        /// The meeting id; nil for an invite not imported yet.
        public var meeting: String?
        public var opportunity: String?
        public var rep: String?
        /// The meeting file, or `invite.ics:LINE`.
        public var source: String
        public var attendees: [Person]
        /// The day its brief in `briefs/` was written.
        public var brief: String?
        public var debrief: Debrief?
        /// The deal's open next steps due on the day or overdue.
        public var nextSteps: [NextStepList.Step]
        /// For an invite not imported yet: the command that imports it.
        public var importCommand: String?
    }

    public var format = "callprep.agenda/1"
    public var date: String
    public var calls: [Call]

    /// One call of the day.
    public struct Entry: Sendable {
        public var call: Call
        /// Seconds since 1970, for the order; nil sorts first.
        public var instant: Int?

        public init(call: Call, instant: Int?) {
            self.call = call
            self.instant = instant
        }
    }

    /// `meetings` are the day's meeting files; `invites` the day's invite events not imported;
    /// `briefs` the day each meeting's brief was written; `debriefs` every debrief with its
    /// record and errors, `scores` their scorecards by source; `records` feed the next steps,
    /// whose owners `ours` tells apart.
    public init(date: String, meetings: [(path: String, meeting: Meeting)], invites: [Entry],
                briefs: [String: String], debriefs: [(path: String, record: DebriefRecord?, errors: [Diagnostic])],
                scores: [String: Scorecard], ours: OurPeople = OurPeople()) {
        self.date = date
        let records = debriefs.compactMap(\.record)
        let steps = NextStepList(records: records, date: date, ours: ours).steps
            .filter { $0.dueDate.map { $0 <= date } ?? false }
        var entries = invites
        for (path, meeting) in meetings where meeting.date == date {
            let debrief = debriefs.first { $0.record?.meeting.id == meeting.id }
            let instant = Self.instant(date: meeting.date, time: meeting.time, zone: meeting.timeZone)
            entries.append(Entry(call: Call(
                start: instant.map(Self.isoInstant), time: meeting.time, timeZone: meeting.timeZone,
                durationMinutes: meeting.durationMinutes, account: meeting.account, type: meeting.type, meeting: meeting.id,
                opportunity: meeting.opportunity.id, rep: meeting.rep.isEmpty ? nil : meeting.rep, source: path,
                attendees: meeting.attendees.map { Person(name: $0.name, side: $0.side, title: $0.title) },
                brief: briefs[meeting.id], debrief: debrief.map { Self.debrief($0, score: scores[$0.path]) },
                nextSteps: steps.filter { $0.opportunity == meeting.opportunity.id }, importCommand: nil),
                instant: instant))
        }
        calls = entries.sorted { ($0.instant ?? .min, $0.call.source) < ($1.instant ?? .min, $1.call.source) }.map(\.call)
    }

    private static func debrief(_ entry: (path: String, record: DebriefRecord?, errors: [Diagnostic]),
                                score: Scorecard?) -> Debrief {
        guard let record = entry.record, entry.errors.isEmpty else {
            return Debrief(source: entry.path, state: .errors, errors: entry.errors.count)
        }
        let reviewed = record.review.reviewer != nil && record.review.grade != nil
        return Debrief(source: entry.path, state: reviewed ? .reviewed : .scored, score: score?.score,
                       grade: reviewed ? score?.managerScore : nil)
    }

    /// The instant of a meeting's start: its date and time in its IANA zone or offset.
    static func instant(date: String, time: String?, zone: String?) -> Int? {
        guard let time, let zone else { return nil }
        let timeZone: TimeZone?
        if zone.first == "+" || zone.first == "-" {
            let parts = zone.dropFirst().split(separator: ":").compactMap { Int($0) }
            timeZone = parts.count == 2 ? TimeZone(secondsFromGMT: (zone.first == "-" ? -1 : 1) * (parts[0] * 3600 + parts[1] * 60)) : nil
        } else {
            timeZone = TimeZone(identifier: zone)
        }
        let day = date.split(separator: "-").compactMap { Int($0) }
        let clock = time.split(separator: ":").compactMap { Int($0) }
        guard let timeZone, day.count == 3, clock.count >= 2 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: day[0], month: day[1], day: day[2], hour: clock[0], minute: clock[1])
        return calendar.date(from: components).map { Int($0.timeIntervalSince1970) }
    }

    /// `2026-12-07T10:30:00Z`.
    public static func isoInstant(_ instant: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(instant)))
    }
}
