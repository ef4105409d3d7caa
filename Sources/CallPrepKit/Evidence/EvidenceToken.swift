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
    package var word: String { didSet { wordKey = WordKey(word) } }
    package var kind: Kind
    /// Unicode scalar offsets in the text, end excluded.
    package var range: Range<Int>
    /// Written with a capital first letter (a name, a month, "May" the month).
    package var capitalized: Bool
    /// The word's Snowball stem (the word itself for anything but a word).
    package var stem: String { didSet { stemKey = WordKey(stem) } }
    /// The first token after a line break.
    package var startsLine: Bool = false
    /// `word` and `stem` as keys, worked out once: the phrase tables look tokens up by them.
    package private(set) var wordKey: WordKey
    package private(set) var stemKey: WordKey

    package init(text: String, word: String, kind: Kind, range: Range<Int>, capitalized: Bool, stem: String, startsLine: Bool = false) {
        self.text = text
        self.word = word
        self.kind = kind
        self.range = range
        self.capitalized = capitalized
        self.stem = stem
        self.startsLine = startsLine
        wordKey = WordKey(word)
        stemKey = word == stem ? wordKey : WordKey(stem)
    }

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
    /// The text's Unicode scalars: ranges count in them.
    package var scalars: [Unicode.Scalar]
    /// The text, and where each scalar starts in it (one more: its end): a token's text is a
    /// slice of it, not a string built again scalar by scalar.
    package var source: String = ""
    package var starts: [String.Index] = []
    package var tokens: [EvidenceToken]
    /// Token index ranges of the sentences.
    package var sentences: [Range<Int>]
    package var clauses: [EvidenceClause]

    /// The text of a clause as written.
    package func text(of clause: EvidenceClause) -> String {
        var range = clause.range
        while let first = range.first, scalars[first].properties.isWhitespace { range = range.dropFirst() }
        while let last = range.last, scalars[last].properties.isWhitespace { range = range.dropLast() }
        return slice(range)
    }

    /// The written text from one token through another.
    package func text(from first: Int, through last: Int) -> String {
        slice(tokens[first].range.lowerBound..<tokens[last].range.upperBound)
    }

    /// The scalars `range` covers, as a string.
    package func slice(_ range: Range<Int>) -> String {
        guard range.upperBound < starts.count else { return String(String.UnicodeScalarView(scalars[range])) }
        return String(source.unicodeScalars[starts[range.lowerBound]..<starts[range.upperBound]])
    }
}

/// A word as a 64-bit key (FNV-1a over its UTF-8), worked out once per token, so that a table
/// look-up hashes no string. Tables compare the words themselves when the keys agree.
package struct WordKey: Sendable, Hashable, Codable {
    package let value: UInt64

    package init(_ word: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        value = hash
    }
}
