/// Everything `brief.md.mustache` can use; docs/templates.md lists each name.
struct BriefView {
    let meeting: MeetingView
    let processID: String
    let processVersion: String
    let processTitle: String
    let stage: StageView
    let stageCount: Int
    /// Practices scored on every call.
    let practices: [ItemView]
    /// Earlier stages whose milestones no debrief has shown yet.
    let earlierStages: [StageView]
    let risks: [String]
    /// The command that writes the debrief form for this meeting.
    let formCommand: String
    // `history` is reserved for the deal's history from earlier debriefs; absent for now.

    init(meeting: Meeting, process: SalesProcess, plan: ItemsInPlay, meetingPath: String) {
        self.meeting = MeetingView(meeting)
        processID = process.id
        processVersion = process.version
        processTitle = process.title
        stage = StageView(plan.stage, number: plan.stageIndex + 1)
        stageCount = process.stages.count
        practices = plan.practices.map(ItemView.init)
        earlierStages = plan.earlierOpen.map { earlier in
            StageView(earlier, number: (process.stageIndex(earlier.id) ?? 0) + 1)
        }
        risks = BriefRisks.find(meeting: meeting, plan: plan).map(\.message)
        formCommand = "callprep form \(meetingPath)"
    }
}

extension StageView {
    init(_ stage: Stage, number: Int) {
        self.init(id: stage.id, title: stage.title, goal: stage.goal.isEmpty ? nil : stage.goal, number: number,
                  milestones: stage.milestones.map(ItemView.init))
    }
}
