/// What one negation trigger covers.
package struct NegationScope: Sendable, Hashable, Codable {
    /// The trigger as the table spells it ("not", "ruled out").
    package var trigger: String
    /// Token indices of the trigger, and of the words it negates.
    package var triggerTokens: Range<Int>
    package var scope: Range<Int>
}

/// The negations of a text: each scope, and for each token the scope that negates it.
package struct NegationReading: Sendable, Hashable {
    package var scopes: [NegationScope]
    /// For each token, the index in `scopes` of the scope that covers it, if any.
    package var scopeOfToken: [Int?]
    /// Phrases that look like negations and negate nothing ("not only", "no doubt", "not unwilling").
    package var pseudo: [PhraseTable.Match]

    package func isNegated(_ token: Int) -> Bool { scopeOfToken[token] != nil }
    package func trigger(of token: Int) -> String? { scopeOfToken[token].map { scopes[$0].trigger } }
}

/// NegEx-style negation: triggers before a phrase ("not", "never", "without") and after it
/// ("ruled out", "fell through"), pseudo-triggers that negate nothing, and a scope that ends at
/// the clause's end, at a comma, or after `window` tokens. A pre-trigger with nothing after it in
/// its clause looks back instead ("demo booked? not yet").
package struct NegationReader: Sendable {
    package static let preTriggers = [
        "no", "not", "never", "without", "nothing", "none", "nobody", "neither", "nor", "no one", "no longer",
        "lack of", "lacks", "lacking", "absent", "hardly", "barely", "unable to", "failed to", "refuse to",
        "refused to", "not yet",
    ]

    /// After the words they negate ("the pilot was ruled out").
    package static let postTriggers = [
        "ruled out", "was ruled out", "fell through", "was rejected", "was turned down", "was declined",
        "was cancelled", "was canceled", "cancelled", "canceled", "off the table", "did not happen",
        "never happened", "not happening", "is off",
    ]

    /// Post-triggers said of a thing kept shut ("the deck stayed closed").
    package static let keptShut = ["stayed closed", "stayed shut", "remained closed", "stayed unopened", "stayed in the bag",
                                   "never came out", "stayed hidden"]

    /// Post-triggers that are verbs: with words after them they negate those instead ("declined the demo").
    package static let verbTriggers = ["declined", "rejected", "refused", "turned down", "ruled out", "vetoed"]

    /// Look like triggers, negate nothing.
    package static let pseudoTriggers = [
        "not only", "not just", "not least", "not to mention", "no doubt", "without doubt", "without a doubt",
        "no question", "no later than", "no sooner", "no matter", "nothing but", "no problem", "no problems",
        "no issue", "no issues", "not a problem", "without fail", "never mind", "if not", "or not", "whether or not",
        "not sure", "not necessarily", "yes or no", "or no", "no more than", "not more than", "no less than", "not less than",
        // "no" as an answer, a noun: "glad to get a no", "say no", "no is fine".
        "a no", "a clear no", "a firm no", "a hard no", "say no", "says no", "said no", "saying no", "no is",
    ]

    /// Two negatives that make a (guarded) yes: pseudo for negation, a hedge for `ModalityReader`.
    package static let doubleNegatives = [
        "not unwilling", "not unlikely", "not opposed", "not against", "not impossible", "not averse",
        "not uninterested", "not unreasonable", "not unhappy", "not without", "not unhelpful", "never not",
    ]

    /// Subjects that start a new clause and end a scope: "we", "they", "she", "he", "I".
    package static let subjects: WordSet = ["we", "they", "she", "he", "i"]

    /// Marks that end a scope early.
    package static let scopeStops: WordSet = [",", "(", ")", "\"", "-"]

    package let window: Int
    private let pre = PhraseTable(preTriggers)
    private let post = PhraseTable(postTriggers + keptShut)
    private let verbs = PhraseTable(verbTriggers)
    private let pseudo = PhraseTable(pseudoTriggers + doubleNegatives)

    package init(window: Int = 6) { self.window = max(window, 1) }

    package func read(_ text: EvidenceTokens) -> NegationReading {
        let tokens = text.tokens
        var reading = NegationReading(scopes: [], scopeOfToken: Array(repeating: nil, count: tokens.count), pseudo: [])
        for clause in text.clauses {
            var index = clause.tokens.lowerBound
            while index < clause.tokens.upperBound {
                let end = clause.tokens.upperBound
                if let match = pseudo.match(at: index, in: tokens, before: end) {
                    reading.pseudo.append(match)
                    index = match.tokens.upperBound
                } else if let match = verbs.match(at: index, in: tokens, before: end), wordFollows(match.tokens.upperBound, end, tokens) {
                    add(match, scope: forward(from: match.tokens.upperBound, to: end, tokens), to: &reading)
                    index = match.tokens.upperBound
                } else if let match = post.match(at: index, in: tokens, before: end) ?? verbs.match(at: index, in: tokens, before: end) {
                    add(match, scope: backward(from: match.tokens.lowerBound, to: clause.tokens.lowerBound, tokens), to: &reading)
                    index = match.tokens.upperBound
                } else if OutcomeReader.isNoAnswer(at: index, in: tokens) {
                    index += 1
                } else if let match = pre.match(at: index, in: tokens, before: end) {
                    // A trigger with nothing after it looks back: "signed off? not yet".
                    // In a condition, a new subject starts the main clause: "if the figures don't
                    // add up we stop" negates "add up", not "we stop".
                    let conditional = (clause.tokens.lowerBound..<match.tokens.lowerBound)
                        .contains { ["if", "unless", "otherwise", "should"].contains(tokens[$0].word) }
                    let after = forward(from: match.tokens.upperBound, to: end, tokens, endsAtSubject: conditional)
                    add(match, scope: after.isEmpty ? backward(from: match.tokens.lowerBound, to: clause.tokens.lowerBound, tokens) : after,
                        to: &reading)
                    index = match.tokens.upperBound
                } else {
                    index += 1
                }
            }
        }
        return reading
    }

    private func add(_ match: PhraseTable.Match, scope: Range<Int>, to reading: inout NegationReading) {
        guard !scope.isEmpty else { return }
        reading.scopes.append(NegationScope(trigger: match.phrase, triggerTokens: match.tokens, scope: scope))
        for token in scope where reading.scopeOfToken[token] == nil { reading.scopeOfToken[token] = reading.scopes.count - 1 }
    }

    private func wordFollows(_ index: Int, _ end: Int, _ tokens: [EvidenceToken]) -> Bool {
        index < end && tokens[index].kind != .punctuation
    }

    /// From `start` on, up to `window` tokens, stopping at a stop mark or the clause's end.
    private func forward(from start: Int, to end: Int, _ tokens: [EvidenceToken], endsAtSubject: Bool = false) -> Range<Int> {
        var stop = start
        while stop < end, stop - start < window, !isStop(tokens[stop]),
              !(endsAtSubject && stop - start >= 2 && Self.subjects.contains(tokens[stop])) { stop += 1 }
        return start..<stop
    }

    /// Back from `end`, up to `window` tokens, stopping at a stop mark or the clause's start.
    private func backward(from end: Int, to start: Int, _ tokens: [EvidenceToken]) -> Range<Int> {
        var first = end
        while first > start, end - first < window, !isStop(tokens[first - 1]) { first -= 1 }
        return first..<end
    }

    private func isStop(_ token: EvidenceToken) -> Bool {
        token.kind == .punctuation && Self.scopeStops.contains(token)
    }
}
