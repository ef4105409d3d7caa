/// Everything `debrief.md.mustache` can use; docs/templates.md lists each name.
struct FormView {
    /// The form's own format; the parser reads forms of this version.
    static let formatVersion = "callprep.debrief-form/1"

    /// The YAML front matter block, `---` lines included, with every value safely quoted.
    let frontMatter: String
    let formatVersion: String
    let meeting: MeetingView
    let processID: String
    let processVersion: String
    let stage: StageView
    let earlierStages: [StageView]
    let practices: [ItemView]
    /// Every item in play, for the manager's per-item review table.
    let reviewItems: [ItemView]

    init(meeting: Meeting, process: SalesProcess, plan: ItemsInPlay) {
        frontMatter = FrontMatter.render([
            ("form", Self.formatVersion),
            ("meeting", meeting.id),
            ("opportunity", meeting.opportunity.id),
            ("account", meeting.account),
            ("rep", meeting.rep),
            ("date", meeting.date),
            ("process", process.id),
            ("process_version", process.version),
            ("stage", plan.stage.id),
        ])
        formatVersion = Self.formatVersion
        self.meeting = MeetingView(meeting)
        processID = process.id
        processVersion = process.version
        stage = StageView(plan.stage, number: plan.stageIndex + 1)
        earlierStages = plan.earlierOpen.map { StageView($0, number: (process.stageIndex($0.id) ?? 0) + 1) }
        practices = plan.practices.map(ItemView.init)
        reviewItems = plan.all.map(ItemView.init)
    }
}
