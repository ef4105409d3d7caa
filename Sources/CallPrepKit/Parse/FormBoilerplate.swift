/// The text a debrief form template writes by itself (instructions, labels, stage headings), so
/// that the parser does not mistake it for what a person wrote.
public struct FormBoilerplate: Sendable {
    private let texts: Set<String>
    /// Text longer than this cannot be one of `texts`, however a reformatter spaced it.
    private let longest: Int

    /// The top-level blocks that read the same in every one of `forms`: debrief forms rendered from
    /// the same template for different meetings (`Workspace` renders them). A form the parser
    /// would refuse once filled in (a shape cmark-gfm is slow on, nesting too deep) is that refusal:
    /// a workspace's template can make one.
    public init(forms: [String]) throws(DebriefProblem) {
        var blocks: [Set<String>] = []
        for form in forms {
            let body = FrontMatter.split(form).body
            if let (problem, _) = MarkdownLimits.check(body) { throw .tooCostly(problem) }
            let tree: MarkdownNode
            do { tree = try MarkdownParser.parse(body, maxDepth: MarkdownParser.defaultMaxDepth) } catch { throw .nestedTooDeep(limit: error.limit) }
            blocks.append(Set(tree.children.map { normalized($0.blockText) }.filter { !$0.isEmpty }))
        }
        self.init(texts: blocks.dropFirst().reduce(blocks.first ?? []) { $0.intersection($1) })
    }

    /// Blocks already found, such as the built-in form's (`BuiltinBoilerplate`, made by a test from
    /// the built-in template, so that a command need not render two forms to start).
    public init(texts: Set<String>) {
        self.texts = texts
        longest = 4 * (texts.map(\.utf8.count).max() ?? 0) + 64
    }

    /// The blocks, sorted: what `BuiltinBoilerplate` holds for the built-in template.
    var sortedTexts: [String] { texts.sorted() }

    func contains(_ node: MarkdownNode) -> Bool {
        contains(text: node.blockText)
    }

    func contains(text: String) -> Bool {
        text.utf8.count <= longest && texts.contains(normalized(text))
    }
}
