/// Everything `debrief.md.mustache` can use; docs/templates.md lists each name.
struct FormView {
    /// The YAML front matter block, `---` lines included, with every value safely quoted.
    let frontMatter: String
    let formatVersion: String
    let meeting: MeetingView
    let processID: String
    let processVersion: String
    /// The meeting's stage with all its milestones: those the deal's history met carry `metEarlier`.
    let stage: StageView
    /// The earlier stages with milestones, each with all of them, those met carrying `metEarlier`.
    let earlierStages: [StageView]
    let practices: [ItemView]
    /// Every item in play (the ones still open, and the practices), for the manager's per-item
    /// review table.
    let reviewItems: [ItemView]
    /// The deal's next steps still open before this call, for the next-steps table: `action`
    /// (with its `#id`), `owner`, `due` (a date, else the rep's words) and `since` (the date of
    /// the debrief that made it).
    let openSteps: [OpenStepRow]

    struct OpenStepRow {
        let action: String
        let owner: String
        let due: String
        let since: String
    }

    /// `metEarlier` are the milestones the deal's history met, and where; `plan` leaves them out.
    init(meeting: Meeting, process: SalesProcess, plan: ItemsInPlay, metEarlier: [String: MetEarlierView] = [:],
         openSteps: [DealHistory.NextStep] = []) {
        // Every key of the contract, in its order: a key added there and not here fails to build.
        frontMatter = FrontMatter.render(FormContract.Key.allCases.map { key in
            switch key {
            case .form: (key.rawValue, FormContract.formatVersion)
            case .meeting: (key.rawValue, meeting.id)
            case .opportunity: (key.rawValue, meeting.opportunity.id)
            case .account: (key.rawValue, meeting.account)
            case .rep: (key.rawValue, meeting.rep)
            case .date: (key.rawValue, meeting.date)
            case .process: (key.rawValue, process.id)
            case .processVersion: (key.rawValue, process.version)
            case .stage: (key.rawValue, plan.stage.id)
            }
        })
        formatVersion = FormContract.formatVersion
        self.meeting = MeetingView(meeting)
        processID = process.id
        processVersion = process.version
        // A met milestone is shown met, with the debrief that met it, instead of being asked again.
        func view(_ stage: Stage, number: Int) -> StageView {
            StageView(id: stage.id, title: stage.title, goal: stage.goal.isEmpty ? nil : stage.goal, number: number,
                      milestones: stage.milestones.map { ItemView($0, metEarlier: metEarlier[$0.id]) })
        }
        stage = view(plan.stage, number: plan.stageIndex + 1)
        earlierStages = process.stages[..<plan.stageIndex].enumerated().filter { !$0.element.milestones.isEmpty }
            .map { view($0.element, number: $0.offset + 1) }
        practices = plan.practices.map(ItemView.init)
        reviewItems = plan.all.map(ItemView.init)
        self.openSteps = openSteps.map { OpenStepRow(action: $0.action, owner: $0.owner ?? "", due: $0.formDue ?? "", since: $0.madeOn) }
    }
}
