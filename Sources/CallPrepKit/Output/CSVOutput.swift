/// Records as CSV: a header, then one row per item.
struct RecordCSVReporter: Reporter {
    static var identifier: String { "csv" }
    var start: String { CSVOutput.recordHeader }
    func render(_ record: DebriefRecord) -> String { CSVOutput.rows(record) }
}

/// Scorecards as CSV: a header, then one row per item.
struct ScorecardCSVReporter: Reporter {
    static var identifier: String { "csv" }
    var start: String { CSVOutput.scorecardHeader }
    func render(_ card: Scorecard) -> String { CSVOutput.rows(card) }
}

/// One table of the team report as CSV.
struct ReportCSVReporter: Reporter {
    static var identifier: String { "csv" }
    let section: ReportSection
    func render(_ report: TeamReport) -> String { CSVOutput.report(report, section: section) }
}

/// Records, scorecards and reports as CSV: one row per item, the meeting's columns repeated, so it pastes
/// into a spreadsheet.
enum CSVOutput {
    static let meetingColumns = ["source", "meeting", "date", "account", "opportunity", "rep", "stage", "process",
                                 "process_version"]

    public static let recordHeader = row(meetingColumns + ["item", "kind", "item_stage", "state", "evidence", "line"])

    /// A record's rows, one per item.
    public static func rows(_ record: DebriefRecord) -> String {
        let meeting = meetingCells(record.source, record.meeting, record.process)
        return record.items.map { item in
            row(meeting + [item.id, item.kind.rawValue, item.stage ?? "", item.state.rawValue, item.evidence,
                           String(item.line)])
        }.joined()
    }

    static let scorecardHeader = row(meetingColumns + [
        "score", "claimed_score", "self_score", "manager_score", "evidenced_stage", "ready_to_advance", "item", "kind",
        "status", "weight", "required", "overridden_by", "reason", "line",
    ])

    /// A scorecard's rows, one per item.
    static func rows(_ card: Scorecard) -> String {
        let head = meetingCells(card.source, card.meeting, card.process) + [
            String(card.score), String(card.claimedScore), card.selfScore.map(String.init) ?? "",
            card.managerScore.map(String.init) ?? "", card.stage.evidenced ?? "", card.readyToAdvance ? "yes" : "no",
        ]
        return card.items.map { item in
            row(head + [item.id, item.kind.rawValue, item.status.rawValue, NumberText.plain(item.weight),
                        item.required ? "yes" : "no", item.overriddenBy ?? "", item.reason,
                        item.line.map(String.init) ?? ""])
        }.joined()
    }

    /// One table of the team report.
    public static func report(_ report: TeamReport, section: ReportSection) -> String {
        func number(_ value: Int?) -> String { value.map(String.init) ?? "" }
        switch section {
        case .rep:
            // "missed 2 of 3" as two numbers: a cell such as 2/3 is a date to a spreadsheet.
            var out = row(["rep", "calls", "average_score", "trend", "self_gap", "manager_gap", "priority_1",
                           "priority_1_missed", "priority_1_in_play", "priority_2", "priority_2_missed", "priority_2_in_play"])
            for rep in report.reps {
                let priorities = rep.priorities.flatMap { [$0.id, String($0.missed), String($0.of)] }
                out += row([rep.rep, String(rep.calls), String(rep.averageScore), String(rep.trend), number(rep.selfGap),
                            number(rep.managerGap)] + priorities + Array(repeating: "", count: max(0, 6 - priorities.count)))
            }
            return out
        case .milestone:
            var out = row(["process", "item", "title", "kind", "met", "in_play", "rate"])
            for item in report.milestones {
                out += row([item.process, item.id, item.title, item.kind, String(item.met), String(item.inPlay),
                            String(item.rate)])
            }
            return out
        case .stage:
            var out = row(["process", "stage", "title", "opportunities", "ahead_of_evidence", "stalled"])
            for stage in report.stages {
                out += row([stage.process, stage.stage, stage.title, String(stage.opportunities),
                            String(stage.aheadOfEvidence), String(stage.stalled)])
            }
            return out
        }
    }

    private static func meetingCells(_ source: String, _ meeting: DebriefRecord.MeetingInfo,
                                     _ process: DebriefRecord.ProcessInfo) -> [String] {
        [source, meeting.id, meeting.date, meeting.account ?? "", meeting.opportunity ?? "", meeting.rep ?? "",
         meeting.stage, process.id, process.version]
    }

    private static func row(_ cells: [String]) -> String {
        cells.map(escape).joined(separator: ",") + "\r\n"
    }

    /// One RFC 4180 line of `cells`, guarded against formulas, for other tables (next steps).
    static func line(_ cells: [String]) -> String { row(cells) }

    /// RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe
    /// (a plain decimal number such as -16 or -1.5e3 is left a number; `-inf`, `-nan` and hex
    /// floats, which Swift reads as numbers but spreadsheets do not, are guarded).
    private static func escape(_ cell: String) -> String {
        var value = cell
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isPlainDecimal(value) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A sign, digits, an optional fraction and an optional exponent: `-16`, `+2.5`, `-1.5e3`.
    static func isPlainDecimal(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        func digits() -> Int {
            let count = bytes.prefix { (0x30...0x39).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard digits() > 0 else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
