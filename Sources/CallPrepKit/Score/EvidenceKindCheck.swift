/// Whether written evidence is of the kind a milestone asks for (DESIGN section 6).
enum EvidenceKindCheck {
    /// Words that stand for "I will fill this in later", not evidence.
    static let placeholders: Set<String> = [
        "", "tbd", "tbc", "todo", "to do", "n a", "na", "none", "nothing", "yes", "no", "done", "ok", "okay", "x",
        "xxx", "see above", "see notes", "evidence", "lorem ipsum", "fill in", "later", "tba",
    ]
    private static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion", "dozen", "half",
        "once", "twice",
    ]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// nil when `evidence` is good evidence of `kind`; otherwise why not.
    static func problem(_ evidence: String, kind: EvidenceKind, people: [String]) -> String? {
        let words = normalized(evidence)
        if placeholders.contains(words) {
            return evidence.isEmpty ? "checked, but no evidence is written" : "the evidence '\(evidence)' is a placeholder"
        }
        switch kind {
        case .text:
            let letterWords = words.split(separator: " ").filter { $0.unicodeScalars.contains(where: isLetter) }
            return letterWords.count >= 2 ? nil : "the evidence '\(evidence)' is too short to show anything"
        case .number:
            return hasNumber(words) ? nil : "the evidence has no number"
        case .amount:
            return hasNumber(words) ? nil : "the evidence has no amount (a number, with its currency or unit)"
        case .date:
            return hasDate(evidence) ? nil : "the evidence has no date"
        case .person:
            return namesPerson(evidence, people: people) ? nil : "the evidence names no person"
        }
    }

    static func hasNumber(_ normalizedText: String) -> Bool {
        normalizedText.unicodeScalars.contains { $0.isASCII ? (0x30...0x39).contains($0.value) : $0.properties.numericType != nil }
            || normalizedText.split(separator: " ").contains { numberWords.contains(String($0)) }
    }

    /// An ISO date anywhere, or a day next to a month name ("30 Nov", "November 30").
    static func hasDate(_ text: String) -> Bool {
        let tokens = words(of: text) { isLetter($0) || isDigit($0) || $0 == "-" || $0 == "/" }.map(String.init)
        for (index, token) in tokens.enumerated() {
            if CalendarDate.iso(String(token.prefix(10))) != nil { return true }
            let lower = token.lowercased()
            guard lower.count >= 3, months.contains(where: { lower.hasPrefix($0) }) else { continue }
            let neighbours = [index > 0 ? tokens[index - 1] : "", index + 1 < tokens.count ? tokens[index + 1] : ""]
            if neighbours.contains(where: { Int($0).map { (1...31).contains($0) } ?? false }) { return true }
        }
        return false
    }

    /// One of `people` (full or first name), or a name written as two capitalised words.
    static func namesPerson(_ text: String, people: [String]) -> Bool {
        if mentions(text, anyOf: people) { return true }
        let words = words(of: text) { isLetter($0) || $0 == "-" || $0 == "'" }
        return zip(words, words.dropFirst()).contains { isCapitalisedName($0) && isCapitalisedName($1) }
    }

    /// Whether `text` names one of `people`, by full name or by first name as a word.
    static func mentions(_ text: String, anyOf people: [String]) -> Bool {
        let folded = normalized(text)
        let words = Set(folded.split(separator: " "))
        return people.contains { person in
            let name = normalized(person).split(separator: " ").filter { !honorifics.contains(String($0)) }
            guard let first = name.first, first.count >= 2 else { return false }
            return folded.includes(name.joined(separator: " ")) || words.contains(first)
        }
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

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0...0x7F: false
        default: scalar.properties.isAlphabetic
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType != nil
    }

    private static let honorifics: Set<String> = ["dr", "mr", "mrs", "ms", "miss", "prof", "sir", "dame"]

    private static func isCapitalisedName(_ word: Substring) -> Bool {
        guard let first = word.first, first.isUppercase, word.count >= 2 else { return false }
        return word.dropFirst().allSatisfy { $0.isLowercase || $0 == "-" || $0 == "'" }
    }
}
