/// Debrief records as CSV: one row per item, the meeting's columns repeated, so it pastes into a
/// spreadsheet.
public enum RecordCSV {
    public static let header = ["source", "meeting", "date", "account", "opportunity", "rep", "stage", "process",
                                "process_version", "item", "kind", "item_stage", "state", "evidence", "line"]

    public static func render(_ records: [DebriefRecord]) -> String {
        var out = row(header)
        for record in records {
            let meeting = [record.source, record.meeting.id, record.meeting.date, record.meeting.account ?? "",
                           record.meeting.opportunity ?? "", record.meeting.rep ?? "", record.meeting.stage,
                           record.process.id, record.process.version]
            for item in record.items {
                out += row(meeting + [item.id, item.kind.rawValue, item.stage ?? "", item.state.rawValue,
                                      item.evidence, String(item.line)])
            }
        }
        return out
    }

    static func row(_ cells: [String]) -> String {
        cells.map(escape).joined(separator: ",") + "\r\n"
    }

    /// RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe.
    static func escape(_ cell: String) -> String {
        var value = cell
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
