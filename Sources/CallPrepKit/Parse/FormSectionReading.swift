/// Finding a form's sections in the Markdown tree (`FormSection` is the contract, in Form/).
extension FormSection {
    /// The `callprep:` marker of a heading or paragraph, e.g. `milestones` or `header`.
    static func marker(of node: MarkdownNode) -> String? {
        for child in node.children where child.kind == .htmlInline {
            guard let literal = child.literal, literal.utf8.count >= 7, literal.utf8.starts(with: "<!--".utf8),
                  literal.utf8.reversed().starts(with: ">--".utf8) else { continue }
            // By bytes: the markers are ASCII, and Characters cost many times more.
            let inner = Substring(literal.utf8.dropFirst(4).dropLast(3)).trimmed
            if inner.hasPrefix(FormContract.markerPrefix) { return String(inner.dropFirst(FormContract.markerPrefix.count)) }
        }
        return nil
    }

    /// The section a heading opens, by its marker or, when that was lost, by its words.
    static func identify(_ heading: MarkdownNode) -> FormSection? {
        if let marker = marker(of: heading), let section = FormSection(rawValue: marker) { return section }
        let words = normalized(heading.children.filter { $0.kind != .htmlInline }.map(\.plainText).joined())
        let prefixes: [(String, FormSection)] = [
            ("plan", .plan), ("milestones", .milestones), ("earlier milestones", .earlierMilestones), ("call practices", .practices),
            ("practices", .practices), ("next steps", .nextSteps), ("pains", .pains), ("people", .people),
            ("self assessment", .selfAssessment), ("manager review", .review), ("review", .review),
            ("coaching", .coaching),
        ]
        return prefixes.first { words.hasPrefix($0.0) }?.1
    }
}
