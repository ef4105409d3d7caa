import Foundation
import Yams

/// A parsed debrief: the record (unless an error prevented it) and every diagnostic.
public struct ParsedDebrief: Sendable {
    public var record: DebriefRecord?
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Reads filled debrief forms into `DebriefRecord`s, from the Markdown tree, not lines of text.
public struct DebriefParser: Sendable {
    let catalog: ProcessCatalog
    let boilerplate: FormBoilerplate
    /// Files larger than this are refused before anything parses them.
    public let maxBytes: Int
    private let indexes = PerProcess(ItemIndex.init)

    public init(catalog: ProcessCatalog, boilerplate: FormBoilerplate, maxBytes: Int = SourceFile.defaultMaxBytes) {
        self.catalog = catalog
        self.boilerplate = boilerplate
        self.maxBytes = maxBytes
    }

    /// Reads and parses a file (`-` for standard input); a file that cannot be read is one diagnostic.
    public func parse(path: String) -> ParsedDebrief {
        do {
            return parse(try SourceFile.read(path, maxBytes: maxBytes))
        } catch {
            return ParsedDebrief(record: nil, diagnostics: error.diagnostics)
        }
    }

    /// What a debrief's front matter says, read alone.
    public struct FrontMatterReading: Sendable {
        /// The record with its meeting and process, and nothing else yet.
        public let record: DebriefRecord
        let process: SalesProcess
        let diagnostics: [Diagnostic]
    }

    /// The front matter alone; nil when it cannot be read (`parse` says why).
    public func frontMatter(_ source: SourceFile) -> FrontMatterReading? {
        let reading = DebriefReading(file: source.path, boilerplate: boilerplate, indexes: indexes)
        guard reading.readFrontMatter(source.text, catalog: catalog) != nil else { return nil }
        return FrontMatterReading(record: reading.record, process: reading.process, diagnostics: reading.diagnostics)
    }

    /// Parses a debrief; `frontMatter`, when given, is what `frontMatter(_:)` read of the same text,
    /// so that it is not read again.
    public func parse(_ source: SourceFile, frontMatter: FrontMatterReading? = nil) -> ParsedDebrief {
        let reading = DebriefReading(file: source.path, boilerplate: boilerplate, indexes: indexes)
        let record = reading.read(source.text, catalog: catalog, frontMatter: frontMatter)
        let diagnostics = reading.diagnostics.sortedByLocation
        var withDiagnostics = record
        withDiagnostics?.diagnostics = diagnostics.map {
            DebriefRecord.RecordDiagnostic(severity: $0.severity, message: $0.message, line: $0.location.line,
                                           column: $0.location.column)
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return ParsedDebrief(record: failed ? nil : withDiagnostics, diagnostics: diagnostics)
    }
}

/// The state of reading one debrief.
private final class DebriefReading {
    static let frontMatterKeys = ["form", "meeting", "opportunity", "account", "rep", "date", "process",
                                  "process_version", "stage"]

    let file: String
    let boilerplate: FormBoilerplate
    private(set) var diagnostics: [Diagnostic] = []

    private let indexes: PerProcess<ItemIndex>
    private(set) var process = SalesProcess(id: "", version: "", title: "", stages: [])
    private var index = ItemIndex(process: SalesProcess(id: "", version: "", title: "", stages: []))
    private var itemsByID: [String: ItemIndex.Entry] { index.itemsByID }
    private var idsByTitle: [String: String] { index.idsByTitle }
    private(set) var record: DebriefRecord!

    private var section: FormSection?
    private var sectionLevel = 0
    private var sectionTitle: String?
    private var sectionsSeen: Set<FormSection> = []
    private var openLabel: AnswerLabel?
    private var itemLines: [String: Int] = [:]

    init(file: String, boilerplate: FormBoilerplate, indexes: PerProcess<ItemIndex>) {
        self.file = file
        self.boilerplate = boilerplate
        self.indexes = indexes
    }

    private func report(_ problem: DebriefProblem, line: Int, column: Int = 1, _ severity: Severity = .error) {
        diagnostics.append(Diagnostic(severity, at: SourceLocation(file: file, line: line, column: column), problem))
    }

