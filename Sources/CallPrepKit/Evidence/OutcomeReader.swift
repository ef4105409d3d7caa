/// Outcome alternatives: two or more outcomes laid out ("we sign or we part ways", "yes or no",
/// "either way"), and whether one of them is a no. A "no" alone counts only as an answer
/// ("a clear no", "say no", "yes or no"), not as the "no" of "no budget".
package struct OutcomeReader: Sendable {
    package static let noOutcomes = [
        "no-go", "no go", "stop", "stops", "no fit", "not a fit", "no deal", "part ways", "parting ways", "walk away",
        "walks away", "call it a day", "calls it a day", "drop it", "pull the plug", "close it out", "kill it",
        "not proceed", "not go ahead", "not move forward", "stand down", "step back", "bow out", "disqualify",
        "disqualified", "closed lost", "close lost", "no decision", "not buy", "not sign", "say no", "says no", "a no",
        "clear no", "firm no", "no is", "not a match", "no match", "leave it there", "leave it", "not worth",
        "close the file", "a pass", "park it", "shelve it", "end it there", "stop there", "drop the idea", "non-starter", "nonstarter", "deal-breaker", "dead end",
        "not for us", "not for them", "not for her", "not for him", "not right for us", "not right for them",
    ]
    package static let yesOutcomes = [
        "go ahead", "goes ahead", "proceed", "move forward", "sign", "signs", "buy", "buys", "continue", "green light",
        "commit", "commits", "fund", "funds", "approve", "approves", "next stage", "carry on", "expand", "roll out",
        "say yes", "says yes", "go live", "pilot",
    ]
    package static let both = ["either way", "one way or the other", "whichever way", "yes or no", "go/no-go", "go or no-go", "go-no-go"]

    private let no = PhraseTable(noOutcomes)
    private let yes = PhraseTable(yesOutcomes)
    private let either = PhraseTable(both)

    package init() {}

    /// "No" as a noun, an answer: an article a word or two before it and no word after it ("a polite
    /// no", "the honest no."). It negates nothing, and it is an outcome.
    package static func isNoAnswer(at index: Int, in tokens: [EvidenceToken]) -> Bool {
        guard tokens[index].word == "no", index + 1 == tokens.count || tokens[index + 1].kind != .word else { return false }
        return (max(0, index - 2)..<index).contains { ["a", "an", "the"].contains(tokens[$0].word) }
            && (max(0, index - 2)..<index).allSatisfy { tokens[$0].kind == .word }
    }

    package func read(_ text: EvidenceTokens, negation: NegationReading) -> OutcomeAlternatives? {
        let tokens = text.tokens
        var outcomes: [String] = []
        var includesNo = false
        var index = 0
        while index < tokens.count {
            if Self.isNoAnswer(at: index, in: tokens) {
                outcomes.append("a no")
                includesNo = true
                index += 1
            } else if let match = either.match(at: index, in: tokens) {
                outcomes.append(match.phrase)
                includesNo = includesNo || match.phrase != "either way" && match.phrase != "whichever way" && match.phrase != "one way or the other"
                index = match.tokens.upperBound
            } else if let match = no.match(at: index, in: tokens) {
                outcomes.append(match.phrase)
                includesNo = true
                index = match.tokens.upperBound
            } else if let match = yes.match(at: index, in: tokens) {
                // A yes under a negation ("will not sign") is a no.
                let negated = negation.isNegated(match.tokens.lowerBound)
                outcomes.append(negated ? "not " + match.phrase : match.phrase)
                includesNo = includesNo || negated
                index = match.tokens.upperBound
            } else {
                index += 1
            }
        }
        let distinct = Set(outcomes)
        guard distinct.count >= 2 || outcomes.contains(where: { Self.both.contains($0) }) else { return nil }
        return OutcomeAlternatives(outcomes: outcomes, includesNo: includesNo)
    }
}
