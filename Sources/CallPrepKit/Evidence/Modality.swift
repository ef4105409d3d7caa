/// How a clause holds what it says.
package enum ModalityKind: String, Sendable, Hashable, Codable {
    /// Under a condition: "if the pilot works", "unless IT objects".
    case conditional
    /// Hedged: "might", "TBC", "hopefully", "not unwilling".
    case hedged
    /// Meant or promised, not yet done: "will", "plans to", "promised to".
    case intended
    /// A deed done: a past tense, "has sent", "did".
    case done
    /// None of these: a plain statement.
    case stated
}

/// A clause's modality and the words that decided it (each cue a run of adjacent words).
package struct EvidenceModality: Sendable, Hashable, Codable {
    package var kind: ModalityKind
    package var cues: [String]
}

/// Conditions, hedges and intentions against deeds done, clause by clause. The strongest wins:
/// a condition over a hedge over an intention over a deed, so "will probably sign" is hedged and
/// "promised to send it" is intended.
package struct ModalityReader: Sendable {
    package static let conditions = [
        "if", "unless", "provided that", "providing that", "as long as", "assuming", "on condition that",
        "subject to", "depends on", "depending on", "only once", "in case",
    ]

    package static let hedges = [
        "might", "may", "maybe", "possibly", "perhaps", "hopefully", "probably", "likely", "unlikely", "potentially",
        "tbc", "tbd", "to be confirmed", "to be decided", "to be determined", "not confirmed", "unconfirmed",
        "should", "should be", "could", "would", "would like to", "keen to", "open to", "interested in",
        "i think", "i guess", "i believe", "we think", "i would guess", "i would say", "seems", "seemed", "sounds like",
        "in principle", "in theory", "tentatively", "tentative", "pencilled in", "penciled in", "pending",
        "not sure", "unsure", "unclear", "unknown", "no idea", "ideally", "not necessarily", "fingers crossed", "hope", "hopes", "hoping",
        "expect", "expects", "supposed to", "seem", "seems to", "apparently", "kind of", "sort of", "guess", "roughly speaking",
        "not unwilling", "not unlikely", "not opposed", "not against", "not averse", "not impossible",
    ]

    package static let intentions = [
        "will", "shall", "going to", "plans to", "plan to", "planning to", "planned to", "intends to", "intend to",
        "intending to", "promised to", "promised", "promises to", "wants to", "want to", "wanted to", "aims to",
        "aim to", "aiming to", "agreed to", "committed to", "commits to", "offered to", "about to", "set to",
        "is to", "are to", "next step", "next steps", "scheduled", "booked in", "to follow up", "will be",
    ]

    /// Words ending in "-ed" that describe rather than tell a deed ("based on", "interested").
    package static let notDeeds: WordSet = [
        "based", "interested", "concerned", "convinced", "excited", "detailed", "limited", "qualified",
        "unqualified", "dedicated", "related", "advanced", "automated", "required", "supposed", "expected",
        "scheduled", "planned", "proposed", "unconfirmed", "need", "indeed", "proceed", "exceed", "speed",
        "embed", "seed", "feed", "red", "bed", "shed", "used", "biased", "mixed", "tired", "skilled", "fixed",
    ]

    /// Past tenses that do not end in "-ed".
    package static let irregularPasts: WordSet = [
        "did", "had", "went", "came", "saw", "gave", "took", "made", "told", "said", "sent", "met", "paid", "bought",
        "brought", "wrote", "ran", "put", "found", "left", "kept", "held", "began", "chose", "built", "won", "lost",
        "got", "knew", "spoke", "heard", "showed", "shown", "done", "given", "taken", "written", "spent", "set",
        "sat", "stood", "led", "drove", "flew", "felt", "thought", "sold", "understood", "forwarded",
    ]

    private let conditionTable = PhraseTable(conditions)
    private let hedgeTable = PhraseTable(hedges)
    private let intentionTable = PhraseTable(intentions)

    package init() {}

    /// The modality of each clause of `text`, in order.
    package func read(_ text: EvidenceTokens) -> [EvidenceModality] {
        text.clauses.map { read(text.tokens, in: $0.tokens) }
    }

    package func read(_ tokens: [EvidenceToken], in range: Range<Int>) -> EvidenceModality {
        // The cues of each kind, strongest first: conditional, hedged, intended, done.
        let kinds: [ModalityKind] = [.conditional, .hedged, .intended, .done]
        var found: [[PhraseTable.Match]] = [[], [], [], []]
        var index = range.lowerBound
        while index < range.upperBound {
            if let match = conditionTable.match(at: index, in: tokens, before: range.upperBound),
               !isAskedAbout(at: index, tokens, from: range.lowerBound) {
                found[0].append(match)
                index = match.tokens.upperBound
            } else if let match = hedgeTable.match(at: index, in: tokens, before: range.upperBound), !isMonth(at: index, tokens),
                      !isReported(at: index, tokens, from: range.lowerBound) {
                found[1].append(match)
                index = match.tokens.upperBound
            } else if let match = intentionTable.match(at: index, in: tokens, before: range.upperBound) {
                found[2].append(match)
                index = match.tokens.upperBound
            } else {
                if isDeed(at: index, tokens) {
                    found[3].append(PhraseTable.Match(phrase: tokens[index].word, tokens: index..<(index + 1)))
                }
                index += 1
            }
        }
        if let strongest = found.firstIndex(where: { !$0.isEmpty }) {
            return EvidenceModality(kind: kinds[strongest], cues: Self.joined(found[strongest], tokens))
        }
        return EvidenceModality(kind: .stated, cues: [])
    }

    /// A modal inside a reported question or need: "told us what he would need", "asked how they
    /// could", where the clause says what someone wants, not that it is uncertain.
    private func isReported(at index: Int, _ tokens: [EvidenceToken], from start: Int) -> Bool {
        guard ["would", "could", "should", "might"].contains(tokens[index].word) else { return false }
        let before = tokens[max(start, index - 3)..<index].map(\.word)
        return before.contains { ["what", "how", "which", "whatever", "whether"].contains($0) }
    }

    /// A condition someone asked about: "asked what happens if the rule changes".
    private func isAskedAbout(at index: Int, _ tokens: [EvidenceToken], from start: Int) -> Bool {
        let before = tokens[max(start, index - 5)..<index].map(\.word)
        return before.contains { ["asked", "asks", "ask", "wondered", "wanted to know", "happens", "happen"].contains($0) }
    }

    /// "May" the month ("in May", "May 5"), not the hedge.
    private func isMonth(at index: Int, _ tokens: [EvidenceToken]) -> Bool {
        guard tokens[index].word == "may" else { return false }
        let before = index > 0 ? tokens[index - 1].word : ""
        let after = index + 1 < tokens.count ? tokens[index + 1] : nil
        return after?.kind == .number || ["in", "by", "of", "end", "mid", "early", "late", "since", "until", "before", "after"].contains(before)
            || (tokens[index].capitalized && index > 0 && after?.kind != .word)
    }

    /// A past tense: an irregular one, or a word in "-ed" that is not an adjective of the table.
    private func isDeed(at index: Int, _ tokens: [EvidenceToken]) -> Bool {
        // The token read in place (a copy of it cost more than the tests).
        guard tokens[index].kind == .word else { return false }
        let word = tokens[index].word
        if word == "did", index + 1 < tokens.count, tokens[index + 1].word == "not" { return false }
        if Self.irregularPasts.contains(word, key: tokens[index].wordKey) { return true }
        guard word.utf8.count > 4, word.utf8.last == UInt8(ascii: "d"), word.utf8.dropLast().last == UInt8(ascii: "e"),
              !Self.notDeeds.contains(word) else { return false }
        // "to be signed", "will be approved", "being reviewed": not done.
        let before = index > 0 ? tokens[index - 1].word : ""
        return !["be", "being", "get", "to"].contains(before)
    }

    /// The matches' phrases as written, adjacent ones joined: "might" and "possibly" give "might possibly".
    static func joined(_ matches: [PhraseTable.Match], _ tokens: [EvidenceToken]) -> [String] {
        var cues: [String] = []
        var last = -1
        for match in matches {
            let words = tokens[match.tokens].map(\.word).joined(separator: " ")
            if match.tokens.lowerBound == last, let previous = cues.popLast() {
                cues.append(previous + " " + words)
            } else {
                cues.append(words)
            }
            last = match.tokens.upperBound
        }
        return cues
    }
}
