/// What one call is measured on (DESIGN section 6, issue 23): the practices, the milestones of the
/// meeting's stage and of earlier stages that the deal's history has not met yet. A milestone an
/// earlier debrief of the deal met is met for the stage: it is not asked again, and not in play.
public struct ItemsInPlay: Sendable {
    /// The meeting's stage, with all its milestones.
    public let stage: Stage
    /// 0-based position of `stage` in the process.
    public let stageIndex: Int
    /// The milestones of `stage` not yet met, in the process's order.
    public let stageOpen: [Milestone]
    /// Earlier stages, each with only its milestones still open; stages with none open are left out.
    public let earlierOpen: [Stage]
    public let practices: [Milestone]

    /// nil when the process has no stage `stageID`. `met` are the milestones the deal's history met.
    public init?(process: SalesProcess, stageID: String, met: Set<String> = []) {
        guard let index = process.stageIndex(stageID) else { return nil }
        stage = process.stages[index]
        stageIndex = index
        stageOpen = stage.milestones.filter { !met.contains($0.id) }
        earlierOpen = process.stages[..<index].compactMap { earlier in
            var open = earlier
            open.milestones = earlier.milestones.filter { !met.contains($0.id) }
            return open.milestones.isEmpty ? nil : open
        }
        practices = process.practices
    }

    /// Every milestone and practice in play, in form order: this stage, earlier stages, practices.
    public var all: [Milestone] {
        stageOpen + earlierOpen.flatMap(\.milestones) + practices
    }
}
