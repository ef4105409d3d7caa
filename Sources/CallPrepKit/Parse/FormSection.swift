/// The sections of a debrief form, found by the `<!-- callprep:ID -->` comment in their heading,
/// else by the heading's words.
enum FormSection: String, CaseIterable {
    case plan
    case milestones
    case earlierMilestones = "earlier-milestones"
    case practices
    case nextSteps = "next-steps"
    case pains
    case people
    case selfAssessment = "self-assessment"
    case review
    case coaching

    /// The sections whose absence is worth a warning (item sections are checked item by item).
    static let expected: [FormSection] = [.nextSteps, .pains, .people, .selfAssessment, .review, .coaching]

    var title: String {
        switch self {
        case .plan: "Plan and result"
        case .milestones: "Milestones"
        case .earlierMilestones: "Earlier milestones"
        case .practices: "Call practices"
        case .nextSteps: "Next steps"
        case .pains: "Pains"
        case .people: "People met"
        case .selfAssessment: "Self-assessment"
        case .review: "Manager review"
        case .coaching: "Coaching notes"
        }
    }

    /// Whether task items in this section are the form's milestones and practices.
    var holdsItems: Bool {
        switch self {
        case .milestones, .earlierMilestones, .practices: true
        default: false
        }
    }

    /// The `callprep:` marker of a heading or paragraph, e.g. `milestones` or `header`.
    static func marker(of node: MarkdownNode) -> String? {
        for child in node.children where child.kind == .htmlInline {
            guard let literal = child.literal, literal.utf8.count >= 7, literal.utf8.starts(with: "<!--".utf8),
                  literal.utf8.reversed().starts(with: ">--".utf8) else { continue }
            // By bytes: the markers are ASCII, and Characters cost many times more.
            let inner = Substring(literal.utf8.dropFirst(4).dropLast(3)).trimmed
            if inner.hasPrefix("callprep:") { return String(inner.dropFirst("callprep:".count)) }
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
