/// Coaching notes as Markdown: per rep, per milestone, newest first, each with its date and source.
struct CoachingMarkdownReporter: Reporter {
    static var identifier: String { "md" }
    func render(_ coaching: CoachingNotes) -> String { CoachingMarkdown.render(coaching) }
}

enum CoachingMarkdown {
    public static func render(_ coaching: CoachingNotes) -> String {
        func text(_ value: String) -> String { MarkdownEscaping.inline(value) }
        var out = "# Coaching notes\n"
        if coaching.reps.isEmpty { out += "\nNo coaching notes yet.\n" }
        for rep in coaching.reps {
            out += "\n## \(text(rep.rep.isEmpty ? "Unknown rep" : rep.rep))\n"
            for topic in rep.topics {
                out += "\n### \(text(topic.title))"
                out += topic.milestone.map { " (`\($0)`)\n\n" } ?? "\n\n"
                for note in topic.notes {
                    let author = note.author.map { ", \(text($0))" } ?? ""
                    out += "- \(note.date)\(author): \(text(note.text)) (`\(note.source.replacingOccurrences(of: "`", with: "'"))`)\n"
                }
            }
        }
        return out
    }
}
