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
    /// The command that writes the debrief form for this meeting, its path quoted for the shell, as
    /// a Markdown code span.
    let formCommand: String
    /// The deal's history from earlier debriefs; nil when there are none.
    let history: DealHistory?

    init(meeting: Meeting, process: SalesProcess, plan: ItemsInPlay, meetingPath: String, history: DealHistory? = nil) {
        self.meeting = MeetingView(meeting)
        processID = process.id
        processVersion = process.version
        processTitle = process.title
        // Milestones met in earlier debriefs are no longer this call's work.
        var open = plan.stage
        open.milestones = plan.stageOpen
        stage = StageView(open, number: plan.stageIndex + 1)
        stageCount = process.stages.count
        practices = plan.practices.map(ItemView.init)
        earlierStages = plan.earlierOpen.map { earlier in
            StageView(earlier, number: (process.stageIndex(earlier.id) ?? 0) + 1)
        }
        risks = BriefRisks.find(meeting: meeting, plan: plan).map(\.message)
        // Written where the workspace keeps debriefs, under the meeting's id, as `ingest debriefs` finds it.
        formCommand = ShellCommand.codeSpan(ShellCommand.line(["callprep", "form", meetingPath, "-o", "debriefs/\(meeting.id).md"]))
        self.history = history
    }
}

extension StageView {
    init(_ stage: Stage, number: Int) {
        self.init(id: stage.id, title: stage.title, goal: stage.goal.isEmpty ? nil : stage.goal, number: number,
                  milestones: stage.milestones.map(ItemView.init))
    }
}
