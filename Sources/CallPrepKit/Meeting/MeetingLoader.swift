import Foundation
import Yams

/// Loads a meeting file (YAML or JSON) and checks it against the process it will be prepared with.
public enum MeetingLoader {
    static let meetingKeys = ["id", "date", "time", "timezone", "duration", "type", "account", "opportunity", "rep",
                              "objective", "best_outcome", "minimum_outcome", "attendees", "pains", "notes", "uid", "process"]
    static let opportunityKeys = ["id", "name", "stage", "value", "currency", "crm_id"]
    static let attendeeKeys = ["name", "title", "email", "side", "buying_role", "task", "notes"]
    static let painKeys = ["problem", "impact", "frequency"]

    public static func load(_ source: SourceFile, process: SalesProcess) throws(DiagnosticError) -> Meeting {
        let reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else {
            if reader.diagnostics.isEmpty {
                reader.report(FileProblem.empty, at: .start)
            }
            throw DiagnosticError(reader.diagnostics.sortedByLocation)
        }
        let unwritten = Set(PlanPlaceholders.find(in: source.text).map(\.key))
        let meeting = MeetingDecoder(reader: reader, process: process, unwritten: unwritten).decode(root)
        guard let meeting, !reader.hasErrors else { throw DiagnosticError(reader.diagnostics.sortedByLocation) }
        return meeting
    }

    /// The process the meeting file names (`process: meddpicc`, an id or a path), with where it
    /// is written; nil when it names none, or is no mapping (`load` reports that).
    public static func processReference(in source: SourceFile) -> (name: String, location: SourceLocation)? {
        let reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text), case let .mapping(mapping) = root,
              let node = mapping.first(where: { $0.key.string == "process" })?.value, let name = node.string,
              !name.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return (name.trimmingCharacters(in: .whitespaces), reader.location(of: node))
    }

    public static func load(path: String, process: SalesProcess) throws(DiagnosticError) -> Meeting {
        try load(SourceFile.read(path), process: process)
    }

    /// An id made of the account and the date (and time), for meetings that name none.
    public static func derivedID(account: String, date: String, time: String?) -> String {
        let clock = time.map { "-" + $0.replacingOccurrences(of: ":", with: "").prefix(4) } ?? ""
        return "\(slug(account))-\(date)\(clock)"
    }

    /// `Nörthwind Logistics, Inc.` as `northwind-logistics-inc`; `meeting` when nothing is left.
    public static func slug(_ account: String) -> String { CallPrepKit.slug(account, fallback: "meeting") }
}

private struct MeetingDecoder {
    let reader: YAMLReader
    let process: SalesProcess
    /// Keys left as placeholders for the rep to write (`# objective:`): not required yet.
    let unwritten: Set<String>

    func decode(_ root: Node) -> Meeting? {
        let required = ["date", "account", "opportunity", "rep", "objective"].filter { !unwritten.contains($0) }
        guard let fields = reader.fields(of: root, what: "the meeting", allowed: MeetingLoader.meetingKeys,
                                         required: required)
        else { return nil }
        let account = reader.text(fields, "account")
        let rep = reader.text(fields, "rep") ?? (unwritten.contains("rep") ? "" : nil)
        let objective = reader.text(fields, "objective") ?? (unwritten.contains("objective") ? "" : nil)
        let when = schedule(fields)
        let opportunity = fields["opportunity"].flatMap(opportunity)
        let attendees = reader.list(fields, "attendees").compactMap(attendee)
        let pains = reader.list(fields, "pains").compactMap(pain)
        let duration = minutes(fields)
        var id = reader.text(fields, "id")
        if let given = id, let node = fields["id"], !isValidID(given) {
            reader.report(MeetingProblem.invalidID(given, of: "meeting"), at: node)
            id = nil
        }
        guard let account, let rep, let objective, let when, let opportunity else { return nil }
        return Meeting(
            id: id ?? MeetingLoader.derivedID(account: account, date: when.date, time: when.time),
            date: when.date, time: when.time, timeZone: when.timeZone, durationMinutes: duration,
            type: reader.text(fields, "type"), account: account, opportunity: opportunity, rep: rep,
            objective: objective, bestOutcome: reader.text(fields, "best_outcome"),
            minimumOutcome: reader.text(fields, "minimum_outcome"), attendees: attendees, pains: pains,
            notes: reader.text(fields, "notes"), uid: reader.text(fields, "uid"))
    }

