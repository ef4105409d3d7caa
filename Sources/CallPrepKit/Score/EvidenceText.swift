import Foundation

/// Evidence as a coach reads it: sentence by sentence, word by word, in lower case with accents
/// folded and contractions kept whole ("didn't" stays one word), so that a phrase can be found
/// together with whatever negates it.
struct EvidenceText {
    let original: String
    /// The words of each sentence.
    let sentences: [[String]]

    /// Every word, in order.
    let words: [String]

    init(_ text: String) {
        original = text
        sentences = Self.sentences(of: Self.folded(Self.joiningLists(text)))
        words = sentences.flatMap { $0 }
    }

    /// Whether a phrase of `phrases` occurs with no negation before it in its sentence: "no demo"
    /// and "we did not show the slides" do not mention presenting; "we showed the demo" does.
    func mentions(_ phrases: PhraseSet, unlessNegatedBy negations: PhraseSet? = nil) -> Bool {
        for sentence in sentences {
            var negated = false
            for start in sentence.indices {
                if !negated, phrases.starts(sentence, at: start) { return true }
                if let negations, negations.starts(sentence, at: start) { negated = true }
            }
        }
        return false
    }

    /// A phrase as the words it is matched by.
    static func phraseWords(_ phrase: String) -> [String] {
        sentences(of: folded(phrase)).flatMap { $0 }
    }

