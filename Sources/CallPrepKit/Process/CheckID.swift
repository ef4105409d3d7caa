/// The built-in checks, by the id a process file's `checks:` names them with. The process needs
/// only the names; `Score/` maps each case to its rule (`CheckRegistry.check(_:)`), so a new case
/// does not compile until it has one.
public enum CheckID: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case belowMinimumOutcome = "below-minimum-outcome"
    case championUntested = "champion-untested"
    case colleagueWithoutTask = "colleague-without-task"
    case nextStepDated = "next-step-dated"
    case nextStepDecisionMaker = "next-step-decision-maker"
    case noPrepBrief = "no-prep-brief"
    case painsQuantified = "pains-quantified"
    case presentingBeforeDiscovery = "presenting-before-discovery"
    case proposalBeforeDiscovery = "proposal-before-discovery"
    case relationshipVendorLevel = "relationship-vendor-level"
    case requiredWithoutEvidence = "required-without-evidence"
    case selfAssessmentGap = "self-assessment-gap"
    case stageAheadOfEvidence = "stage-ahead-of-evidence"

    /// Every id, sorted, for messages.
    public static var names: [String] { allCases.map(\.rawValue).sorted() }

    public static func < (lhs: CheckID, rhs: CheckID) -> Bool { lhs.rawValue < rhs.rawValue }
}
