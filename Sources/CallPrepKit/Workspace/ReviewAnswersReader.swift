import Foundation

/// What is wrong with a line of `review --answers`.
public enum ReviewAnswersProblem: LocalizedError, Equatable, Sendable {
    case unknownItem(String, known: [String])
    case noAnswer(String)
    case disagreementWithoutComment(String)
    case answeredTwice(String, firstLine: Int)
    case badGrade(String)
    case emptyNote
    case nothing

    public var errorDescription: String? {
        switch self {
        case let .unknownItem(id, known):
            "no item '\(id)' in the review table (its items: \(known.joined(separator: ", "))); "
                + "a line is 'ID y|n [comment]', 'grade N', 'note TEXT' or 'coach [ID] TEXT'"
        case let .noAnswer(id): "'\(id)' needs y (the judge is right) or n (the judge is wrong), then a comment"
        case let .disagreementWithoutComment(id): "'\(id) n' needs a one-line comment: why the judge is wrong"
        case let .answeredTwice(id, line): "'\(id)' is answered twice (first on line \(line))"
        case let .badGrade(text): "'grade' needs a whole number from 0 to 100, not '\(text)'"
        case .emptyNote: "a note needs its text"
        case .nothing: "no answer in the file"
        }
    }
}

extension ReviewDecisions {
    /// Reads `review --answers`: one line per item, `ID y|n [comment]` (whether the judge's verdict
    /// is right; `n` needs a comment), `grade N`, `note TEXT` (the general comment) and
    /// `coach [ID] TEXT` (a coaching note); blank lines and lines starting with `#` are passed over.
    /// Every bad line is an error at its line and column, and then no answer counts.
    public init(answers source: SourceFile, items: [String]) throws(DiagnosticError) {
        self.init()
        var problems: [Diagnostic] = []
        var seen: [String: Int] = [:]
        var any = false
        for (offset, raw) in source.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = offset + 1
            let text = raw.trimmed
            guard !text.isEmpty, !text.hasPrefix("#") else { continue }
            any = true
            let column = raw.prefix { $0 == " " || $0 == "\t" }.count + 1
            func fail(_ problem: ReviewAnswersProblem, at word: Int = 0) {
                var at = column
                for part in text.split(separator: " ", omittingEmptySubsequences: true).prefix(word) { at += part.count + 1 }
                problems.append(Diagnostic(file: source.path, at: SourceLocation(line: line, column: at), problem))
            }
            let words = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
            let first = words[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let rest = text.dropFirst(words[0].count).trimmed
            switch first.lowercased() {
            case "grade":
                if let grade = Int(rest), (0...100).contains(grade) { self.grade = grade } else { fail(.badGrade(rest), at: 1) }
            case "note":
                if rest.isEmpty { fail(.emptyNote) } else { comments = [comments, rest].compactMap { $0 }.joined(separator: " ") }
            case "coach":
                let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
                let named = parts.first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
                if let named, items.contains(named) {
                    let text = parts.count > 1 ? parts[1].trimmed : ""
                    if text.isEmpty { fail(.emptyNote) } else { notes.append(.init(item: named, text: text)) }
                } else if rest.isEmpty {
                    fail(.emptyNote)
                } else {
                    notes.append(.init(item: nil, text: rest))
                }
            default:
                guard items.contains(first) else {
                    fail(.unknownItem(first, known: items))
                    continue
                }
                if let earlier = seen[first] {
                    fail(.answeredTwice(first, firstLine: earlier))
                    continue
                }
                seen[first] = line
                let answer = words.count > 1 ? words[1].lowercased() : ""
                let comment = words.count > 2 ? words[2].trimmed : ""
                switch answer {
                case "y", "yes": verdicts[first] = (true, comment)
                case "n", "no":
                    if comment.isEmpty { fail(.disagreementWithoutComment(first), at: 1) } else { verdicts[first] = (false, comment) }
                default: fail(.noAnswer(first), at: 1)
                }
            }
        }
        if !any { problems.append(Diagnostic(file: source.path, ReviewAnswersProblem.nothing)) }
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }
}
