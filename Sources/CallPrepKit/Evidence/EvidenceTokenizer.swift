import Foundation

/// Cuts an evidence text into tokens, sentences and clauses, expanding contractions and the
/// shorthand reps write ("w/", "w/o", "b/c", "gonna"). One pass over the characters, no regex.
package struct EvidenceTokenizer: Sendable {
    package let stemmer: Stemmer

    package init(stemmer: Stemmer) { self.stemmer = stemmer }

    package func tokenize(_ text: String) -> EvidenceTokens {
        var characters: [Character] = []
        var starts: [String.Index] = []
        characters.reserveCapacity(text.utf8.count)
        starts.reserveCapacity(text.utf8.count + 1)
        var index = text.startIndex
        while index < text.endIndex {
            starts.append(index)
            characters.append(text[index])
            index = text.index(after: index)
        }
        starts.append(text.endIndex)
        var scanner = Scanner(characters: characters, source: text, starts: starts)
        scanner.run()
        var tokens = Contractions.resolve(scanner.tokens)
        for index in tokens.indices where tokens[index].kind == .word {
            tokens[index].stem = stemmer.stem(tokens[index].word)
        }
        let (sentences, clauses) = Self.structure(tokens)
        return EvidenceTokens(characters: characters, source: text, starts: starts, tokens: tokens, sentences: sentences,
                              clauses: clauses)
    }

    /// Words that open a new clause.
    static let clauseOpeners: Set<String> = ["but", "however", "although", "though", "whereas", "except"]
    /// Marks after which a new clause starts.
    static let clauseMarks: Set<String> = [";", ":", "-"]
    static let sentenceEnds: Set<String> = [".", "!", "?", "…"]

    static func structure(_ tokens: [EvidenceToken]) -> ([Range<Int>], [EvidenceClause]) {
        var sentences: [Range<Int>] = []
        var clauses: [EvidenceClause] = []
        var sentenceStart = 0
        var clauseStart = 0
        var opener: String?
        func closeClause(at end: Int) {
            if end > clauseStart {
                let range = tokens[clauseStart].range.lowerBound..<tokens[end - 1].range.upperBound
                clauses.append(EvidenceClause(tokens: clauseStart..<end, range: range, sentence: sentences.count, opener: opener))
            }
            clauseStart = end
            opener = nil
        }
        func closeSentence(at end: Int) {
            closeClause(at: end)
            if end > sentenceStart { sentences.append(sentenceStart..<end) }
            sentenceStart = end
        }
        for (index, token) in tokens.enumerated() {
            if token.startsLine, index > sentenceStart { closeSentence(at: index) }
            if token.kind == .word, clauseOpeners.contains(token.word), index > clauseStart {
                closeClause(at: index)
                opener = token.word
            }
            if token.kind == .punctuation, clauseMarks.contains(token.word) {
                closeClause(at: index + 1)
                opener = token.word
            } else if token.kind == .punctuation, sentenceEnds.contains(token.word) {
                closeSentence(at: index + 1)
            }
        }
        closeSentence(at: tokens.count)
        return (sentences, clauses)
    }
}

/// The character scanner under `EvidenceTokenizer`: it only cuts; `Contractions` expands.
private struct Scanner {
    let characters: [Character]
    let source: String
    let starts: [String.Index]
    var tokens: [EvidenceToken] = []
    var position = 0
    var lineBreak = false

    init(characters: [Character], source: String, starts: [String.Index]) {
        self.characters = characters
        self.source = source
        self.starts = starts
    }

    /// The characters from `start` to `end`, as a slice of the text.
    func slice(_ start: Int, _ end: Int) -> String { String(source[starts[start]..<starts[end]]) }

    static let apostrophes: Set<Character> = ["'", "’"]
    static func isApostrophe(_ character: Character?) -> Bool { character == "'" || character == "’" }
    static func isHyphen(_ character: Character?) -> Bool { character == "-" || character == "‐" || character == "–" }
    static let hyphens: Set<Character> = ["-", "‐", "–"]
    static let numberSuffixes: Set<String> = ["k", "m", "bn", "mn", "x", "st", "nd", "rd", "th", "am", "pm"]

