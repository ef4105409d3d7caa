import Foundation

/// One word, number, symbol or mark of an evidence text, as the readers see it.
package struct EvidenceToken: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Codable {
        /// Letters, with inner hyphens kept ("go-live"); a contraction gives several.
        case word
        /// Digits as written: "85,000", "2.5k", "20-30", "12/3", "2026-12-10", "10:30".
        case number
        /// A currency sign, %, ~, /, +, & and the like.
        case symbol
        /// . , ; : ! ? quotes, brackets and a dash between spaces.
        case punctuation
        /// The "'s" (or lone "'") that makes a possessive: "Sam's count", "the drivers' log".
        case possessive
    }

    /// The text as written; every word of an expanded contraction shares it.
    package var text: String
    /// Lower case, contractions expanded: "didn't" gives "did" and "not".
    package var word: String
    package var kind: Kind
    /// Character offsets in the text, end excluded.
    package var range: Range<Int>
    /// Written with a capital first letter (a name, a month, "May" the month).
    package var capitalized: Bool
    /// The word's Snowball stem (the word itself for anything but a word).
    package var stem: String
    /// The first token after a line break.
    package var startsLine: Bool = false

    package var isWord: Bool { kind == .word }
}

/// A stretch of tokens that one negation, hedge or speaker covers: a sentence cut at "but",
/// "however", "although", "though", "whereas", "except", ";", ":" and a dash between spaces.
package struct EvidenceClause: Sendable, Hashable, Codable {
    /// Indices into the tokens, end excluded.
    package var tokens: Range<Int>
    /// Character offsets of the clause in the text, end excluded.
    package var range: Range<Int>
    /// Index of the sentence that holds it.
    package var sentence: Int
    /// What opened the clause: "but", ";", ":" ... and nil for a sentence's first clause.
    package var opener: String?
}

/// A text cut into tokens, sentences and clauses.
package struct EvidenceTokens: Sendable, Hashable {
    /// The text's characters: ranges count in them.
    package var characters: [Character]
    /// The text, and where each character starts in it (one more: its end): a token's text is a
    /// slice of it, not a string built again character by character.
    package var source: String = ""
    package var starts: [String.Index] = []
    package var tokens: [EvidenceToken]
    /// Token index ranges of the sentences.
    package var sentences: [Range<Int>]
    package var clauses: [EvidenceClause]

    /// The text of a clause as written.
    package func text(of clause: EvidenceClause) -> String {
        var range = clause.range
        while let first = range.first, characters[first].isWhitespace { range = range.dropFirst() }
        while let last = range.last, characters[last].isWhitespace { range = range.dropLast() }
        return slice(range)
    }

    /// The written text from one token through another.
    package func text(from first: Int, through last: Int) -> String {
        slice(tokens[first].range.lowerBound..<tokens[last].range.upperBound)
    }

    /// The characters `range` covers, as a string.
    package func slice(_ range: Range<Int>) -> String {
        guard range.upperBound < starts.count else { return String(characters[range]) }
        return String(source[starts[range.lowerBound]..<starts[range.upperBound]])
    }
}
