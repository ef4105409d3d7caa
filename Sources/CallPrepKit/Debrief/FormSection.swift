/// The sections of a debrief form, found by the `<!-- callprep:ID -->` comment in their heading,
/// else by the heading's words.
enum FormSection: String, CaseIterable {
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
            guard let literal = child.literal, literal.hasPrefix("<!--"), literal.hasSuffix("-->") else { continue }
            let inner = literal.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
            if inner.hasPrefix("callprep:") { return String(inner.dropFirst("callprep:".count)) }
        }
        return nil
    }

    /// The section a heading opens, by its marker or, when that was lost, by its words.
    static func identify(_ heading: MarkdownNode) -> FormSection? {
        if let marker = marker(of: heading), let section = FormSection(rawValue: marker) { return section }
        let words = normalized(heading.children.filter { $0.kind != .htmlInline }.map(\.plainText).joined())
        let prefixes: [(String, FormSection)] = [
            ("milestones", .milestones), ("earlier milestones", .earlierMilestones), ("call practices", .practices),
            ("practices", .practices), ("next steps", .nextSteps), ("pains", .pains), ("people", .people),
            ("self assessment", .selfAssessment), ("manager review", .review), ("review", .review),
            ("coaching", .coaching),
        ]
        return prefixes.first { words.hasPrefix($0.0) }?.1
    }
}

/// Text compared loosely: lower case, punctuation and runs of white space as single spaces.
/// Works on Unicode scalars, which is many times faster than on Characters.
func normalized(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil {
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            if scalar.isASCII {
                out.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else {
                out.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            }
        } else if !properties.isDiacritic && properties.generalCategory != .nonspacingMark {
            pendingSpace = true
        }
    }
    return String(out)
}

extension StringProtocol {
    /// Without leading and trailing white space and line breaks; native, with no trip through NSString.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}
