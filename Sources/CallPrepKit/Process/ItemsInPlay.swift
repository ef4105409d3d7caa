/// What one call is measured on (DESIGN section 6): the practices, the milestones of the
/// meeting's stage, and the milestones of earlier stages not yet met in the deal's history.
public struct ItemsInPlay: Sendable {
    public let stage: Stage
    /// 0-based position of `stage` in the process.
    public let stageIndex: Int
    /// Earlier stages, each with only its milestones still open; stages with none open are left out.
    public let earlierOpen: [Stage]
    public let practices: [Milestone]

    /// nil when the process has no stage `stageID`.
    public init?(process: SalesProcess, stageID: String, met: Set<String> = []) {
        guard let index = process.stageIndex(stageID) else { return nil }
        stage = process.stages[index]
        stageIndex = index
        earlierOpen = process.stages[..<index].compactMap { earlier in
            var open = earlier
            open.milestones = earlier.milestones.filter { !met.contains($0.id) }
            return open.milestones.isEmpty ? nil : open
        }
        practices = process.practices
    }

    /// Every milestone and practice in play, in form order: this stage, earlier stages, practices.
    public var all: [Milestone] {
        stage.milestones + earlierOpen.flatMap(\.milestones) + practices
    }
}
