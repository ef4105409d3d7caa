/// The sections of a debrief form, each marked by a `<!-- callprep:ID -->` comment in its heading
/// (`FormContract.marker`); the parser finds them by it, else by the heading's words
/// (Parse/FormSectionReading.swift).
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
}
