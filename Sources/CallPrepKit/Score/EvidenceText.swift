import Foundation

/// Evidence as a coach reads it: sentence by sentence, word by word, in lower case with accents
/// folded and contractions kept whole ("didn't" stays one word), so that a phrase can be found
/// together with whatever negates it.
struct EvidenceText {
    let original: String
    /// The words of each sentence.
    let sentences: [[String]]

    init(_ text: String) {
        original = text
        sentences = Self.sentences(of: Self.folded(Self.joiningLists(text)))
    }

    /// Every word, in order.
    var words: [String] { sentences.flatMap { $0 } }

    /// Whether a phrase of `phrases` occurs with no negation before it in its sentence: "no demo"
    /// and "we did not show the slides" do not mention presenting; "we showed the demo" does.
    func mentions(_ phrases: [String], unlessNegatedBy negations: [String] = []) -> Bool {
        let wanted = phrases.map(Self.phraseWords)
        let negating = negations.map(Self.phraseWords)
        for sentence in sentences {
            for start in sentence.indices {
                guard wanted.contains(where: { Self.matches($0, sentence, at: start) }) else { continue }
                let negated = negating.contains { negation in
                    sentence[..<start].indices.contains { Self.matches(negation, sentence, at: $0) }
                }
                if !negated { return true }
            }
        }
        return false
    }

    /// A phrase as the words it is matched by.
    static func phraseWords(_ phrase: String) -> [String] {
        sentences(of: folded(phrase)).flatMap { $0 }
    }

    private static func matches(_ phrase: [String], _ sentence: [String], at start: Int) -> Bool {
        guard !phrase.isEmpty, start + phrase.count <= sentence.count else { return false }
        return phrase.indices.allSatisfy { phrase[$0] == sentence[start + $0] }
    }

    /// A list under a line that ends with a colon, as one sentence with that line, so that
    /// "Things I held back:" covers the items below it.
    static func joiningLists(_ text: String) -> String {
        guard text.contains(":\n") else { return text }
        var lines: [String] = []
        var introduced = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmed
            if introduced, trimmed.isEmpty { continue }
            if introduced, let marker = trimmed.first, "-*+".contains(marker), let last = lines.indices.last {
                lines[last] += " " + trimmed.dropFirst().trimmed + ","
                continue
            }
            introduced = trimmed.hasSuffix(":")
            lines.append(String(line))
        }
        return lines.joined(separator: "\n")
    }

    /// Lower case, accents removed, typographic apostrophes as `'`.
    static func folded(_ text: String) -> String {
        let lower = text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        guard !lower.utf8.allSatisfy({ $0 < 0x80 }) else { return lower }
        return lower.folding(options: [.diacriticInsensitive], locale: nil)
    }

    /// Sentences end at `.`, `;`, `!`, `?` and line breaks (a `.` between digits is a decimal
    /// point); words are runs of letters and digits, with `'` and `-` inside them; currency signs
    /// and `%` are words of their own.
    private static func sentences(of text: String) -> [[String]] {
        var sentences: [[String]] = []
        var sentence: [String] = []
        var word = ""
        let scalars = Array(text.unicodeScalars)
        func endWord() {
            while let last = word.unicodeScalars.last, last == "'" || last == "-" { word.unicodeScalars.removeLast() }
            if !word.isEmpty { sentence.append(word) }
            word = ""
        }
        func endSentence() {
            endWord()
            if !sentence.isEmpty { sentences.append(sentence) }
            sentence = []
        }
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if (scalar == "'" || scalar == "-"), !word.isEmpty {
                word.unicodeScalars.append(scalar)
            } else if scalar == "." || scalar == ",", let next = scalars.dropFirst(index + 1).first,
                      ("0"..."9").contains(next), let last = word.unicodeScalars.last, ("0"..."9").contains(last) {
                word.unicodeScalars.append(scalar)
            } else if ".;!?\n\r".unicodeScalars.contains(scalar) {
                endSentence()
            } else {
                endWord()
                if "€$£¥%".unicodeScalars.contains(scalar) { sentence.append(String(scalar)) }
            }
        }
        endSentence()
        return sentences
    }
}