    /// The date, with time and time zone when given; `date` may also hold a full ISO 8601 timestamp.
    private func schedule(_ fields: Fields) -> (date: String, time: String?, timeZone: String?)? {
        guard let dateNode = fields["date"], let raw = reader.text(fields, "date") else { return nil }
        var datePart = raw
        var timePart = reader.text(fields, "time")
        var zonePart = reader.text(fields, "timezone")
        if let split = raw.firstIndex(where: { $0 == "T" || $0 == " " }) {
            datePart = String(raw[..<split])
            var rest = String(raw[raw.index(after: split)...])
            if rest.hasSuffix("Z") {
                rest.removeLast()
                zonePart = zonePart ?? "UTC"
            } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
                zonePart = zonePart ?? String(rest[sign...])
                rest = String(rest[..<sign])
            }
            timePart = timePart ?? rest
        }
        var ok = true
        if !CalendarDate.isValid(datePart) {
            reader.report(MeetingProblem.invalidDate(raw), at: dateNode)
            ok = false
        }
        if let time = timePart {
            if let normalized = clockTime(time) {
                timePart = normalized
            } else {
                reader.report(MeetingProblem.invalidTime(time), at: fields["time"] ?? dateNode)
                ok = false
            }
        }
        if let zone = zonePart, !isTimeZone(zone) {
            reader.report(MeetingProblem.unknownTimeZone(zone), at: fields["timezone"] ?? dateNode)
            ok = false
        } else if timePart != nil, zonePart == nil {
            reader.report(MeetingProblem.timeWithoutTimeZone, at: fields["time"] ?? dateNode)
            ok = false
        }
        return ok ? (datePart, timePart, zonePart) : nil
    }

    private func minutes(_ fields: Fields) -> Int? {
        guard let node = fields["duration"] else { return nil }
        let raw = node.scalar?.string ?? "a list or mapping"
        guard let value = Int(raw.trimmingCharacters(in: .whitespaces)), value > 0, value <= 24 * 60 else {
            reader.report(MeetingProblem.invalidDuration(raw), at: node)
            return nil
        }
        return value
    }

    private func opportunity(_ node: Node) -> Opportunity? {
        guard let fields = reader.fields(of: node, what: "the opportunity", allowed: MeetingLoader.opportunityKeys,
                                         required: ["id", "stage"]) else { return nil }
        let id = reader.text(fields, "id")
        // A deal's value, in its currency: up to a trillion.
        let value = reader.number(fields, "value", in: 0...1e12)
        guard let stageNode = fields["stage"], let stageText = reader.text(fields, "stage") else { return nil }
        let stage = process.stages.first { $0.id == stageText }
            ?? process.stages.first { $0.title.caseInsensitiveCompare(stageText) == .orderedSame }
        guard let stage else {
            reader.report(MeetingProblem.unknownStage(stageText, processID: process.id,
                                                      stages: process.stages.map(\.id)), at: stageNode)
            return nil
        }
        guard let id else { return nil }
        if let node = fields["id"], !isValidID(id) {
            reader.report(MeetingProblem.invalidID(id, of: "opportunity"), at: node)
            return nil
        }
        return Opportunity(id: id, name: reader.text(fields, "name"), stage: stage.id, value: value,
                           currency: reader.text(fields, "currency"), crmID: reader.text(fields, "crm_id"))
    }

    private func attendee(_ node: Node) -> Attendee? {
        guard let fields = reader.fields(of: node, what: "an attendee", allowed: MeetingLoader.attendeeKeys,
                                         required: ["name", "side"]) else { return nil }
        let name = reader.text(fields, "name")
        var side: Side?
        if let raw = reader.text(fields, "side"), let sideNode = fields["side"] {
            side = Side(rawValue: raw.lowercased())
            if side == nil { reader.report(MeetingProblem.unknownSide(raw), at: sideNode) }
        }
        var role: BuyingRole?
        if let raw = reader.text(fields, "buying_role"), let roleNode = fields["buying_role"] {
            role = BuyingRole(loose: raw)
            if role == nil { reader.report(MeetingProblem.unknownBuyingRole(raw), at: roleNode) }
        }
        let email = reader.text(fields, "email")
        if let email, let emailNode = fields["email"], !isEmailAddress(email) {
            reader.report(MeetingProblem.invalidEmail(email), at: emailNode)
        }
        guard let name, let side else { return nil }
        return Attendee(name: name, title: reader.text(fields, "title"), email: email, side: side,
                        buyingRole: role, task: reader.text(fields, "task"), notes: reader.text(fields, "notes"))
    }

    /// A pain is a mapping, or just the problem as text.
    private func pain(_ node: Node) -> Pain? {
        if let scalar = node.scalar {
            let problem = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
            return problem.isEmpty ? nil : Pain(problem: problem)
        }
        guard let fields = reader.fields(of: node, what: "a pain", allowed: MeetingLoader.painKeys,
                                         required: ["problem"]),
              let problem = reader.text(fields, "problem") else { return nil }
        return Pain(problem: problem, impact: reader.text(fields, "impact"),
                    frequency: reader.text(fields, "frequency"))
    }
}

/// `H:MM`, `HH:MM` or `HH:MM:SS` as `HH:MM`; nil when not a clock time.
func clockTime(_ text: String) -> String? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 }),
          let hour = Int(parts[0]), let minute = Int(parts[1]), parts[1].count == 2,
          (0...23).contains(hour), (0...59).contains(minute) else { return nil }
    if parts.count == 3 {
        guard let second = Int(parts[2]), (0...59).contains(second) else { return nil }
    }
    return String(format: "%02d:%02d", hour, minute)
}

/// An IANA time zone name, `UTC`, or an offset `+HH:MM`.
func isTimeZone(_ text: String) -> Bool {
    if let sign = text.first, sign == "+" || sign == "-" {
        let digits = text.dropFirst().replacingOccurrences(of: ":", with: "")
        guard digits.count == 4, let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)) else {
            return false
        }
        return hours <= 14 && minutes < 60
    }
    return TimeZone(identifier: text) != nil
}

private func isEmailAddress(_ text: String) -> Bool {
    CalendarPerson.isAddress(text)
}
