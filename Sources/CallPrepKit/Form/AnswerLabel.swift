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
