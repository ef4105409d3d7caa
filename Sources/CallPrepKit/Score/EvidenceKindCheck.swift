/// The shapes evidence is first looked at for: placeholders, numbers and dates (EvidenceJudge reads
/// the rest).
enum EvidenceKindCheck {
    /// Words that stand for "I will fill this in later", not evidence.
    static let placeholders: Set<String> = [
        "", "tbd", "tbc", "todo", "to do", "n a", "na", "none", "nothing", "yes", "no", "done", "ok", "okay", "x",
        "xxx", "see above", "see notes", "evidence", "lorem ipsum", "fill in", "later", "tba", "all good", "fine", "good",
        "as usual", "as discussed", "see crm", "in crm", "sure", "covered",
    ]
    private static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion", "dozen", "half",
        "once", "twice",
    ]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func hasNumber(_ normalizedText: String) -> Bool {
        normalizedText.unicodeScalars.contains { $0.isASCII ? (0x30...0x39).contains($0.value) : $0.properties.numericType != nil }
            || normalizedText.split(separator: " ").contains { numberWords.contains(String($0)) }
    }

    /// An ISO date anywhere, or a day next to a month name ("30 Nov", "November 30").
    static func hasDate(_ text: String) -> Bool {
        let tokens = words(of: text) { ScalarClass.letterOrDigit($0) || $0 == "-" || $0 == "/" }
        for (index, token) in tokens.enumerated() {
            guard let first = token.utf8.first else { continue }
            if (0x30...0x39).contains(first) {
                // Only a token of ten or more bytes can start with a whole year-month-day.
                if token.utf8.count >= 10, CalendarDate.iso(String(token.prefix(10))) != nil { return true }
                // 25/12 or 12/25, when one number cannot be a month (any year will do to tell).
                if token.utf8.contains(UInt8(ascii: "/")), CalendarDate.resolve(String(token), relativeTo: "2000-01-01") != nil {
                    return true
                }
                continue
            }
            guard token.utf8.count >= 3 else { continue }
            let lower = token.lowercased()
            // A weekday to meet, as due dates read it: "by Friday", "next Monday".
            if CalendarDate.isWeekday(lower), index > 0, CalendarDate.weekdayLeads.contains(tokens[index - 1].lowercased()) {
                return true
            }
            guard months.contains(where: { lower.hasPrefix($0) }) else { continue }
            let neighbours = [index > 0 ? tokens[index - 1] : "", index + 1 < tokens.count ? tokens[index + 1] : ""]
            if neighbours.contains(where: { Int($0).map { (1...31).contains($0) } ?? false }) { return true }
        }
        return false
    }

    /// The runs of `text` whose scalars are `inWord` (with the marks that follow a letter); scalar
    /// by scalar, which is many times faster than by Characters.
    private static func words(of text: String, _ inWord: (Unicode.Scalar) -> Bool) -> [Substring] {
        let scalars = text.unicodeScalars
        var out: [Substring] = []
        var start: String.Index?
        for index in scalars.indices {
            let scalar = scalars[index]
            let isMark = !scalar.isASCII && [.nonspacingMark, .spacingMark, .enclosingMark]
                .contains(scalar.properties.generalCategory)
            if inWord(scalar) || (isMark && start != nil) {
                if start == nil { start = index }
            } else if let begun = start {
                out.append(Substring(scalars[begun..<index]))
                start = nil
            }
        }
        if let begun = start { out.append(Substring(scalars[begun...])) }
        return out
    }
}
