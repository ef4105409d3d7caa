/// What a debrief's items are looked up by in one process: built once per process, not per file.
struct ItemIndex: Sendable {
    /// What the parser needs of an item: not the whole milestone, whose copies (its rule's arrays
    /// and strings) were a measurable part of parsing.
    typealias Entry = (kind: DebriefRecord.Kind, stage: String?, required: Bool)
    let itemsByID: [String: Entry]
    let idsByTitle: [String: String]
    let stageTitles: Set<String>
    /// Each item's place in the process.
    let order: [String: Int]

    init(process: SalesProcess) {
        var itemsByID: [String: Entry] = [:]
        var idsByTitle: [String: String] = [:]
        func add(_ milestone: Milestone, kind: DebriefRecord.Kind, stage: String?) {
            itemsByID[milestone.id] = (kind, stage, milestone.required)
            idsByTitle[normalized(milestone.title)] = milestone.id
        }
        for stage in process.stages {
            for milestone in stage.milestones { add(milestone, kind: .milestone, stage: stage.id) }
        }
        for practice in process.practices { add(practice, kind: .practice, stage: nil) }
        self.itemsByID = itemsByID
        self.idsByTitle = idsByTitle
        stageTitles = Set(process.stages.map { normalized($0.title) })
        order = Dictionary((process.milestones + process.practices).enumerated().map { ($0.element.id, $0.offset) },
                           uniquingKeysWith: { first, _ in first })
    }

    /// The id of the item a table cell or inline code names: by its code, else by its title.
    func id(code: String?, title: String) -> String? {
        if let code, itemsByID[code] != nil { return code }
        return idsByTitle[normalized(title)].flatMap { itemsByID[$0] != nil ? $0 : nil }
    }
}
