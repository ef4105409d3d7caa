/// Walks the top-level blocks of a debrief's Markdown, section by section, handing lists, tables
/// and labelled answers to their readers and keeping whatever maps to no field.
struct BodyReader {
    let index: ItemIndex
    let process: SalesProcess
    let boilerplate: FormBoilerplate
    private(set) var draft: DebriefDraft

    private var section: FormSection?
    private var sectionLevel = 0
    private var sectionTitle: String?
    private var sectionsSeen: Set<FormSection> = []
    private var openLabel: AnswerLabel?
    private var itemLines: [String: Int] = [:]
    /// The milestones the form showed met by an earlier debrief.
    private var metEarlier: Set<String> = []
    private var warnedOfOtherTable: Set<FormSection> = []
    /// The sections in which a table was read: pipe rows after it were split off by a blank line.
    private var tablesRead: Set<FormSection> = []

    init(index: ItemIndex, process: SalesProcess, boilerplate: FormBoilerplate, draft: DebriefDraft) {
        self.index = index
        self.process = process
        self.boilerplate = boilerplate
        self.draft = draft
    }

    /// Reads the blocks of `tree` into the draft, then reports what is missing and puts the items
    /// in the process's order, so that moving sections around does not change the record.
    mutating func read(_ tree: MarkdownNode) {
        for block in tree.children { readBlock(block) }
        reportWhatIsMissing()
        let order = index.order
        draft.record.items.sort { order[$0.id, default: 0] < order[$1.id, default: 0] }
    }

    private mutating func readBlock(_ block: MarkdownNode) {
        if FormSection.marker(of: block) == "header" { return }
        switch block.kind {
        case .heading: readHeading(block)
        case .list: readList(block)
        case .table: readTable(block)
        case .thematicBreak:
            // Within a table's section, a rule of dashes is a simple table's, as pandoc writes it.
            if let section, Self.tableSections.contains(section) { warnOfOtherTable(at: block) }
        case .htmlBlock where Self.isCallprepComment(block): break
        default: readText(block)
        }
    }

    private mutating func readHeading(_ heading: MarkdownNode) {
        openLabel = nil
        let level = heading.headingLevel ?? 1
        if let found = FormSection.identify(heading) {
            section = found
            if found == .plan, draft.record.plan == nil { draft.record.plan = DebriefRecord.Plan() }
            sectionLevel = level
            sectionTitle = headingText(heading)
            sectionsSeen.insert(found)
            return
        }
        let words = normalized(headingText(heading))
        if section != nil, level > sectionLevel {
            // A sub-heading: the form's own stage headings, or one a person added inside the section.
            if section?.holdsItems == true, index.stageTitles.contains(words) { return }
        } else {
            section = nil
            sectionLevel = level
            sectionTitle = headingText(heading)
        }
        if !boilerplate.contains(heading) { keep(heading) }
    }

    private mutating func readList(_ list: MarkdownNode) {
        switch section {
        case .coaching:
            for item in list.children { addCoachingNote(item, text: item.blockText) }
        case .selfAssessment, .review:
            if openLabel != nil { appendToLabel(list.blockText, at: list) } else { keepUnlessBoilerplate(list) }
        case .nextSteps, .pains, .people:
            keepUnlessBoilerplate(list)
        case .plan:
            var plan = draft.record.plan ?? DebriefRecord.Plan()
            for item in list.children where !PlanReader.read(item, into: &plan) {
                if !item.blockText.isEmpty { keep(item) }
            }
            draft.record.plan = plan
        default:
            for item in list.children where !readItem(item) {
                if !item.blockText.isEmpty { keep(item) }
            }
        }
    }

