import Foundation

/// A meeting as the text of a meeting file (docs/meeting-file.md), for `meeting import`: every
/// value quoted so that it reads back as written, and each part of the plan not yet written left
/// as a commented placeholder (`# objective:`) that `brief` points to.
public enum MeetingFileText {
    /// `header` lines become comments at the top; `newCustomer` marks the opportunity as a placeholder.
    public static func render(_ meeting: Meeting, header: [String], newCustomer: Bool) -> String {
        var lines = header.map { "# " + $0 }
        func add(_ key: String, _ value: String?, indent: String = "") {
            if let value, !value.isEmpty { lines.append("\(indent)\(key): \(scalar(value))") }
        }
        func addOrPlaceholder(_ key: String, _ value: String?, indent: String = "") {
            if let value, !value.isEmpty { add(key, value, indent: indent) } else { lines.append("\(indent)# \(key):") }
        }
        lines.append("id: \(meeting.id)")
        add("uid", meeting.uid)
        lines.append("date: \(meeting.date)")
        add("time", meeting.time)
        add("timezone", meeting.timeZone)
        if let duration = meeting.durationMinutes { lines.append("duration: \(duration)") }
        add("type", meeting.type)
        add("account", meeting.account)
        lines.append("opportunity:")
        if newCustomer {
            lines.append("  # A new customer: this opportunity is a placeholder. Give it your CRM's id, a name and its stage.")
        }
        add("id", meeting.opportunity.id, indent: "  ")
        add("name", meeting.opportunity.name, indent: "  ")
        lines.append("  stage: \(scalar(meeting.opportunity.stage))")
        if let value = meeting.opportunity.value {
            lines.append("  value: \(value.rounded() == value ? String(Int(value)) : String(value))")
        }
        add("currency", meeting.opportunity.currency, indent: "  ")
        add("crm_id", meeting.opportunity.crmID, indent: "  ")
        addOrPlaceholder("rep", meeting.rep)
        addOrPlaceholder("objective", meeting.objective)
        addOrPlaceholder("best_outcome", meeting.bestOutcome)
        addOrPlaceholder("minimum_outcome", meeting.minimumOutcome)
        if !meeting.attendees.isEmpty { lines.append("attendees:") }
        for attendee in meeting.attendees {
            lines.append("  - name: \(scalar(attendee.name))")
            add("title", attendee.title, indent: "    ")
            add("email", attendee.email, indent: "    ")
            lines.append("    side: \(attendee.side.rawValue)")
            add("buying_role", attendee.buyingRole?.rawValue, indent: "    ")
            if attendee.side == .ours { addOrPlaceholder("task", attendee.task, indent: "    ") }
            add("notes", attendee.notes, indent: "    ")
        }
        if !meeting.pains.isEmpty { lines.append("pains:") }
        for pain in meeting.pains {
            lines.append("  - problem: \(scalar(pain.problem))")
            add("impact", pain.impact, indent: "    ")
            add("frequency", pain.frequency, indent: "    ")
        }
        if let notes = meeting.notes, !notes.isEmpty {
            if let block = literalBlock(notes) { lines.append("notes: |-"); lines += block } else { add("notes", notes) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Refuses a meeting file `render` made that would not load as written, with what the loader
    /// says at its line, so that `meeting import` never writes a file `brief` then refuses. The
    /// text is checked as the file `path` it will become.
    public static func verify(_ text: String, as path: String, process: SalesProcess) throws(DiagnosticError) {
        do {
            _ = try MeetingLoader.load(SourceFile(path: path, text: text), process: process)
        } catch {
            throw DiagnosticError(error.diagnostics.filter { $0.severity == .error }.map { diagnostic in
                var refused = diagnostic
                refused.message = "callprep would write a meeting file it cannot read back: " + diagnostic.message
                return refused
            })
        }
    }

    /// A plain scalar when YAML reads it back as the same string, else double-quoted.
    static func scalar(_ value: String) -> String {
        let plain = value.unicodeScalars.allSatisfy { scalar in
            CharacterSet.alphanumerics.contains(scalar) || " .-_/@+()'".unicodeScalars.contains(scalar)
        }
        let reserved = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]
        guard plain, let first = value.unicodeScalars.first, CharacterSet.letters.contains(first),
              value.last != " ", !reserved.contains(value.lowercased()) else { return doubleQuoted(value) }
        return value
    }

    /// The lines of a `|-` block for text that such a block keeps exactly, else nil.
    static func literalBlock(_ text: String) -> [String]? {
        let safe = text.unicodeScalars.allSatisfy(isPlainYAMLCharacter)
        let lines = text.components(separatedBy: "\n")
        guard safe, let first = lines.first, !first.hasPrefix(" "), !first.hasPrefix("\t"), text.last != "\n",
              !lines.contains(where: { $0.hasSuffix(" ") || $0.hasSuffix("\t") }) else { return nil }
        return lines.map { $0.isEmpty ? "" : "  " + $0 }
    }
}
