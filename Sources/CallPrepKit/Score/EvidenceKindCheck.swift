/// The shapes evidence is first looked at for: placeholders, and numbers in a pain's impact (the
/// evidence reader reads the rest).
enum EvidenceKindCheck {
    /// Words that stand for "I will fill this in later", not evidence.
    static let placeholders: Set<String> = [
        "", "tbd", "tbc", "todo", "to do", "n a", "na", "none", "nothing", "yes", "no", "done", "ok", "okay", "x",
        "xxx", "see above", "see notes", "evidence", "lorem ipsum", "fill in", "later", "tba", "all good", "fine", "good",
        "as usual", "as discussed", "see crm", "in crm", "sure", "covered",
    ]
    /// The longest placeholder, in bytes.
    private static let longestPlaceholder = placeholders.map(\.utf8.count).max() ?? 0

    /// Whether `text` folds (`normalized`) to a placeholder. Each ASCII letter or digit stays one
    /// byte in the folded text, so a text with more of them than the longest placeholder is none,
    /// told without folding it.
    static func isPlaceholder(_ text: String) -> Bool {
        var letters = 0
        for byte in text.utf8 where ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
            letters += 1
            if letters > longestPlaceholder { return false }
        }
        return placeholders.contains(normalized(text))
    }

    private static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion", "dozen", "half",
        "once", "twice",
    ]

    static func hasNumber(_ normalizedText: String) -> Bool {
        normalizedText.unicodeScalars.contains { $0.isASCII ? (0x30...0x39).contains($0.value) : $0.properties.numericType != nil }
            || normalizedText.split(separator: " ").contains { numberWords.contains(String($0)) }
    }
}
