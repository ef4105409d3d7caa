/// An exit criterion of a stage, or (as a practice) something scored on every call.
public struct Milestone: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var weight: Double
    /// A stage-exit criterion; a required milestone cannot be marked not applicable.
    public var required: Bool
    /// Questions the brief suggests asking.
    public var ask: [String]
    /// What its evidence must contain, and what does not count.
    public var rule: EvidenceRule
    /// Items that must be met, in this debrief or an earlier one of the deal, for this one to count.
    public var requires: [String]
    public var guidance: String
    /// Where it is defined, for diagnostics about it.
    public var line: Int

    /// The first kind of evidence the rule asks for: what the form's hint describes.
    public var evidence: EvidenceKind { rule.primaryKind }

    public init(id: String, title: String, weight: Double = 1, required: Bool = true, ask: [String] = [],
                evidence: EvidenceKind = .text, rule: EvidenceRule? = nil, requires: [String] = [],
                guidance: String = "", line: Int = 0) {
        self.id = id
        self.title = title
        self.weight = weight
        self.required = required
        self.ask = ask
        self.rule = rule ?? EvidenceRule(evidence)
        self.requires = requires
        self.guidance = guidance
        self.line = line
    }
}

/// One stage of the sales process, with the milestones that must be met to leave it.
public struct Stage: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var goal: String
    public var milestones: [Milestone]
    public var line: Int

    public init(id: String, title: String, goal: String = "", milestones: [Milestone], line: Int = 0) {
        self.id = id
        self.title = title
        self.goal = goal
        self.milestones = milestones
        self.line = line
    }
}

/// A process file's settings of one built-in check.
public struct CheckSetting: Sendable, Hashable, Codable {
    public var id: CheckID
    public var enabled: Bool
    public var weight: Double?
    public var threshold: Double?
    public var line: Int

    public init(id: CheckID, enabled: Bool = true, weight: Double? = nil, threshold: Double? = nil, line: Int = 0) {
        self.id = id
        self.enabled = enabled
        self.weight = weight
        self.threshold = threshold
        self.line = line
    }
}

/// A team's defined sales process: ordered stages with their milestones, and the practices
/// scored on every call.
public struct SalesProcess: Sendable, Hashable, Codable {
    public var id: String
    public var version: String
    public var title: String
    public var stages: [Stage]
    public var practices: [Milestone]
    public var checks: [CheckSetting]
    /// The phrases the rules and checks look for; the built-in lists where the file names none.
    public var words: WordLists
    /// How long a rep prepares for a call, at least: what `preparation` evidence must show.
    public var prepMinutes: Int

    /// The prep time when a process file does not say.
    public static let defaultPrepMinutes = 30
    /// The Snowball stemmer evidence and word lists are read with (`language:`).
    public var language: String = "english"
    /// How "3/4" in evidence is read: `day-month`, `month-day`, or nil (ambiguous, not a date).
    public var dateOrder: String?

    public init(id: String, version: String, title: String, stages: [Stage], practices: [Milestone] = [],
                checks: [CheckSetting] = [], words: WordLists = WordLists([:]),
                prepMinutes: Int = SalesProcess.defaultPrepMinutes) {
        self.id = id
        self.version = version
        self.title = title
        self.stages = stages
        self.practices = practices
        self.checks = checks
        self.words = words
        self.prepMinutes = prepMinutes
    }

    public func stage(_ id: String) -> Stage? {
        stages.first { $0.id == id }
    }

    /// The title of stage `id` as reports show it: the id itself for a stage the process lacks,
    /// "none yet" for no stage.
    public func stageTitle(_ id: String?) -> String {
        id.map { stage($0)?.title ?? $0 } ?? "none yet"
    }

    public func stageIndex(_ id: String) -> Int? {
        stages.firstIndex { $0.id == id }
    }

    public var milestones: [Milestone] {
        stages.flatMap(\.milestones)
    }
}
