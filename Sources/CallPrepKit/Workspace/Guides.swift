/// The guides to callprep's files and outputs (`docs/*.md`), carried by the binary: a workspace
/// has no `docs/`, so `callprep docs TOPIC` prints them.
public enum Guides {
    /// The topics, sorted: `meeting-file`, `process-file`, `scorecard`, ...
    public static var topics: [String] { (Array(BuiltinDocs.all.keys) + ["checks"]).sorted() }

    /// A guide's text: `checks` made from the checks themselves, as docs/checks.md is.
    private static func guide(_ name: String) -> String? {
        name == "checks" ? CheckDocsMarkdown.render() : BuiltinDocs.all[name]
    }

    /// The guide's Markdown; nil for an unknown topic. `meeting-file.md` and `meeting file` also
    /// name `meeting-file`.
    public static func text(_ topic: String) -> String? {
        var name = topic.lowercased().replacingOccurrences(of: " ", with: "-")
        if name.hasSuffix(".md") { name.removeLast(3) }
        if name.hasPrefix("docs/") { name.removeFirst(5) }
        return guide(name)
    }

    /// The first line of each guide without its `# `: what the topic list shows beside each name.
    public static func title(_ topic: String) -> String {
        let first = guide(topic)?.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        return first.hasPrefix("# ") ? String(first.dropFirst(2)) : first
    }
}