    private func report(_ problem: DebriefProblem, at node: MarkdownNode, _ severity: Severity = .error) {
        report(problem, line: node.start.line, column: node.start.column, severity)
    }

    // MARK: Reading

    func read(_ text: String, catalog: ProcessCatalog, frontMatter: DebriefParser.FrontMatterReading?) -> DebriefRecord? {
        let body: String
        if let frontMatter {
            body = FrontMatter.split(text).body
            process = frontMatter.process
            index = indexes.value(for: process)
            record = frontMatter.record
            diagnostics = frontMatter.diagnostics
        } else {
            guard let read = readFrontMatter(text, catalog: catalog) else { return nil }
            body = read
        }
        // Shapes on which cmark-gfm takes quadratic time never reach it.
        if let costly = MarkdownLimits.check(body) {
            report(.tooCostly(costly.problem), line: costly.line, column: costly.column)
            return nil
        }
        let tree: MarkdownNode
        do {
            tree = try MarkdownParser.parse(body, maxDepth: MarkdownParser.defaultMaxDepth)
        } catch {
            report(.nestedTooDeep(limit: error.limit), line: error.position.line, column: error.position.column)
            return nil
        }
        for block in tree.children {
            readBlock(block)
        }
        reportWhatIsMissing()
        // The process's order, so that moving sections around does not change the record.
        record.items.sort { index.order[$0.id, default: 0] < index.order[$1.id, default: 0] }
        return record
    }

    /// Reads the front matter into the record's meeting and process; the Markdown after it, or nil
    /// when the rest cannot be read without them.
    func readFrontMatter(_ text: String, catalog: ProcessCatalog) -> String? {
        let (yaml, body) = FrontMatter.split(text)
        guard let yaml else {
            let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
            let opened = firstLine.trimmingCharacters(in: CharacterSet.whitespaces.union(["\u{FEFF}"])) == "---"
            report(opened ? .frontMatterNotClosed : .noFrontMatter, line: 1)
            return nil
        }
        return readFrontMatter(yaml: yaml, catalog: catalog) ? body : nil
    }

