import Foundation

/// What a manager's review writes into a debrief: the review table's answers, the reviewer, the
/// grade, the general comments and coaching notes. Nothing else.
public struct ReviewAnswers: Sendable, Equatable {
    /// One row of the review table, as the form means it: whether the manager agrees with how the
    /// rep marked the item.
    public struct Row: Sendable, Equatable {
        public var agreesWithRep: Bool
        public var comment: String

        public init(agreesWithRep: Bool, comment: String = "") {
            self.agreesWithRep = agreesWithRep
            self.comment = comment
        }
    }

    /// A coaching note, on an item or general, signed by the reviewer when it is written.
    public struct Note: Sendable, Equatable {
        public var item: String?
        public var text: String

        public init(item: String?, text: String) {
            self.item = item
            self.text = text
        }
    }

    /// By item id.
    public var rows: [String: Row] = [:]
    public var reviewer: String?
    /// 0 to 100, the form's scale.
    public var grade: Int?
    /// The general comment on the call.
    public var comments: String?
    public var notes: [Note] = []

    public init() {}

    public var isEmpty: Bool { rows.isEmpty && grade == nil && (comments ?? "").isEmpty && notes.isEmpty }
}

/// Why a review cannot be written into a debrief: the form lost a part the review writes to.
public enum ReviewEditProblem: LocalizedError, Sendable, Equatable {
    case noReviewSection
    case noRow(String)
    case noLabel(String)
    case noCoachingSection

    public var errorDescription: String? {
        switch self {
        case .noReviewSection: "the debrief has no manager review section (`## Manager review <!-- callprep:review -->`)"
        case let .noRow(id): "the review table has no row for `\(id)`"
        case let .noLabel(label): "the manager review section has no '\(label):' line"
        case .noCoachingSection: "the debrief has no coaching notes section (`## Coaching notes <!-- callprep:coaching -->`)"
        }
    }
}