    /// A list under a line that ends with a colon, as one sentence with that line, so that
    /// "Things I held back:" covers the items below it.
    static func joiningLists(_ text: String) -> String {
        guard text.utf8.contains(0x3A), text.utf8.contains(0x0A) else { return text }
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

    /// Lower case, accents removed (`accentFolded`), typographic apostrophes as `'`.
    static func folded(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? text.lowercased() : accentFolded(text.replacingOccurrences(of: "\u{2019}", with: "'"))
    }

    /// Sentences end at `.`, `;`, `!`, `?` and line breaks (a `.` between digits is a decimal
    /// point); words are runs of letters and digits, with `'` and `-` inside them; currency signs
    /// and `%` are words of their own.
    private static func sentences(of text: String) -> [[String]] {
        var sentences: [[String]] = []
        var sentence: [String] = []
        // A word's UTF-8 bytes, made a String once it ends: appending scalars to a String one at a
        // time was the slow part of splitting (BENCHMARKS.md).
        var word: [UInt8] = []
        word.reserveCapacity(32)
        let scalars = Array(text.unicodeScalars)
        func endWord() {
            while let last = word.last, last == 0x27 || last == 0x2D { word.removeLast() }
            if !word.isEmpty { sentence.append(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
        }
        func endSentence() {
            endWord()
            if !sentence.isEmpty { sentences.append(sentence) }
            sentence = []
        }
        func append(_ scalar: Unicode.Scalar) {
            if scalar.isASCII { word.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { word.append($0) } }
        }
        for (index, scalar) in scalars.enumerated() {
            if ScalarClass.letterOrDigit(scalar) {
                append(scalar)
                continue
            }
            let value = scalar.value
            let betweenDigits = index + 1 < scalars.count && ScalarClass.asciiDigit(scalars[index + 1])
                && word.last.map { (0x30...0x39).contains($0) } == true
            switch value {
            // (`case a, b where c` would test c for b alone.)
            case _ where (value == 0x27 || value == 0x2D) && !word.isEmpty:  // ' and - inside a word
                append(scalar)
            case _ where (value == 0x2E || value == 0x2C) && betweenDigits:  // . and , between digits: 1,200 and 2.5
                append(scalar)
            case 0x2E, 0x3B, 0x21, 0x3F, 0x0A, 0x0D:  // . ; ! ? and line breaks end a sentence
                endSentence()
            case 0x25, 0x24, 0xA3, 0xA5, 0x20AC:  // % $ £ ¥ € are words of their own
                endWord()
                sentence.append(String(scalar))
            default:
                endWord()
            }
        }
        endSentence()
        return sentences
    }
}

/// A word list made ready for matching: each phrase as its words, found by its first word, so
/// that looking for every phrase of a list costs one look-up per word of the text.
struct PhraseSet: Sendable {
    private let byFirstWord: [String: [[String]]]
    /// The letters each phrase starts with, up to its first non-letter: what `mayOccur` looks for.
    private let stemsByFirstByte: [[[UInt8]]]

    init(_ phrases: [String]) {
        var byFirstWord: [String: [[String]]] = [:]
        for phrase in phrases {
            let words = EvidenceText.phraseWords(phrase)
            if let first = words.first { byFirstWord[first, default: []].append(words) }
        }
        self.byFirstWord = byFirstWord
        // A stem that holds another ("demoed" holds "demo") is found by the shorter one.
        let all = Set(byFirstWord.keys.compactMap { normalized($0).split(separator: " ").first.map(String.init) })
        var byFirstByte = [[[UInt8]]](repeating: [], count: 256)
        for stem in all.filter({ stem in !all.contains { $0 != stem && stem.includes($0) } }).sorted() {
            let bytes = Array(stem.utf8)
            if let first = bytes.first { byFirstByte[Int(first)].append(bytes) }
        }
        stemsByFirstByte = byFirstByte
    }

    /// Whether a phrase may occur in text that `normalized` folded: a byte search that turns most
    /// text away before it is split into sentences and words (the slow part, measured in
    /// BENCHMARKS.md).
    func mayOccur(inNormalized text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { haystack in
            for start in haystack.indices {
                for stem in stemsByFirstByte[Int(haystack[start])]
                where start + stem.count <= haystack.count && stem.indices.allSatisfy({ haystack[start + $0] == stem[$0] }) {
                    return true
                }
            }
            return false
        } ?? true
    }

    /// Whether a phrase starts at `start` in `sentence`.
    func starts(_ sentence: [String], at start: Int) -> Bool {
        guard let candidates = byFirstWord[sentence[start]] else { return false }
        return candidates.contains { phrase in
            start + phrase.count <= sentence.count
                && phrase.indices.allSatisfy { phrase[$0] == sentence[start + $0] }
        }
    }
}

/// A process's word lists, each made ready for matching once: as phrases of folded words for the
/// checks, and by stem for the evidence judge ("benchmark" finds "benchmarks").
final class CompiledWordLists: Sendable {
    private let sets: [WordList: PhraseSet]
    private let stems: [WordList: PhraseTable]
    /// What makes presenting words not presenting done when just before them: requests,
    /// intentions, asking ("asked for a demo", "will send pricing").
    let notPresentingStems: PhraseTable
    /// An outcome that is a no ("part ways", "no fit", "say no"): the refusals list and the reader's.
    let noOutcomes: PhraseTable
    /// A written plan: "brief", "call plan".
    let writtenPlan: PhraseTable
    /// A condition: "if", "must", "needs", "provided that".
    let conditions: PhraseTable
    /// Jobs and teams on the customer's side: "CFO", "procurement", "the board".
    let jobs: PhraseTable
    /// Taking part in a call: "joined", "dialled in", "attended".
    let joining: PhraseTable

    init(_ words: WordLists, reader: EvidenceReader) {
        sets = Dictionary(uniqueKeysWithValues: WordList.allCases.map { ($0, PhraseSet(words[$0])) })
        stems = Dictionary(uniqueKeysWithValues: WordList.allCases.map { ($0, reader.table(words[$0])) })
        notPresentingStems = reader.table(words[.requests] + words[.intentions]
            + ["asked for", "asked about", "asked to see", "wants", "want", "wanted", "requested", "asked"])
        noOutcomes = reader.table(words[.refusals] + OutcomeReader.noOutcomes + ["nope", "no thanks", "not interested"])
        writtenPlan = reader.table(["brief", "call plan", "pre-call plan", "written plan", "prep notes", "plan written", "wrote a plan",
                                    "prep doc", "prep sheet", "notebook", "one-pager", "wrote down", "written down"])
        conditions = reader.table(["if", "only if", "must", "must-have", "must-haves", "need", "needs", "require", "requires",
                                   "requirement", "condition", "conditions", "provided", "as long as", "so long as", "criteria",
                                   "on condition", "in return", "in exchange", "as long"])
        jobs = reader.table(["ceo", "cfo", "coo", "cto", "cio", "ciso", "cro", "cmo", "vp", "vice president", "director",
                             "head of", "manager", "procurement", "purchasing", "legal", "finance", "it", "security",
                             "infosec", "board", "committee", "steering group", "exec", "executive", "owner", "buyer",
                             "controller", "treasurer", "chief", "ops lead", "team lead", "evaluation team",
                             "management team", "leadership team", "partner", "founder", "president"])
        joining = reader.table(["joined", "join", "dialled in", "dialed in", "dropped in", "attended", "sat in", "took part",
                                "came to", "was on the call", "were on the call", "met", "hopped on", "jumped on", "showed up",
                                "turned up", "walked us", "presented", "came in", "came along", "stopped by", "called in",
                                "brought", "pulled in", "looped in"])
    }

    subscript(_ list: WordList) -> PhraseSet {
        sets[list] ?? PhraseSet([])
    }

    /// A list matched by stem.
    func stemmed(_ list: WordList) -> PhraseTable {
        stems[list] ?? PhraseTable([])
    }
}

/// What a scalar of evidence is, ASCII answered without looking up Unicode's properties (the slow
/// part of reading text).
enum ScalarClass {
    static func letter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0...0x7F: false
        default: scalar.properties.isAlphabetic
        }
    }

    /// A digit, in any script.
    static func digit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType != nil
    }

    static func letterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        letter(scalar) || digit(scalar)
    }

    static func asciiDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value)
    }
}
