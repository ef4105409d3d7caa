/// Reads a GFM table of the form by its header: next steps, pains, people met, or the manager's
/// per-item review. Columns a person added are kept as unmapped text.
struct TableReader {
    let file: String
    let index: ItemIndex
    /// The day of the call: what "Friday" or "Dec 10" in a due date count from.
    let date: String

    /// What one table holds.
    struct Reading {
        var nextSteps: [DebriefRecord.NextStep] = []
        var pains: [DebriefRecord.PainAnswer] = []
        var people: [DebriefRecord.Person] = []
        var reviewItems: [DebriefRecord.ReviewItem] = []
        /// Rows and cells that map to no field, in the order met.
        var kept: [(text: String, line: Int)] = []
        var diagnostics: [Diagnostic] = []

        mutating func report(_ problem: DebriefProblem, in file: String, at node: MarkdownNode) {
            diagnostics.append(Diagnostic(.warning, file: file, at: node.start, problem))
        }
    }

    /// `section` is the form section the table stands in, for a table whose header says nothing.
    func read(_ table: MarkdownNode, section: FormSection?) -> Reading {
        var reading = Reading()
        guard let header = table.children.first else { return reading }
        let headers = header.children.map { normalized($0.plainText) }
        let rows = table.children.dropFirst().filter { row in
            row.children.contains { !$0.plainText.trimmed.isEmpty }
        }
        // Asked for every row: each answer is worked out once per table, kept by its first name.
        var columns: [String: Int?] = [:]
        func column(names: [String]) -> Int? {
            if let known = columns[names[0]] { return known }
            let found = headers.firstIndex { header in
                names.contains { header.hasPrefix($0) && [nil, 0x20].contains(header.utf8.dropFirst($0.utf8.count).first) }
            }
            columns[names[0]] = found
            return found
        }
        func column(_ names: String...) -> Int? { column(names: names) }
        let kind: FormSection?
        if column(StepTable.actionNames[0]) != nil {
            kind = .nextSteps
        } else if column("problem") != nil {
            kind = .pains
        } else if column("item") != nil, column("agree") != nil {
            kind = .review
        } else if column("name") != nil {
            kind = .people
        } else {
            kind = section
        }
        var used: Set<Int> = []
        func cell(_ row: MarkdownNode, _ index: Int?) -> String? {
            guard let index, index < row.children.count else { return nil }
            used.insert(index)
            let text = row.children[index].plainText.trimmed
            return text.isEmpty ? nil : text
        }
        for row in rows {
            used = []
            let line = row.start.line
            switch kind {
            case .nextSteps:
                let dueColumn = column(names: StepTable.dueNames), stateColumn = column(names: StepTable.stateNames)
                let due = cell(row, dueColumn)
                let dueDate = due.flatMap { CalendarDate.resolve($0, relativeTo: date) }
                if let due, dueDate == nil, let dueColumn {
                    reading.report(.dueNotADate(due), in: file, at: Self.textStart(row.children[dueColumn]))
                }
                var state: StepState?
                if let written = cell(row, stateColumn), let stateColumn {
                    state = StepTable.state(written)
                    if state == nil { reading.report(.stepStateUnknown(written), in: file, at: Self.textStart(row.children[stateColumn])) }
                }
                let (action, id) = StepTable.explicitID(in: cell(row, column(names: StepTable.actionNames)) ?? "")
                reading.nextSteps.append(.init(action: action, owner: cell(row, column(names: StepTable.ownerNames)), due: due,
                                               dueDate: dueDate, state: state, id: id,
                                               since: cell(row, column(names: StepTable.sinceNames)), line: line))
            case .pains:
                reading.pains.append(.init(problem: cell(row, column("problem")) ?? "", impact: cell(row, column("impact")),
                                           frequency: cell(row, column("frequency", "how often")), line: line))
            case .people:
                reading.people.append(.init(name: cell(row, column("name")) ?? "", title: cell(row, column("title")),
                                            role: cell(row, column("buying role", "role")),
                                            status: cell(row, column("new or known", "new", "status")), line: line))
            case .review:
                readReviewRow(row, item: column("item"), agree: column("agree"), comment: column("comment"),
                              used: &used, into: &reading)
            default:
                reading.kept.append((row.blockText, line))
                continue
            }
            // Columns a person added are kept too.
            for (index, cellNode) in row.children.enumerated() where !used.contains(index) {
                let text = cellNode.plainText.trimmed
                if !text.isEmpty {
                    let label = index < header.children.count ? header.children[index].plainText : ""
                    reading.kept.append((label.isEmpty ? text : "\(label): \(text)", line))
                }
            }
        }
        return reading
    }

    private func readReviewRow(_ row: MarkdownNode, item: Int?, agree: Int?, comment: Int?, used: inout Set<Int>,
                               into reading: inout Reading) {
        func text(_ index: Int?) -> String? {
            guard let index, index < row.children.count else { return nil }
            used.insert(index)
            let value = row.children[index].plainText.trimmed
            return value.isEmpty ? nil : value
        }
        let agreeText = text(agree)
        let commentText = text(comment)
        guard let item, item < row.children.count else { return }
        used.insert(item)
        let itemCell = row.children[item]
        let id = index.id(code: itemCell.firstDescendant { $0.kind == .code }?.literal, title: itemCell.plainText)
        guard agreeText != nil || commentText != nil else { return }
        guard let id else {
            reading.report(.unknownReviewItem(itemCell.plainText), in: file, at: row)
            reading.kept.append((row.blockText, row.start.line))
            return
        }
        var agreed: Bool?
        if let agreeText {
            agreed = AnswerLabel.yesOrNo(agreeText)
            if agreed == nil, let agree {
                reading.report(.agreeNotYesOrNo(agreeText), in: file, at: Self.textStart(row.children[agree]))
                reading.kept.append(("Agree: \(agreeText)", row.start.line))
            }
        }
        reading.reviewItems.append(.init(id: id, agree: agreed, comment: commentText, line: row.start.line))
    }

    /// A table cell starts at the space after its pipe; diagnostics point at its text.
    private static func textStart(_ cell: MarkdownNode) -> MarkdownNode {
        cell.children.first ?? cell
    }
}
