import Foundation

/// Contractions and shorthand spelled out, so that every reader meets "did not" however it was
/// written. "'d" is "had" before a past participle and "would" otherwise; "'s" is "is" after a
/// pronoun, "has" before a past participle, "is" before a word that describes a state ("on",
/// "keen", "not"), and a possessive otherwise ("Sam's count").
enum Contractions {
    /// Whole words that stand for several.
    static let whole: WordMap<[String]> = [
        "won't": ["will", "not"], "can't": ["can", "not"], "cannot": ["can", "not"], "shan't": ["shall", "not"],
        "ain't": ["is", "not"], "let's": ["let", "us"], "gonna": ["going", "to"], "wanna": ["want", "to"],
        "gotta": ["got", "to"], "dunno": ["do", "not", "know"], "y'all": ["you", "all"],
    ]

    /// Endings after the apostrophe, and what they stand for ("'s" and "'d" are decided by context).
    static let endings: WordMap<String> = ["re": "are", "ll": "will", "ve": "have", "m": "am"]

    /// Words before which "'s" reads "is": pronouns and the like.
    static let pronouns: WordSet = [
        "it", "that", "what", "there", "here", "he", "she", "who", "where", "how", "when", "why", "this",
        "everything", "nothing", "something", "someone", "everyone", "nobody", "one",
    ]

    /// Who "'d" follows as "had" or "would": "she'd", "they'd", "it'd", and names.
    static let subjects: WordSet = [
        "i", "you", "he", "she", "it", "we", "they", "that", "who", "there", "what", "where", "how", "this", "which",
        "someone", "everyone", "nobody", "somebody", "everybody",
    ]

    /// Words after a name's "'s" that make it "is": "Kim's on board", "Kim's keen", "Kim's not".
    static let stateWords: WordSet = [
        "not", "on", "in", "at", "out", "off", "up", "down", "away", "back", "still", "also", "already", "now", "very",
        "really", "fine", "ok", "okay", "onboard", "available", "keen", "happy", "open", "ready", "going", "leaving",
        "moving", "looking", "interested", "aware", "confident", "sure", "unsure", "worried", "concerned", "excited",
        "convinced", "likely", "unlikely", "willing", "unwilling", "against", "behind", "able", "unable", "never",
        "just", "probably", "definitely", "a", "an", "the", "our", "their", "fully", "totally", "quite", "pretty",
        "responsible", "new", "too", "all", "bought", "sold", "clear",
    ]

    /// Past participles that do not end in "-ed".
    static let participles: WordSet = [
        "been", "had", "done", "gone", "seen", "got", "gotten", "made", "taken", "given", "sent", "told", "met",
        "spoken", "heard", "known", "shown", "put", "paid", "said", "brought", "bought", "run", "set", "written",
        "found", "left", "kept", "held", "begun", "chosen", "agreed", "read", "built", "signed", "won", "lost",
    ]

    static func isParticiple(_ word: String) -> Bool {
        participles.contains(word) || (word.count > 4 && word.hasSuffix("ed") && !["need", "indeed", "proceed", "exceed", "embed", "speed"].contains(word))
    }

    /// Whether a word token may stand for several words: an apostrophe in it, or a whole word of
    /// the table. Most texts have none, and keep their tokens as they are.
    private static func mayExpand(_ token: EvidenceToken) -> Bool {
        token.kind == .word && (token.word.hasByte(0x27) || token.word.hasByte(0xE2) || whole[token.word, key: token.wordKey] != nil)
    }

    static func resolve(_ tokens: [EvidenceToken]) -> [EvidenceToken] {
        guard tokens.indices.contains(where: { mayExpand(tokens[$0]) }) else { return tokens }
        var out: [EvidenceToken] = []
        out.reserveCapacity(tokens.count + tokens.count / 8)
        for (index, token) in tokens.enumerated() {
            guard token.kind == .word else { out.append(token); continue }
            // A typographic apostrophe as the plain one; most words have none (a byte test first).
            let word = token.word.hasByte(0xE2) ? token.word.replacingOccurrences(of: "’", with: "'") : token.word
            if !word.hasByte(0x27), whole[word, key: token.wordKey] == nil { out.append(token); continue }
            func spell(_ words: [String]) {
                for (place, part) in words.enumerated() {
                    var copy = token
                    copy.word = part
                    copy.stem = part
                    if place > 0 { copy.capitalized = false; copy.startsLine = false }
                    out.append(copy)
                }
            }
            if let words = whole[word] { spell(words); continue }
            guard let apostrophe = word.lastIndex(of: "'") else { out.append(token); continue }
            let base = String(word[..<apostrophe])
            let ending = String(word[word.index(after: apostrophe)...])
            let next = nextWord(after: index, in: tokens)
            if ending == "t", base.hasSuffix("n"), base.count > 1 {
                spell([String(base.dropLast()), "not"])
            } else if let full = endings[ending] {
                spell([base, full])
            } else if ending == "d", !token.capitalized, !subjects.contains(base) {
                // "cc'd", "OK'd", "x'd": a past tense written with an apostrophe, one word.
                var copy = token
                copy.word = base + "ed"
                copy.stem = copy.word
                out.append(copy)
            } else if ending == "d" {
                // Past adverbs to the verb: "she'd already signed" is "had".
                var ahead = index + 1
                while ahead < tokens.count, ["already", "just", "never", "also", "all", "not", "both", "even", "only", "really", "ever"].contains(tokens[ahead].word) { ahead += 1 }
                let verb = nextWord(after: ahead - 1, in: tokens)
                spell([base, verb.map { $0 == "better" || isParticiple($0) } == true ? "had" : "would"])
            } else if ending == "s" {
                if pronouns.contains(base) {
                    spell([base, "is"])
                } else if let next, isParticiple(next), !["read", "set", "put", "run"].contains(next) {
                    spell([base, "has"])
                } else if let next, stateWords.contains(next) {
                    spell([base, "is"])
                } else {
                    // The possessive: the name, then a mark of its own over the "'s".
                    var name = token
                    let split = token.range.lowerBound + base.count
                    name.text = String(token.text.prefix(base.count))
                    name.word = base
                    name.stem = base
                    name.range = token.range.lowerBound..<split
                    out.append(name)
                    out.append(EvidenceToken(text: String(token.text.suffix(2)), word: "'s", kind: .possessive,
                                             range: split..<token.range.upperBound, capitalized: false, stem: "'s"))
                }
            } else {
                out.append(token)
            }
        }
        return out
    }

    /// The lower-cased word of the next word token, if a word comes next.
    static func nextWord(after index: Int, in tokens: [EvidenceToken]) -> String? {
        let next = index + 1
        guard next < tokens.count, tokens[next].kind == .word else { return nil }
        return tokens[next].word.replacingOccurrences(of: "’", with: "'")
    }
}
