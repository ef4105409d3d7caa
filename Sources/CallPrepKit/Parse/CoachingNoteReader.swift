/// Reads one coaching note: its text, the milestone it names, and its author ("… (Sam Lee)" or "… — Sam Lee").
enum CoachingNoteReader {
    static func note(_ node: MarkdownNode, text: String, index: ItemIndex) -> DebriefRecord.CoachingNote? {
        var note = text.trimmed
        guard !note.isEmpty else { return nil }
        let milestone = node.firstDescendant { $0.kind == .code && index.itemsByID[$0.literal ?? ""] != nil }?.literal
        var author: String?
        if note.hasSuffix(")"), let open = note.lastIndex(of: "("), note.distance(from: open, to: note.endIndex) <= 60 {
            author = String(note[note.index(after: open)..<note.index(before: note.endIndex)])
            note = String(note[..<open])
        } else if let dash = note.lastIndex(where: { $0 == "—" || $0 == "–" }),
                  note.distance(from: dash, to: note.endIndex) <= 60 {
            author = String(note[note.index(after: dash)...])
            note = String(note[..<dash])
        }
        author = author?.trimmed
        note = note.trimmed
        // "`impact-quantified` Ask for …": the id that opens the note names its item, and is not
        // its text (the note's item is shown beside it).
        if let milestone, note.hasPrefix(milestone) {
            let rest = note.dropFirst(milestone.count)
            if rest.first.map({ $0 == " " || $0 == ":" || $0 == "-" || $0 == "–" || $0 == "—" }) == true {
                note = String(rest.drop { $0 == " " || $0 == ":" || $0 == "-" || $0 == "–" || $0 == "—" })
            }
        }
        if note.isEmpty || author?.isEmpty == true {
            note = text.trimmed
            author = nil
        }
        return .init(text: note, milestone: milestone, author: author, line: node.start.line)
    }
}