    private mutating func readText(_ block: MarkdownNode) {
        reportRowsOutsideATable(block)
        switch section {
        case .selfAssessment, .review:
            if block.kind == .paragraph, let (label, value) = AnswerLabel.match(block.plainText, in: section) {
                openLabel = label
                if !value.isEmpty { setLabel(label, value, at: block) }
            } else if boilerplate.contains(block) {
                return
            } else if section == .review, warnIfOtherTable(block) {
                keep(block)
            } else if openLabel != nil {
                appendToLabel(block.blockText, at: block)
            } else {
                keep(block)
            }
        case .coaching:
            if !boilerplate.contains(block) { addCoachingNote(block, text: block.blockText) }
        case .plan:
            if block.kind == .paragraph, let objective = PlanReader.objective(block.plainText) {
                draft.record.plan = draft.record.plan ?? DebriefRecord.Plan()
                draft.record.plan?.objective = objective.isEmpty ? nil : objective
            } else {
                keepUnlessBoilerplate(block)
            }
        case .nextSteps, .pains, .people:
            warnIfOtherTable(block)
            keepUnlessBoilerplate(block)
        default:
            keepUnlessBoilerplate(block)
        }
    }

    /// Pipe rows that Markdown reads as a paragraph, in a section whose table callprep reads: the
    /// table has no delimiter row, or a blank line split it. Their rows would be read as no row
    /// at all (kept as unmapped text), so it is an error at their line, saying which.
    private mutating func reportRowsOutsideATable(_ block: MarkdownNode) {
        guard block.kind == .paragraph, let section, Self.tableSections.contains(section) else { return }
        let text = block.plainText.trimmed
        guard text.hasPrefix("|"), text.dropFirst().contains("|") else { return }
        draft.report(tablesRead.contains(section) ? .tableSplit(section: section.title) : .tableWithoutDelimiterRow(section: section.title),
                     at: block)
    }

    /// The sections whose pipe table becomes part of the record.
    static let tableSections: Set<FormSection> = [.nextSteps, .pains, .people, .review]

    /// A table a converter rewrote as text (pandoc's simple and grid tables: rules of dashes) is
    /// warned about where the section expects a pipe table, instead of its rows silently missing.
    @discardableResult
    private mutating func warnIfOtherTable(_ block: MarkdownNode) -> Bool {
        // A grid table's rules ("+----+----+") stay in a paragraph's text.
        guard block.kind == .paragraph, block.plainText.includes("+---") else { return false }
        warnOfOtherTable(at: block)
        return true
    }

    private mutating func warnOfOtherTable(at block: MarkdownNode) {
        guard let section, !warnedOfOtherTable.contains(section) else { return }
        warnedOfOtherTable.insert(section)
        draft.report(.notAPipeTable(section: section.title), at: block, .warning)
    }

    /// Reads a list item as a milestone or practice; false when it is not one.
    private mutating func readItem(_ item: MarkdownNode) -> Bool {
        if section?.holdsItems == true, let id = metEarlierID(item) {
            if !metEarlier.contains(id) {
                metEarlier.insert(id)
                draft.record.metEarlier = (draft.record.metEarlier ?? []) + [.init(id: id, line: item.start.line)]
            }
            // What a person wrote under the line is theirs: kept.
            for block in item.children.dropFirst() where !block.blockText.isEmpty { keep(block) }
            return true
        }
        switch ItemReader(index: index).read(item, inItemSection: section?.holdsItems == true) {
        case .notAnItem:
            return false
        case let .unknownID(id, code):
            draft.report(.unknownItemID(id), at: code, .warning)
            return false
        case let .item(read):
            if let first = itemLines[read.id] {
                draft.report(.duplicateItem(read.id, firstLine: first), at: item)
                return true
            }
            itemLines[read.id] = item.start.line
            if read.state == .notApplicable, index.itemsByID[read.id]?.required == true {
                draft.report(.requiredNotApplicable(read.id), at: item)
            }
            draft.record.items.append(read)
            return true
        }
    }