/// Writes a review into a debrief's text line by line: the lines of the answered table rows, the
/// reviewer's, grade's and comments' lines, and new coaching notes at the end of their list. Every
/// other byte stays as it was, line endings included.
public enum ReviewEdit {
    /// The rows of the review table, answered or not: each item's id (the first cell's code span)
    /// and line, in the table's order.
    public static func rows(in text: String) -> [(id: String, line: Int)] {
        let lines = Lines(text)
        guard let section = lines.section(.review) else { return [] }
        return section.compactMap { index in
            let line = lines[index].trimmed
            guard line.hasPrefix("|"), let first = Self.cells(line).first,
                  let id = first.firstMatch(of: /^`([^`]+)`$/)?.1 else { return nil }
            return (String(id), index + 1)
        }
    }

    /// `text` with `answers` written in. `signature` signs the new coaching notes, as the form asks.
    public static func apply(_ answers: ReviewAnswers, to text: String,
                             signature: String?) throws(ReviewEditProblem) -> String {
        var lines = Lines(text)
        let rows = Dictionary(Self.rows(in: text).map { ($0.id, $0.line) }, uniquingKeysWith: { first, _ in first })
        for (id, row) in answers.rows.sorted(by: { $0.key < $1.key }) {
            guard let line = rows[id] else { throw .noRow(id) }
            lines[line - 1] = Self.row(lines[line - 1], answer: row.agreesWithRep ? "yes" : "no", comment: row.comment)
        }
        let labelled: [(AnswerLabel, String, String?)] = [
            (.reviewer, "Reviewer", answers.reviewer), (.grade, "Grade", answers.grade.map(String.init)),
            (.comments, "Comments", answers.comments.flatMap { $0.isEmpty ? nil : $0 }),
        ]
        if labelled.contains(where: { $0.2 != nil }) {
            guard let section = lines.section(.review) else { throw .noReviewSection }
            for (label, name, value) in labelled {
                guard let value else { continue }
                guard let index = section.first(where: { AnswerLabel.match(lines[$0], in: .review)?.0 == label }),
                      let colon = lines[index].firstIndex(of: ":") else { throw .noLabel(name) }
                // A comment written before stays, the new one after it.
                let before = label == .comments ? lines[index][lines[index].index(after: colon)...].trimmed : ""
                let added = Self.oneLine(value)
                let kept = before.isEmpty || before.hasSuffix(added) ? "" : before + " "
                lines[index] = String(lines[index][...colon]) + " " + (before.hasSuffix(added) ? before : kept + added)
            }
        }
        if !answers.notes.isEmpty {
            guard let section = lines.section(.coaching) else { throw .noCoachingSection }
            let signed = answers.notes.map { note in
                "- " + (note.item.map { "`\($0)` " } ?? "") + Self.oneLine(note.text)
                    + (signature.map { " (\(Self.oneLine($0)))" } ?? "")
            }
            let content = section.filter { !lines[$0].trimmed.isEmpty }
            if let last = content.last, ["-", "*", "+"].contains(lines[last].trimmed) {
                // The form's empty bullet, waiting for the first note.
                lines.replace(last, with: signed)
            } else if let last = content.last {
                lines.insert(after: last, signed, blankBefore: !Self.isBullet(lines[last]))
            } else {
                lines.insert(after: section.lowerBound - 1, signed, blankBefore: true)
            }
        }
        return lines.text
    }

    /// A table row with its answer and comment cells set; its other cells as they were.
    static func row(_ line: String, answer: String, comment: String) -> String {
        var cells = Self.cells(line)
        while cells.count < 3 { cells.append("") }
        cells[1] = answer
        cells[2] = Self.oneLine(comment).replacingOccurrences(of: "|", with: "\\|")
        return "|" + cells.map { $0.isEmpty ? " " : " \($0) " }.joined(separator: "|") + "|"
    }

    /// The cells of a table row, trimmed; an escaped `\|` stays in its cell.
    static func cells(_ line: String) -> [String] {
        var body = Substring(line.trimmed)
        if body.hasPrefix("|") { body = body.dropFirst() }
        if body.hasSuffix("|"), !body.hasSuffix("\\|") { body = body.dropLast() }
        var cells: [String] = [], current = "", escaped = false
        for character in body {
            if character == "|", !escaped {
                cells.append(current.trimmed)
                current = ""
            } else {
                current.append(character)
            }
            escaped = character == "\\" && !escaped
        }
        cells.append(current.trimmed)
        return cells
    }

    /// Text a person typed, as one line of the form.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmed }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func isBullet(_ line: String) -> Bool {
        let trimmed = line.trimmed
        return ["- ", "* ", "+ "].contains { trimmed.hasPrefix($0) }
    }
}

/// A text's lines, each with its own ending, put back together byte for byte.
private struct Lines {
    private var contents: [String] = []
    private var endings: [String] = []

    init(_ text: String) {
        var rest = Substring(text)
        while !rest.isEmpty {
            if let end = rest.firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
                contents.append(String(rest[..<end]))
                endings.append(String(rest[end]))
                rest = rest[rest.index(after: end)...]
            } else {
                contents.append(String(rest))
                endings.append("")
                rest = ""
            }
        }
    }

    var indices: Range<Int> { contents.indices }
    var text: String { zip(contents, endings).map { $0 + $1 }.joined() }
    /// The ending new lines get: the text's own.
    private var newline: String { endings.first { !$0.isEmpty } ?? "\n" }

    subscript(index: Int) -> String {
        get { contents[index] }
        set { contents[index] = newValue }
    }

    /// The lines of a form section, after its heading and up to the next heading of its level or
    /// above; found by its marker, else by its heading's words.
    func section(_ wanted: FormSection) -> Range<Int>? {
        guard let heading = contents.firstIndex(where: { line in
            guard line.hasPrefix("#") else { return false }
            if line.contains(FormContract.marker(wanted.rawValue)) { return true }
            let words = normalized(line.drop { $0 == "#" }.replacingOccurrences(of: "<!--", with: " "))
            return words.hasPrefix(normalized(wanted.title))
        }) else { return nil }
        let level = contents[heading].prefix { $0 == "#" }.count
        let end = contents[(heading + 1)...].firstIndex { line in
            let hashes = line.prefix { $0 == "#" }.count
            return hashes > 0 && hashes <= level && line.dropFirst(hashes).first == " "
        } ?? contents.count
        return (heading + 1)..<end
    }

    mutating func replace(_ index: Int, with new: [String]) {
        let ending = endings[index]
        contents.replaceSubrange(index...index, with: new)
        endings.replaceSubrange(index...index, with: Array(repeating: newline, count: new.count - 1) + [ending])
    }

    /// `new` after line `index`; with a blank line first when `blankBefore`. The text's last line
    /// keeps its ending (or its lack of one) at the end.
    mutating func insert(after index: Int, _ new: [String], blankBefore: Bool) {
        let added = (blankBefore ? [""] : []) + new
        let ending = endings[index]
        let last = index + 1 == contents.count
        endings[index] = newline
        contents.insert(contentsOf: added, at: index + 1)
        endings.insert(contentsOf: added.indices.map { $0 == added.count - 1 && last ? ending : newline }, at: index + 1)
    }
}
