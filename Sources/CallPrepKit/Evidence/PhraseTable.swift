/// A table of phrases of one or more words, matched against tokens by word or by stem, longest
/// first. Built once per reader; a match costs a dictionary look-up per token.
package struct PhraseTable: Sendable {
    /// A phrase found: the table's own spelling and the token indices it covers.
    package struct Match: Sendable, Hashable {
        package var phrase: String
        package var tokens: Range<Int>
    }

    private let byFirst: [String: [(key: [String], phrase: String)]]
    private let stems: Bool

    /// `phrases` as written in the table ("to be confirmed"); with a `stemmer`, each word is matched
    /// by its stem, so "benchmark" also finds "benchmarks" and "benchmarking".
    package init(_ phrases: [String], stemmer: Stemmer? = nil) {
        var byFirst: [String: [(key: [String], phrase: String)]] = [:]
        for phrase in phrases {
            let words = phrase.split(separator: " ").map { word in stemmer.map { $0.stem(String(word)) } ?? String(word) }
            guard let first = words.first else { continue }
            byFirst[first, default: []].append((words, phrase))
        }
        self.byFirst = byFirst.mapValues { $0.sorted { $0.key.count > $1.key.count } }
        stems = stemmer != nil
    }

    /// The longest phrase that starts at `index` and ends before `end`; only word tokens match.
    package func match(at index: Int, in tokens: [EvidenceToken], before end: Int? = nil) -> Match? {
        let end = min(end ?? tokens.count, tokens.count)
        guard index < end, tokens[index].kind == .word, let candidates = byFirst[key(tokens[index])] else { return nil }
        for candidate in candidates where index + candidate.key.count <= end {
            var matches = true
            for (offset, word) in candidate.key.enumerated().dropFirst() {
                let token = tokens[index + offset]
                if token.kind != .word || key(token) != word { matches = false; break }
            }
            if matches { return Match(phrase: candidate.phrase, tokens: index..<(index + candidate.key.count)) }
        }
        return nil
    }

    /// Every match in `range`, left to right, without overlaps.
    package func matches(in range: Range<Int>, of tokens: [EvidenceToken]) -> [Match] {
        var found: [Match] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if let match = match(at: index, in: tokens, before: range.upperBound) {
                found.append(match)
                index = match.tokens.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// Whether a one-word phrase has this key (its stem, for a table matched by stem).
    package func contains(key: String) -> Bool {
        byFirst[key]?.contains { $0.key.count == 1 } == true
    }

    package func contains(_ token: EvidenceToken) -> Bool {
        token.kind == .word && byFirst[key(token)]?.contains { $0.key.count == 1 } == true
    }

    private func key(_ token: EvidenceToken) -> String { stems ? token.stem : token.word }
}