    func at(_ index: Int) -> Character? { index < characters.count ? characters[index] : nil }
    // ASCII answered without Unicode's property tables (the slow part of scanning, BENCHMARKS.md).
    static func isDigit(_ character: Character?) -> Bool {
        guard let ascii = character?.asciiValue else { return false }
        return ascii >= 0x30 && ascii <= 0x39
    }
    static func isLetter(_ character: Character?) -> Bool {
        guard let character else { return false }
        if let ascii = character.asciiValue { return (ascii | 0x20) >= 0x61 && (ascii | 0x20) <= 0x7A }
        return character.isLetter
    }
    static func isUppercase(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii >= 0x41 && ascii <= 0x5A }
        return character.isUppercase
    }

    mutating func add(_ kind: EvidenceToken.Kind, _ start: Int, _ end: Int, word: String? = nil) {
        let text = slice(start, end)
        let lower = word ?? text.lowercased()
        tokens.append(EvidenceToken(text: text, word: lower, kind: kind, range: start..<end,
                                    capitalized: Self.isUppercase(characters[start]), stem: lower, startsLine: lineBreak))
        lineBreak = false
    }

    mutating func run() {
        while let character = at(position) {
            let start = position
            if character.isNewline {
                lineBreak = true
                position += 1
            } else if character.isWhitespace {
                position += 1
            } else if Self.isLetter(character) {
                scanWord()
            } else if Self.isDigit(character) {
                scanNumber()
            } else if "\"“”„«»".contains(character) {
                position += 1
                add(.punctuation, start, position, word: "\"")
            } else if Self.apostrophes.contains(character) || character == "‘" {
                position += 1
                add(.punctuation, start, position, word: "'")
            } else if Self.hyphens.contains(character) || character == "—" {
                // A dash between spaces parts clauses; one against a word is a mark of its own.
                while let next = at(position), Self.hyphens.contains(next) || next == "—" { position += 1 }
                let spaced = (start == 0 || characters[start - 1].isWhitespace) && (at(position)?.isWhitespace ?? true)
                add(spaced ? .punctuation : .symbol, start, position, word: "-")
            } else if ".,;:!?…()[]".contains(character) {
                position += 1
                if character == ".", at(position) == ".", at(position + 1) == "." {
                    position += 2
                    add(.punctuation, start, position, word: "…")
                } else {
                    add(.punctuation, start, position)
                }
            } else {
                position += 1
                add(.symbol, start, position)
            }
        }
    }

    /// Letters, with an apostrophe or hyphen inside; "e.g." and "p.a." whole; "w/", "w/o", "b/c".
    mutating func scanWord() {
        let start = position
        while Self.isLetter(at(position)) || ((Self.isApostrophe(at(position)) || Self.isHyphen(at(position)))
                                              && Self.isLetter(at(position + 1))) {
            position += 1
        }
        // Letters cut by single dots: "e.g.", "i.e.", "p.a.", "a.m."
        if position - start == 1, at(position) == ".", Self.isLetter(at(position + 1)), !Self.isLetter(at(position + 2)) {
            position += 2
            if at(position) == "." { position += 1 }
            add(.word, start, position, word: slice(start, position).lowercased().replacingOccurrences(of: ".", with: ""))
            return
        }
        let word = slice(start, position).lowercased()
        if at(position) == "/" {
            if word == "w", at(position + 1) == "o" || at(position + 1) == "O", !Self.isLetter(at(position + 2)) {
                position += 2
                return add(.word, start, position, word: "without")
            }
            if word == "w" { position += 1; return add(.word, start, position, word: "with") }
            if word == "b", at(position + 1) == "c" || at(position + 1) == "C", !Self.isLetter(at(position + 2)) {
                position += 2
                return add(.word, start, position, word: "because")
            }
        }
        // A plural's possessive: "the drivers' log".
        if word.hasSuffix("s"), let mark = at(position), Self.apostrophes.contains(mark), !Self.isLetter(at(position + 1)) {
            add(.word, start, position)
            position += 1
            add(.possessive, position - 1, position, word: "'s")
            return
        }
        add(.word, start, position)
    }

    /// Digits with inner separators: "85,000", "2.5", "20-30", "12/3", "2026-12-10", "10:30",
    /// and a unit letter kept on it ("2.5k", "3x", "10am", "3rd").
    mutating func scanNumber() {
        let start = position
        while true {
            while Self.isDigit(at(position)) { position += 1 }
            guard let next = at(position), Self.isDigit(at(position + 1)),
                  next == "," || next == "." || next == "/" || next == ":" || Self.hyphens.contains(next) else { break }
            position += 1
        }
        var end = position
        while Self.isLetter(at(end)) { end += 1 }
        if end > position, Self.numberSuffixes.contains(slice(position, end).lowercased()) { position = end }
        add(.number, start, position)
    }
}
