/// Reads the plan section: the objective, whether each outcome was reached (`outcome-best`,
/// `outcome-minimum`) and whether each colleague did their task (`task-NAME`).
enum PlanReader {
    /// An outcome or a task from a list item; nil when the item is neither.
    static func read(_ item: MarkdownNode, into plan: inout DebriefRecord.Plan) -> Bool {
        guard let paragraph = item.children.first, paragraph.kind == .paragraph,
              let index = paragraph.children.firstIndex(where: { node in
                  guard node.kind == .code, let id = node.literal else { return false }
                  return id == "outcome-best" || id == "outcome-minimum" || id.hasPrefix("task-")
              }), let id = paragraph.children[index].literal else { return false }
        let before = oneLine(inlineText(Array(paragraph.children[..<index])))
        var after = oneLine(inlineText(Array(paragraph.children[(index + 1)...])))
        if after.hasPrefix(":") { after = String(after.dropFirst()).trimmed }
        let evidence = ItemReader.stripEvidenceLabel(item.children.dropFirst().map(\.blockText)
            .map(\.trimmed).filter { !$0.isEmpty }.joined(separator: "\n"))
        let checked = item.isChecked == true
        if id.hasPrefix("outcome-") {
            plan.outcomes.append(.init(kind: String(id.dropFirst("outcome-".count)), text: after, reached: checked,
                                       evidence: evidence, line: item.start.line))
        } else {
            let person = before.hasSuffix(" did their task") ? String(before.dropLast(" did their task".count)) : before
            let notAttended = evidence.hasLowercasePrefix("n/a") || evidence.hasLowercasePrefix("not applicable")
            plan.tasks.append(.init(person: person.trimmed, task: after == "no task planned" || after.isEmpty ? nil : after,
                                    attended: !notAttended, done: checked && !notAttended, evidence: evidence,
                                    line: item.start.line))
        }
        return true
    }

    /// The objective, from its "Objective:" line; nil when the text is not one.
    static func objective(_ text: String) -> String? {
        guard text.hasLowercasePrefix("objective:") else { return nil }
        return oneLine(String(text.dropFirst("objective:".count)))
    }

    /// A text the meeting file gave as one line, however a reformatter wrapped it.
    private static func oneLine(_ text: String) -> String {
        // By bytes for ASCII text with no \r (most): elsewhere a \r\n, or a space and a combining
        // mark, is one character, which the split below keeps whole.
        guard !text.hasByte(13), text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        }
        return text.utf8.split(whereSeparator: { $0 == 32 || $0 == 10 || $0 == 9 }).map { String(decoding: $0, as: UTF8.self) }
            .joined(separator: " ")
    }
}
