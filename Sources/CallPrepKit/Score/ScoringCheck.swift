/// A debrief that shows what a check looks for: Markdown under a standard front matter
/// (process `b2b`, the given stage), parsed and scored like any other.
public struct CheckExample: Sendable {
    public let name: String
    public let stage: String
    public let markdown: String

    public init(_ name: String, stage: String = "discover", _ markdown: String) {
        self.name = name
        self.stage = stage
        self.markdown = markdown
    }
}

/// What a check is, for people: the documentation in docs/checks.md is made from these.
public struct CheckDescription: Sendable {
    public let id: String
    /// One sentence: what it finds.
    public let summary: String
    /// Why it matters to a sales team.
    public let why: String
    /// The default threshold and what it means, for checks that have one.
    public let threshold: (value: Double, meaning: String)?
    public let triggers: [CheckExample]
    public let passes: [CheckExample]
}

/// What a check sees of one scored debrief.
public struct CheckContext: Sendable {
    public let record: DebriefRecord
    public let process: SalesProcess
    /// The items in play with their statuses.
    public let items: [Scorecard.Item]
    /// Milestones met in this debrief or in earlier debriefs of the same opportunity.
    public let metOverHistory: Set<String>
    public let score: Int
    public let stage: Scorecard.StageFigures
    /// The process file's threshold for this check, else the check's default.
    public let threshold: Double?

    func status(_ id: String) -> Scorecard.Status? {
        items.first { $0.id == id }?.status
    }

    /// Names of the people met whose buying role is decision maker or economic buyer.
    var decisionMakers: [String] {
        record.people.filter { person in
            guard let role = person.role.flatMap(BuyingRole.init(loose:)) else { return false }
            return role == .decisionMaker || role == .economicBuyer
        }.map(\.name)
    }
}

/// A built-in check: a small rule with an id, a message and examples (DESIGN section 6).
public protocol ScoringCheck: Sendable {
    var description: CheckDescription { get }
    func findings(_ context: CheckContext) -> [Scorecard.Finding]
}

extension ScoringCheck {
    func finding(_ message: String, line: Int?) -> Scorecard.Finding {
        Scorecard.Finding(check: description.id, message: message, line: line)
    }
}

/// Every built-in check, sorted by id.
public enum CheckRegistry {
    public static let all: [any ScoringCheck] = ([
        NextStepDatedCheck(), NextStepDecisionMakerCheck(), PainsQuantifiedCheck(), PresentingBeforeDiscoveryCheck(),
        StageAheadOfEvidenceCheck(), SelfAssessmentGapCheck(), RequiredWithoutEvidenceCheck(), NoPrepBriefCheck(),
    ] as [any ScoringCheck]).sorted { $0.description.id < $1.description.id }

    public static var ids: [String] { all.map(\.description.id) }

    public static func check(id: String) -> (any ScoringCheck)? {
        all.first { $0.description.id == id }
    }
}
