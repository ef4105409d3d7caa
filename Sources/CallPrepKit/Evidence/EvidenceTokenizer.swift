import Foundation

/// Cuts an evidence text into tokens, sentences and clauses, expanding contractions and the
/// shorthand reps write ("w/", "w/o", "b/c", "gonna"). One pass over the characters, no regex.
package struct EvidenceTokenizer: Sendable {
    package let stemmer: Stemmer

    package init(stemmer: Stemmer) { self.stemmer = stemmer }

    package func tokenize(_ text: String) -> EvidenceTokens {
        var scalars: [Unicode.Scalar] = []
        var starts: [String.Index] = []
        scalars.reserveCapacity(text.utf8.count)
        starts.reserveCapacity(text.utf8.count + 1)
        let view = text.unicodeScalars
        var index = view.startIndex
        while index < view.endIndex {
            starts.append(index)
            scalars.append(view[index])
            view.formIndex(after: &index)
        }
        starts.append(view.endIndex)
        var scanner = Scanner(scalars: scalars, source: text, starts: starts)
        scanner.run()
        // Taken out of the scanner, so that stemming writes the array in place instead of a copy.
        var tokens = Contractions.resolve(scanner.takeTokens())
        for index in tokens.indices where tokens[index].kind == .word {
            tokens[index].stem = stemmer.stem(lowercased: tokens[index].word, key: tokens[index].wordKey)
        }
        let (sentences, clauses) = Self.structure(tokens)
        return EvidenceTokens(scalars: scalars, source: text, starts: starts, tokens: tokens, sentences: sentences,
                              clauses: clauses)
    }

    /// Words that open a new clause.
    static let clauseOpeners: WordSet = ["but", "however", "although", "though", "whereas", "except"]
    /// Marks after which a new clause starts.
    static let clauseMarks: WordSet = [";", ":", "-"]
    static let sentenceEnds: WordSet = [".", "!", "?", "…"]

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
        // Each token read in place: a copy of every one cost more than the tests.
        for index in tokens.indices {
            if tokens[index].startsLine, index > sentenceStart { closeSentence(at: index) }
            if tokens[index].kind == .word, clauseOpeners.contains(tokens[index]), index > clauseStart {
                closeClause(at: index)
                opener = tokens[index].word
            }
            if tokens[index].kind == .punctuation, clauseMarks.contains(tokens[index]) {
                closeClause(at: index + 1)
                opener = tokens[index].word
            } else if tokens[index].kind == .punctuation, sentenceEnds.contains(tokens[index]) {
                closeSentence(at: index + 1)
            }
        }
        closeSentence(at: tokens.count)
        return (sentences, clauses)
    }
}

/// The scanner under `EvidenceTokenizer`, over Unicode scalars (ASCII answered without Unicode's
/// property tables): it only cuts; `Contractions` expands.
private struct Scanner {
    let scalars: [Unicode.Scalar]
    let source: String
    let starts: [String.Index]
    var tokens: [EvidenceToken] = []
    var position = 0
    var lineBreak = false

    init(scalars: [Unicode.Scalar], source: String, starts: [String.Index]) {
        self.scalars = scalars
        self.source = source
        self.starts = starts
        tokens.reserveCapacity(scalars.count / 3 + 4)
    }

    /// The tokens scanned, the scanner left without them.
    mutating func takeTokens() -> [EvidenceToken] {
        defer { tokens = [] }
        return tokens
    }

    /// The scalars from `start` to `end`, as a slice of the text.
    func slice(_ start: Int, _ end: Int) -> String { String(source.unicodeScalars[starts[start]..<starts[end]]) }

    static let numberSuffixes: WordSet = ["k", "m", "bn", "mn", "x", "st", "nd", "rd", "th", "am", "pm"]

