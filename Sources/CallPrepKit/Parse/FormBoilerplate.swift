/// The text a debrief form template writes by itself (instructions, labels, stage headings), so
/// that the parser does not mistake it for what a person wrote.
public struct FormBoilerplate: Sendable {
    private let texts: Set<String>
    /// Text longer than this cannot be one of `texts`, however a reformatter spaced it.
    private let longest: Int

    /// The top-level blocks that read the same in two forms rendered from different meetings.
    public init(templates: TemplateSet) {
        func blocks(account: String, rep: String) -> Set<String> {
            guard let source = ProcessResolver.builtinSource(ProcessResolver.defaultID),
                  let process = try? ProcessLoader.load(source) else { return [] }
            let meeting = Meeting(
                id: "boilerplate-\(account)", date: account == "a" ? "2001-01-01" : "2002-02-02",
                account: "account \(account)",
                opportunity: Opportunity(id: "opportunity-\(account)", name: "name \(account)", stage: "discover"),
                rep: rep, objective: "objective \(account)",
                attendees: [Attendee(name: "person \(account)", side: .theirs)],
                pains: [Pain(problem: "pain \(account)")])
            let form = DocumentRenderer.form(meeting: meeting, process: process, templates: templates)
            let tree = MarkdownParser.parse(FrontMatter.split(form).body)
            return Set(tree.children.map { normalized($0.blockText) }.filter { !$0.isEmpty })
        }
        texts = blocks(account: "a", rep: "rep one").intersection(blocks(account: "b", rep: "rep two"))
        longest = 4 * (texts.map(\.utf8.count).max() ?? 0) + 64
    }

    func contains(_ node: MarkdownNode) -> Bool {
        contains(text: node.blockText)
    }

    func contains(text: String) -> Bool {
        text.utf8.count <= longest && texts.contains(normalized(text))
    }
}
