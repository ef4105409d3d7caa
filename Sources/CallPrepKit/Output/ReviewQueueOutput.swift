/// How `callprep review` lists the debriefs waiting for a review.
public enum ReviewQueueFormat: String, CaseIterable, Sendable {
    case text, md, json

    public func render(_ queue: ReviewQueue) -> String {
        switch self {
        case .text:
            guard !queue.entries.isEmpty else { return "No debrief waits for a review.\n" }
            return queue.entries.map { entry in
                VisibleControls.inline([entry.date, entry.rep ?? "no rep", entry.account ?? "no account",
                                        "score \(entry.score.map(String.init) ?? "-")", Self.findings(entry.findings),
                                        entry.source].joined(separator: " · ")) + "\n"
            }.joined()
        case .md:
            var out = "# Debriefs waiting for a review\n\n"
            guard !queue.entries.isEmpty else { return out + "None.\n" }
            out += "| Date | Rep | Account | Score | Findings | Debrief |\n| --- | --- | --- | --- | --- | --- |\n"
            for entry in queue.entries {
                let cells = [entry.date, entry.rep ?? "", entry.account ?? "", entry.score.map(String.init) ?? "",
                             String(entry.findings), entry.source]
                out += "| " + cells.map(MarkdownEscaping.inline).joined(separator: " | ") + " |\n"
            }
            return out
        case .json:
            return JSONWriter.write(queue) + "\n"
        }
    }

    static func findings(_ count: Int) -> String { count == 1 ? "1 finding" : "\(count) findings" }
}