    /// Reads the front matter into `record`; false when the rest cannot be read without it.
    private func readFrontMatter(yaml: String, catalog: ProcessCatalog) -> Bool {
        let reader = YAMLReader(file: file, lineOffset: 1)
        guard let root = reader.compose(yaml, resolver: .basic) else {
            diagnostics += reader.diagnostics
            if reader.diagnostics.isEmpty { report(.noFrontMatter, line: 1) }
            return false
        }
        guard let mapping = root.mapping else {
            diagnostics.append(Diagnostic(at: reader.location(of: root), DocumentProblem.notAMapping(what: "the front matter")))
            return false
        }
        var values: [String: (text: String, node: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { continue }
            guard Self.frontMatterKeys.contains(name) else {
                let at = reader.location(of: key)
                report(.unknownFrontMatterKey(name), line: at.line, column: at.column, .warning)
                continue
            }
            if let text = value.scalar?.string.trimmed, !text.isEmpty, !isNull(value) {
                values[name] = (text, value)
            }
        }
        func location(_ key: String) -> SourceLocation {
            values[key].map { reader.location(of: $0.node) } ?? reader.location(of: root)
        }
        var ok = true
        for key in ["meeting", "date", "stage"] where values[key] == nil {
            report(.missingFrontMatterKey(key), line: location(key).line, column: location(key).column)
            ok = false
        }
        if let form = values["form"], form.text != FormView.formatVersion {
            report(.unsupportedFormVersion(form.text, supported: FormView.formatVersion),
                   line: location("form").line, column: location("form").column)
            ok = false
        }
        if let date = values["date"], !CalendarDate.isValid(date.text) {
            report(.invalidDate(date.text), line: location("date").line, column: location("date").column)
            ok = false
        }
        guard let found = catalog.process(id: values["process"]?.text) else {
            report(.unknownProcess(values["process"]?.text ?? "", available: catalog.availableIDs),
                   line: location("process").line, column: location("process").column)
            return false
        }
        process = found
        // A reformatter may rewrite version 1.0 as 1: numerically equal versions are the same.
        var version = values["process_version"]?.text ?? process.version
        if let number = Double(version), number == Double(process.version) { version = process.version }
        if version != process.version {
            report(.processVersionDiffers(processID: process.id, form: version, current: process.version),
                   line: location("process_version").line, column: location("process_version").column, .warning)
        }
        if let stage = values["stage"]?.text, process.stage(stage) == nil {
            report(.unknownStage(stage, processID: process.id), line: location("stage").line,
                   column: location("stage").column)
            ok = false
        }
        guard ok, let meeting = values["meeting"]?.text, let date = values["date"]?.text,
              let stage = values["stage"]?.text else { return false }

        index = indexes.value(for: process)
        record = DebriefRecord(
            source: file,
            meeting: .init(id: meeting, date: date, account: values["account"]?.text,
                           opportunity: values["opportunity"]?.text, rep: values["rep"]?.text, stage: stage),
            process: .init(id: process.id, version: version))
        return true
    }

    private func readBlock(_ block: MarkdownNode) {
        if FormSection.marker(of: block) == "header" { return }
        switch block.kind {
        case .heading: readHeading(block)
        case .list: readList(block)
        case .table: readTable(block)
        case .thematicBreak: break
        case .htmlBlock where isCallprepComment(block): break
        default: readText(block)
        }
    }

    private func readHeading(_ heading: MarkdownNode) {
        openLabel = nil
        let level = heading.headingLevel ?? 1
        if let found = FormSection.identify(heading) {
            section = found
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

    private func readList(_ list: MarkdownNode) {
        switch section {
        case .coaching:
            for item in list.children { addCoachingNote(item, text: item.blockText) }
        case .selfAssessment, .review:
            if openLabel != nil { appendToLabel(list.blockText, at: list) } else { keepUnlessBoilerplate(list) }
        case .nextSteps, .pains, .people:
            keepUnlessBoilerplate(list)
        default:
            for item in list.children where !readItem(item) {
                if !item.blockText.isEmpty { keep(item) }
            }
        }
    }

    private func readText(_ block: MarkdownNode) {
        switch section {
        case .selfAssessment, .review:
            if block.kind == .paragraph, let (label, value) = AnswerLabel.match(block.plainText, in: section) {
                openLabel = label
                if !value.isEmpty { setLabel(label, value, at: block) }
            } else if boilerplate.contains(block) {
                return
            } else if openLabel != nil {
                appendToLabel(block.blockText, at: block)
            } else {
                keep(block)
            }
        case .coaching:
            if !boilerplate.contains(block) { addCoachingNote(block, text: block.blockText) }
        default:
            keepUnlessBoilerplate(block)
        }
    }

    // MARK: Items

    /// Reads a list item as a milestone or practice; false when it is not one.
    private func readItem(_ item: MarkdownNode) -> Bool {
        guard let paragraph = item.children.first, paragraph.kind == .paragraph else { return false }
        let inlines = paragraph.children
        // The id may have been wrapped onto a later line by a reformatter: look in the whole paragraph.
        let idIndex = inlines.firstIndex { $0.kind == .code && itemsByID[$0.literal ?? ""] != nil }
        let firstBreak = inlines.firstIndex { $0.kind == .softBreak || $0.kind == .lineBreak } ?? inlines.endIndex
        let titleEnd = idIndex ?? firstBreak
        var title = inlineText(Array(inlines[..<titleEnd]))

        var markedNotApplicable = false
        if item.kind != .taskItem {
            // `- [-] Title `id`` marks an item not applicable.
            let lead = title.lowercased()
            guard lead.hasPrefix("[-]") || lead.hasPrefix("[n/a]"), let close = title.firstIndex(of: "]") else {
                return false
            }
            markedNotApplicable = true
            title = String(title[title.index(after: close)...])
        }
        var id = idIndex.flatMap { inlines[$0].literal }
        if id == nil {
            id = idsByTitle[normalized(title.replacingOccurrences(of: "(optional)", with: ""))]
        }
        guard let id, let known = itemsByID[id] else {
            let lastCode = inlines[..<firstBreak].last { $0.kind == .code }
            if item.kind == .taskItem, let code = lastCode, let literal = code.literal, isValidID(literal),
               section?.holdsItems == true {
                report(.unknownItemID(literal), at: code, .warning)
            }
            return false
        }

        let afterTitle = idIndex.map { $0 + 1 } ?? firstBreak
        var pieces = [inlineText(Array(inlines[afterTitle...]))]
        pieces += item.children.dropFirst().map(\.blockText)
        var evidence = stripEvidenceLabel(pieces.map(\.trimmed).filter { !$0.isEmpty }.joined(separator: "\n"))
        var state: DebriefRecord.State = item.isChecked == true ? .checked : .unchecked
        if let reason = notApplicableReason(evidence) {
            state = .notApplicable
            evidence = reason
        } else if markedNotApplicable {
            state = .notApplicable
        }

        if let first = itemLines[id] {
            report(.duplicateItem(id, firstLine: first), at: item)
            return true
        }
        itemLines[id] = item.start.line
        if state == .notApplicable, known.milestone.required {
            report(.requiredNotApplicable(id), at: item)
        }
        record.items.append(.init(id: id, kind: known.kind, stage: known.stage, state: state, evidence: evidence,
                                  line: item.start.line))
        return true
    }

    /// "Evidence (hint): what they said" as "what they said".
    private func stripEvidenceLabel(_ text: String) -> String {
        guard text.hasLowercasePrefix("evidence") else { return text }
        let head = text.prefix(160)
        guard let colon = head.firstIndex(of: ":") else { return text }
        return String(text[text.index(after: colon)...]).trimmed
    }

    /// The reason after `N/A` or `not applicable`; nil when the evidence does not start with one.
    private func notApplicableReason(_ evidence: String) -> String? {
        for marker in ["n/a", "not applicable"] where evidence.hasLowercasePrefix(marker) {
            let rest = evidence.dropFirst(marker.count)
            if let next = rest.first, next.isLetter || next.isNumber { continue }
            let separators = CharacterSet(charactersIn: " \t\n:-–—.,;")
            return String(rest.drop { $0.unicodeScalars.allSatisfy(separators.contains) })
        }
        return nil
    }

    // MARK: Tables

    private func readTable(_ table: MarkdownNode) {
        guard let header = table.children.first else { return }
        let headers = header.children.map { normalized($0.plainText) }
        let rows = table.children.dropFirst().filter { row in
            row.children.contains { !$0.plainText.trimmed.isEmpty }
        }
        // Asked for every row: each answer is worked out once per table.
        var columns: [[String]: Int?] = [:]
        func column(_ names: String...) -> Int? {
            if let known = columns[names] { return known }
            let found = headers.firstIndex { header in names.contains { header == $0 || header.hasPrefix($0 + " ") } }
            columns[names] = found
            return found
        }
        let kind: FormSection?
        if column("action") != nil {
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
                let due = cell(row, column("due", "when", "date"))
                let dueDate = due.flatMap(CalendarDate.iso)
                if let due, dueDate == nil, let index = column("due", "when", "date") {
                    report(.dueNotADate(due), at: textStart(row.children[index]), .warning)
                }
                record.nextSteps.append(.init(action: cell(row, column("action")) ?? "",
                                              owner: cell(row, column("owner", "who")), due: due, dueDate: dueDate,
                                              line: line))
            case .pains:
                record.pains.append(.init(problem: cell(row, column("problem")) ?? "",
                                          impact: cell(row, column("impact")),
                                          frequency: cell(row, column("frequency", "how often")), line: line))
            case .people:
                record.people.append(.init(name: cell(row, column("name")) ?? "", title: cell(row, column("title")),
                                           role: cell(row, column("buying role", "role")),
                                           status: cell(row, column("new or known", "new", "status")), line: line))
            case .review:
                readReviewRow(row, item: column("item"), agree: column("agree"), comment: column("comment"),
                              used: &used)
            default:
                keep(text: row.blockText, line: line)
                continue
            }
            // Columns a person added are kept too.
            for (index, cellNode) in row.children.enumerated() where !used.contains(index) {
                let text = cellNode.plainText.trimmed
                if !text.isEmpty {
                    let label = index < header.children.count ? header.children[index].plainText : ""
                    keep(text: label.isEmpty ? text : "\(label): \(text)", line: line)
                }
            }
        }
    }

    private func readReviewRow(_ row: MarkdownNode, item: Int?, agree: Int?, comment: Int?, used: inout Set<Int>) {
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
        let code = itemCell.firstDescendant { $0.kind == .code }?.literal
        let id = [code, idsByTitle[normalized(itemCell.plainText)]].compactMap { $0 }.first { itemsByID[$0] != nil }
        guard agreeText != nil || commentText != nil else { return }
        guard let id else {
            report(.unknownReviewItem(itemCell.plainText), at: row, .warning)
            keep(text: row.blockText, line: row.start.line)
            return
        }
        var agreed: Bool?
        if let agreeText {
            agreed = AnswerLabel.yesOrNo(agreeText)
            if agreed == nil, let agree {
                report(.agreeNotYesOrNo(agreeText), at: textStart(row.children[agree]), .warning)
                keep(text: "Agree: \(agreeText)", line: row.start.line)
            }
        }
        record.review.items.append(.init(id: id, agree: agreed, comment: commentText, line: row.start.line))
    }

    // MARK: Labelled answers and coaching notes

    private func setLabel(_ label: AnswerLabel, _ value: String, at node: MarkdownNode) {
        switch label {
        case .score, .grade:
            let number = AnswerLabel.score(value)
            if number == nil {
                report(.scoreOutOfRange(label: label == .score ? "the self-assessment score" : "the grade", value: value),
                       at: node, .warning)
                keep(text: value, line: node.start.line)
            }
            if label == .score {
                record.selfAssessment.score = number
                record.selfAssessment.line = node.start.line
            } else {
                record.review.grade = number
                record.review.line = node.start.line
            }
        case .wentWell: record.selfAssessment.wentWell = joined(record.selfAssessment.wentWell, value)
        case .doDifferently: record.selfAssessment.doDifferently = joined(record.selfAssessment.doDifferently, value)
        case .reviewer: record.review.reviewer = joined(record.review.reviewer, value)
        case .comments: record.review.comments = joined(record.review.comments, value)
        }
    }

    private func appendToLabel(_ text: String, at node: MarkdownNode) {
        guard let label = openLabel else { return }
        let filled = switch label {
        case .score: record.selfAssessment.score != nil
        case .grade: record.review.grade != nil
        default: false
        }
        if filled { keep(node) } else { setLabel(label, text, at: node) }
    }

    private func joined(_ existing: String?, _ more: String) -> String {
        existing.map { $0 + "\n" + more } ?? more
    }

    private func addCoachingNote(_ node: MarkdownNode, text: String) {
        var note = text.trimmed
        guard !note.isEmpty else { return }
        let milestone = node.firstDescendant { $0.kind == .code && itemsByID[$0.literal ?? ""] != nil }?.literal
        var author: String?
        if note.hasSuffix(")"), let open = note.lastIndex(of: "("), note.distance(from: open, to: note.endIndex) <= 60 {
            author = String(note[note.index(after: open)..<note.index(before: note.endIndex)])
            note = String(note[..<open])
        } else if let dash = note.lastIndex(where: { $0 == "—" || $0 == "–" }),
                  note.distance(from: dash, to: note.endIndex) <= 60 {
            author = String(note[note.index(after: dash)...])
            note = String(note[..<dash])
        }
        author = author?.trimmed
        note = note.trimmed
        if note.isEmpty || author?.isEmpty == true {
            note = text.trimmed
            author = nil
        }
        record.coachingNotes.append(.init(text: note, milestone: milestone, author: author, line: node.start.line))
    }

    // MARK: Everything else

    private func keepUnlessBoilerplate(_ node: MarkdownNode) {
        let text = node.blockText
        if !boilerplate.contains(text: text) { keep(text: text, line: node.start.line) }
    }

    private func keep(_ node: MarkdownNode) {
        keep(text: node.kind == .heading ? headingText(node) : node.blockText, line: node.start.line)
    }

    private func keep(text: String, line: Int) {
        let kept = text.trimmed
        if !kept.isEmpty { record.unmapped.append(.init(text: kept, line: line, section: sectionTitle)) }
    }

    private func reportWhatIsMissing() {
        guard let plan = ItemsInPlay(process: process, stageID: record.meeting.stage) else { return }
        for item in plan.all where itemLines[item.id] == nil {
            report(.missingItem(item.id), line: 1, .warning)
        }
        for expected in FormSection.expected where !sectionsSeen.contains(expected) {
            report(.missingSection(expected.title), line: 1, .warning)
        }
    }

    /// A table cell starts at the space after its pipe; diagnostics point at its text.
    private func textStart(_ cell: MarkdownNode) -> MarkdownNode {
        cell.children.first ?? cell
    }

    private func headingText(_ heading: MarkdownNode) -> String {
        inlineText(heading.children.filter { $0.kind != .htmlInline })
    }

    private func inlineText(_ nodes: [MarkdownNode]) -> String {
        nodes.map(\.plainText).joined().trimmed
    }

    private func isCallprepComment(_ block: MarkdownNode) -> Bool {
        let text = (block.literal ?? "").trimmed
        return text.hasPrefix("<!-- callprep:") && text.hasSuffix("-->") && text.components(separatedBy: "-->").count == 2
    }
}

/// The labelled answers of the self-assessment and the manager review ("Grade (0 to 100): 70").
enum AnswerLabel {
    case score, wentWell, doDifferently, reviewer, grade, comments

    private static let labels: [(words: String, label: AnswerLabel, section: FormSection)] = [
        ("score", .score, .selfAssessment), ("what went well", .wentWell, .selfAssessment),
        ("what i would do differently", .doDifferently, .selfAssessment),
        ("what would you do differently", .doDifferently, .selfAssessment),
        ("do differently", .doDifferently, .selfAssessment),
        ("reviewer", .reviewer, .review), ("grade", .grade, .review), ("comments", .comments, .review),
        ("comment", .comments, .review),
    ]

    /// The label a paragraph opens with, and what follows its colon.
    static func match(_ text: String, in section: FormSection?) -> (AnswerLabel, String)? {
        guard let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 60 else {
            return nil
        }
        let words = normalized(String(text[..<colon]))
        for entry in labels where entry.section == section && (words == entry.words || words.hasPrefix(entry.words + " ")) {
            return (entry.label, text[text.index(after: colon)...].trimmed)
        }
        return nil
    }

    /// "70", "70/100", "70 %" as 70; nil when not a whole number from 0 to 100.
    static func score(_ text: String) -> Int? {
        var value = text.trimmed
        for suffix in ["/100", "/ 100", "%"] where value.hasSuffix(suffix) {
            value = String(value.dropLast(suffix.count)).trimmed
        }
        guard let number = Int(value), (0...100).contains(number) else { return nil }
        return number
    }

    static func yesOrNo(_ text: String) -> Bool? {
        switch normalized(text) {
        case "yes", "y", "agree", "agreed", "true", "x": return true
        case "no", "n", "disagree", "disagreed", "false": return false
        default:
            if text.contains("✓") || text.contains("✔") { return true }
            if text.contains("✗") || text.contains("✘") { return false }
            return nil
        }
    }
}

/// What a debrief's items are looked up by in one process: built once per process, not per file.
struct ItemIndex: Sendable {
    typealias Entry = (milestone: Milestone, kind: DebriefRecord.Kind, stage: String?)
    let itemsByID: [String: Entry]
    let idsByTitle: [String: String]
    let stageTitles: Set<String>
    /// Each item's place in the process.
    let order: [String: Int]

    init(process: SalesProcess) {
        var itemsByID: [String: Entry] = [:]
        var idsByTitle: [String: String] = [:]
        func add(_ milestone: Milestone, kind: DebriefRecord.Kind, stage: String?) {
            itemsByID[milestone.id] = (milestone, kind, stage)
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
}
