/// A debrief record as it is being read, with the problems found on the way.
struct DebriefDraft {
    let file: String
    var record: DebriefRecord
    var diagnostics: [Diagnostic]

    mutating func report(_ problem: DebriefProblem, at location: SourceLocation = .start, _ severity: Severity = .error) {
        diagnostics.append(Diagnostic(severity, file: file, at: location, problem))
    }

    mutating func report(_ problem: DebriefProblem, at node: MarkdownNode, _ severity: Severity = .error) {
        report(problem, at: node.start, severity)
    }

    /// Text a person wrote that maps to no field: kept, with its line and the section it stands in.
    mutating func keep(text: String, line: Int, section: String?) {
        let kept = text.trimmed
        if !kept.isEmpty { record.unmapped.append(.init(text: kept, line: line, section: section)) }
    }
}

/// Inline nodes as one line of plain text.
func inlineText(_ nodes: [MarkdownNode]) -> String {
    nodes.map(\.plainText).joined().trimmed
}

/// A heading's words, without the `callprep:` marker comment.
func headingText(_ heading: MarkdownNode) -> String {
    inlineText(heading.children.filter { $0.kind != .htmlInline })
}