    /// The id of a milestone the form shows met by an earlier debrief: a list item whose first
    /// paragraph carries `<!-- callprep:met-earlier -->` and the milestone's id in backticks.
    private func metEarlierID(_ item: MarkdownNode) -> String? {
        guard let paragraph = item.children.first, paragraph.kind == .paragraph,
              FormSection.marker(of: paragraph) == FormContract.metEarlier else { return nil }
        return paragraph.children.lazy.filter { $0.kind == .code }.compactMap(\.literal)
            .first { self.index.itemsByID[$0]?.kind == .milestone }
    }

    private mutating func readTable(_ table: MarkdownNode) {
        if let section { tablesRead.insert(section) }
        let reading = TableReader(file: draft.file, index: index, date: draft.record.meeting.date).read(table, section: section)
        draft.record.nextSteps += reading.nextSteps
        draft.record.pains += reading.pains
        draft.record.people += reading.people
        draft.record.review.items += reading.reviewItems
        draft.diagnostics += reading.diagnostics
        for (text, line) in reading.kept { draft.keep(text: text, line: line, section: sectionTitle) }
    }

    // MARK: Labelled answers and coaching notes

    private mutating func setLabel(_ label: AnswerLabel, _ value: String, at node: MarkdownNode) {
        switch label {
        case .score, .grade:
            let number = AnswerLabel.score(value)
            if number == nil {
                draft.report(.scoreOutOfRange(label: label == .score ? "the self-assessment score" : "the grade",
                                              value: value), at: node, .warning)
                keep(text: value, line: node.start.line)
            }
            if label == .score {
                draft.record.selfAssessment.score = number
                draft.record.selfAssessment.line = node.start.line
            } else {
                draft.record.review.grade = number
                draft.record.review.line = node.start.line
            }
        case .wentWell: draft.record.selfAssessment.wentWell = joined(draft.record.selfAssessment.wentWell, value)
        case .doDifferently:
            draft.record.selfAssessment.doDifferently = joined(draft.record.selfAssessment.doDifferently, value)
        case .reviewer: draft.record.review.reviewer = joined(draft.record.review.reviewer, value)
        case .comments: draft.record.review.comments = joined(draft.record.review.comments, value)
        }
    }

    private mutating func appendToLabel(_ text: String, at node: MarkdownNode) {
        guard let label = openLabel else { return }
        let filled = switch label {
        case .score: draft.record.selfAssessment.score != nil
        case .grade: draft.record.review.grade != nil
        default: false
        }
        if filled { keep(node) } else { setLabel(label, text, at: node) }
    }

    private func joined(_ existing: String?, _ more: String) -> String {
        existing.map { $0 + "\n" + more } ?? more
    }

    private mutating func addCoachingNote(_ node: MarkdownNode, text: String) {
        if let note = CoachingNoteReader.note(node, text: text, index: index) { draft.record.coachingNotes.append(note) }
    }

    // MARK: Everything else

    private mutating func keepUnlessBoilerplate(_ node: MarkdownNode) {
        let text = node.blockText
        if !boilerplate.contains(text: text) { keep(text: text, line: node.start.line) }
    }

    private mutating func keep(_ node: MarkdownNode) {
        keep(text: node.kind == .heading ? headingText(node) : node.blockText, line: node.start.line)
    }

    private mutating func keep(text: String, line: Int) {
        draft.keep(text: text, line: line, section: sectionTitle)
    }

    private mutating func reportWhatIsMissing() {
        // The milestones the form showed met earlier are not in play, so not missing.
        guard let plan = ItemsInPlay(process: process, stageID: draft.record.meeting.stage, met: metEarlier) else { return }
        for item in plan.all where itemLines[item.id] == nil {
            draft.report(.missingItem(item.id), at: .start, .warning)
        }
        for expected in FormSection.expected where !sectionsSeen.contains(expected) {
            draft.report(.missingSection(expected.title), at: .start, .warning)
        }
    }

    private static func isCallprepComment(_ block: MarkdownNode) -> Bool {
        let text = (block.literal ?? "").trimmed
        return text.hasPrefix("<!-- callprep:") && text.hasSuffix("-->") && text.components(separatedBy: "-->").count == 2
    }
}