    func at(_ index: Int) -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    static func isApostrophe(_ scalar: Unicode.Scalar?) -> Bool { scalar == "'" || scalar == "’" }
    static func isHyphen(_ scalar: Unicode.Scalar?) -> Bool { scalar == "-" || scalar == "‐" || scalar == "–" }
    static func isDash(_ scalar: Unicode.Scalar?) -> Bool { isHyphen(scalar) || scalar == "—" }
    static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let value = scalar?.value else { return false }
        return value >= 0x30 && value <= 0x39
    }
    static func isLetter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        return scalar.properties.isAlphabetic
    }
    /// A combining mark, part of the letter before it ("e" and U+0301).
    static func isMark(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, !scalar.isASCII else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x41 && scalar.value <= 0x5A }
        return scalar.properties.isUppercase
    }
    static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
    static func isWhitespace(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.isASCII { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    mutating func add(_ kind: EvidenceToken.Kind, _ start: Int, _ end: Int, word: String? = nil, text: String? = nil) {
        let text = text ?? slice(start, end)
        let lower = word ?? text.lowercased()
        tokens.append(EvidenceToken(text: text, word: lower, kind: kind, range: start..<end,
                                    capitalized: Self.isUppercase(scalars[start]), stem: lower, startsLine: lineBreak))
        lineBreak = false
    }

    mutating func run() {
        while let scalar = at(position) {
            let start = position
            if Self.isNewline(scalar) {
                lineBreak = true
                position += 1
            } else if Self.isWhitespace(scalar) {
                position += 1
            } else if Self.isLetter(scalar) {
                scanWord()
            } else if Self.isDigit(scalar) {
                scanNumber()
            } else if scalar == "\"" || scalar == "“" || scalar == "”" || scalar == "„" || scalar == "«" || scalar == "»" {
                position += 1
                add(.punctuation, start, position, word: "\"")
            } else if Self.isApostrophe(scalar) || scalar == "‘" {
                position += 1
                add(.punctuation, start, position, word: "'")
            } else if Self.isDash(scalar) {
                // A dash between spaces parts clauses; one against a word is a mark of its own.
                while Self.isDash(at(position)) { position += 1 }
                let spaced = (start == 0 || Self.isWhitespace(scalars[start - 1])) && (at(position).map { Self.isWhitespace($0) } ?? true)
                add(spaced ? .punctuation : .symbol, start, position, word: "-")
            } else if ".,;:!?…()[]".unicodeScalars.contains(scalar) {
                position += 1
                if scalar == ".", at(position) == ".", at(position + 1) == "." {
                    position += 2
                    add(.punctuation, start, position, word: "…")
                } else {
                    add(.punctuation, start, position)
                }
            } else {
                // One mark as a reader sees one: its combining marks, skin tones and joined emoji.
                position += 1
                while let next = at(position), Self.isMark(next) || next.properties.isEmojiModifier || next.value == 0x200D {
                    position += next.value == 0x200D && position + 1 < scalars.count ? 2 : 1
                }
                add(.symbol, start, position)
            }
        }
    }

    /// Letters (with their combining marks), with an apostrophe or hyphen inside; "e.g." and
    /// "p.a." whole; "w/", "w/o", "b/c".
    mutating func scanWord() {
        let start = position
        while Self.isLetter(at(position)) || Self.isMark(at(position))
            || ((Self.isApostrophe(at(position)) || Self.isHyphen(at(position))) && Self.isLetter(at(position + 1))) {
            position += 1
        }
        // Letters cut by single dots: "e.g.", "i.e.", "p.a.", "a.m."
        if position - start == 1, at(position) == ".", Self.isLetter(at(position + 1)), !Self.isLetter(at(position + 2)) {
            position += 2
            if at(position) == "." { position += 1 }
            add(.word, start, position, word: slice(start, position).lowercased().replacingOccurrences(of: ".", with: ""))
            return
        }
        let text = slice(start, position)
        let word = text.lowercased()
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
        if word.utf8.last == UInt8(ascii: "s"), Self.isApostrophe(at(position)), !Self.isLetter(at(position + 1)) {
            add(.word, start, position, word: word, text: text)
            position += 1
            add(.possessive, position - 1, position, word: "'s")
            return
        }
        add(.word, start, position, word: word, text: text)
    }

    /// Digits with inner separators: "85,000", "2.5", "20-30", "12/3", "2026-12-10", "10:30",
    /// and a unit letter kept on it ("2.5k", "3x", "10am", "3rd").
    mutating func scanNumber() {
        let start = position
        while true {
            while Self.isDigit(at(position)) { position += 1 }
            guard let next = at(position), Self.isDigit(at(position + 1)),
                  next == "," || next == "." || next == "/" || next == ":" || Self.isHyphen(next) else { break }
            position += 1
        }
        var end = position
        while Self.isLetter(at(end)) { end += 1 }
        if end > position, Self.numberSuffixes.contains(slice(position, end).lowercased()) { position = end }
        add(.number, start, position)
    }
}
