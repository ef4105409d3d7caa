/// What checks ask of a process on every debrief, worked out once per process (asking it of the
/// process itself copied its milestones for every debrief).
struct ProcessFacts: Sendable {
    /// Required milestones up to the discovery stage (the first whose id or title says "discover"
    /// or "identify"; else the first stage).
    let discoveryMilestoneIDs: [String]
    let discoveryStageIndex: Int
    /// Items whose evidence must show a deed: a tested champion.
    let deedItemIDs: [String]
    /// The first stage with a milestone that asks for someone who took part: where the decision
    /// level is needed.
    let decisionStageIndex: Int?

    init(_ process: SalesProcess) {
        let discovery = process.stages.firstIndex { stage in
            let words = normalized(stage.id + " " + stage.title)
            return words.contains("discover") || words.contains("identif")
        } ?? 0
        discoveryStageIndex = discovery
        discoveryMilestoneIDs = process.stages.prefix(discovery + 1).flatMap(\.milestones).filter(\.required).map(\.id)
        deedItemIDs = (process.milestones + process.practices).filter { $0.rule.requirements.contains { $0.map(\.kind) == [.deed] } }.map(\.id)
        decisionStageIndex = process.stages.firstIndex { stage in
            stage.milestones.contains { $0.rule.requirements.contains { $0.contains { $0.kind == .attendee || $0.tookPart } } }
        }
    }
}
