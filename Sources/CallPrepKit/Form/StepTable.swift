/// Where a next step stands: open from the debrief that made it until a later one marks it done or
/// dropped (docs/debrief-record.md, "Next steps across calls").
public enum StepState: String, Sendable, Hashable, Codable, CaseIterable {
    case open, done, dropped
}

/// The next-steps table of the form, as `Render/` writes it and `Parse/` reads it back: its columns,
/// the words of its State column, and the `#id` a rep may give a step.
public enum StepTable {
    /// The header the form writes. A form written before the State and Since columns existed
    /// (Action, Owner, Due) is read as before: every step in it is open.
    static let header = ["Action", "Owner", "Due (YYYY-MM-DD)", "State (open, done, dropped)", "Since"]

    /// What a column header may start with, per field (read loosely: `normalized`, a whole word).
    static let actionNames = ["action"]
    static let ownerNames = ["owner", "who"]
    static let dueNames = ["due", "when", "date"]
    static let stateNames = ["state", "done", "status"]
    static let sinceNames = ["since", "made"]

    /// A State cell read loosely: `open`, `done`, `dropped`, and the marks of a Done column (`x`,
    /// `yes`, a check mark); blank is open. Nil for anything else (reported, and read as open).
    public static func state(_ text: String) -> StepState? {
        if ["✓", "✔", "☑", "✅"].contains(text.trimmed) { return .done }
        return switch normalized(text) {
        case "", "open", "o", "no", "n", "not done", "todo", "to do", "pending", "in progress", "waiting", "moved": .open
        case "done", "x", "yes", "y", "complete", "completed", "closed", "sent", "finished": .done
        case "dropped", "drop", "dropped it", "cancelled", "canceled", "abandoned", "no longer", "skip", "skipped": .dropped
        default: nil
        }
    }

    /// The `#id` a rep put at the end of an action ("Send the figures #figures"), and the action
    /// without it. An id is letters, digits, `-` and `_`, up to 40 of them.
    public static func explicitID(in action: String) -> (action: String, id: String?) {
        let trimmed = action.trimmed
        guard let hash = trimmed.lastIndex(of: "#") else { return (trimmed, nil) }
        let id = trimmed[trimmed.index(after: hash)...]
        let before = trimmed[..<hash]
        guard !id.isEmpty, id.count <= 40, before.isEmpty || before.last == " ",
              id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                  || $0 == "-" || $0 == "_" }) else { return (trimmed, nil) }
        return (before.trimmed, id.lowercased())
    }
}
