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
    public let id: CheckID
    /// One sentence: what it finds.
    public let summary: String
    /// Why it matters to a sales team.
    public let why: String
    /// The default threshold and what it means, for checks that have one.
    public let threshold: (value: Double, meaning: String)?
    /// The milestone or practice its findings are about: a finding makes that item not met, so that
    /// no finding contradicts a met item.
    public let item: String?
    public let triggers: [CheckExample]
    public let passes: [CheckExample]

    public init(id: CheckID, summary: String, why: String, threshold: (value: Double, meaning: String)?,
                item: String? = nil, triggers: [CheckExample], passes: [CheckExample]) {
        self.id = id
        self.summary = summary
        self.why = why
        self.threshold = threshold
        self.item = item
        self.triggers = triggers
        self.passes = passes
    }
}

/// What a check sees of one scored debrief. A class, made once for all the checks of a debrief
/// (copying its many values for each check was a measurable part of scoring).
public final class CheckContext: @unchecked Sendable {
    public let record: DebriefRecord
    public let process: SalesProcess
    /// The items in play with their statuses.
    public let items: [Scorecard.Item]
    /// Milestones met in this debrief or in earlier debriefs of the same opportunity.
    public let metOverHistory: Set<String>
    /// Who is who on the customer's side.
    public let people: PeoplePicture
    /// The process's word lists, ready for matching.
    let words: CompiledWordLists
    /// What checks ask of the process, worked out once.
    let facts: ProcessFacts
    /// The evidence reader the items were judged with.
    let reader: EvidenceReader
    public let score: Int
    public let stage: Scorecard.StageFigures
    /// The process file's threshold for the check being run, else the check's default.
    public internal(set) var threshold: Double?

    init(record: DebriefRecord, process: SalesProcess, items: [Scorecard.Item], metOverHistory: Set<String>,
         people: PeoplePicture, words: CompiledWordLists, facts: ProcessFacts, reader: EvidenceReader, score: Int,
         stage: Scorecard.StageFigures) {
        self.reader = reader
        self.record = record
        self.process = process
        self.items = items
        self.metOverHistory = metOverHistory
        self.people = people
        self.words = words
        self.facts = facts
        self.score = score
        self.stage = stage
    }

    /// Names of those who decide: decision makers and economic buyers, from the whole picture.
    var decisionMakers: [String] {
        people.deciders.map(\.name)
    }


}

/// A built-in check: a small rule with an id, a message and examples (DESIGN section 6).
public protocol ScoringCheck: Sendable {
    var description: CheckDescription { get }
    func findings(_ context: CheckContext) -> [Scorecard.Finding]
}

extension ScoringCheck {
    func finding(_ message: String, line: Int?) -> Scorecard.Finding {
        Scorecard.Finding(check: description.id.rawValue, message: message, line: line)
    }
}

/// Every built-in check, sorted by id.
public enum CheckRegistry {
    /// The rule of each id the process may name.
    public static func check(_ id: CheckID) -> any ScoringCheck {
        switch id {
        case .belowMinimumOutcome: BelowMinimumOutcomeCheck()
        case .championUntested: ChampionUntestedCheck()
        case .colleagueWithoutTask: ColleagueWithoutTaskCheck()
        case .nextStepDated: NextStepDatedCheck()
        case .nextStepDecisionMaker: NextStepDecisionMakerCheck()
        case .noPrepBrief: NoPrepBriefCheck()
        case .painsQuantified: PainsQuantifiedCheck()
        case .presentingBeforeDiscovery: PresentingBeforeDiscoveryCheck()
        case .proposalBeforeDiscovery: ProposalBeforeDiscoveryCheck()
        case .relationshipVendorLevel: RelationshipVendorLevelCheck()
        case .requiredWithoutEvidence: RequiredWithoutEvidenceCheck()
        case .selfAssessmentGap: SelfAssessmentGapCheck()
        case .stageAheadOfEvidence: StageAheadOfEvidenceCheck()
        }
    }

    public static let all: [any ScoringCheck] = CheckID.allCases.sorted().map(check)

    public static var ids: [String] { CheckID.names }

    /// The check of that id; nil for an id no check has.
    public static func check(id: String) -> (any ScoringCheck)? {
        CheckID(rawValue: id).map(check)
    }
}
