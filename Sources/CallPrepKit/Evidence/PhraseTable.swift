/// A table of phrases of one or more words, matched against tokens by word or by stem, longest
/// first. Built once per reader; a match looks the token's key up in an open-addressed table (no
/// string is hashed) and compares words only where the keys agree.
package struct PhraseTable: Sendable {
    /// A phrase found: the table's own spelling and the token indices it covers.
    package struct Match: Sendable, Hashable {
        package var phrase: String
        package var tokens: Range<Int>
    }

    private struct Candidate: Sendable {
        var keys: [WordKey]
        var words: [String]
        var phrase: String
    }

    /// The phrases by their first word, longest first; `slots` finds a first word's group, and
    /// `firstWords` tells it from another word with the same key.
    private let groups: [[Candidate]]
    private let firstWords: [String]
    private let slots: KeySlots
    private let stems: Bool

    /// `phrases` as written in the table ("to be confirmed"); with a `stemmer`, each word is matched
    /// by its stem, so "benchmark" also finds "benchmarks" and "benchmarking".
    package init(_ phrases: [String], stemmer: Stemmer? = nil) {
        var groups: [[Candidate]] = []
        var firstWords: [String] = []
        var groupOfFirst: [String: Int] = [:]
        for phrase in phrases {
            let words = phrase.split(separator: " ").map { word in stemmer.map { $0.stem(String(word)) } ?? String(word) }
            guard let first = words.first else { continue }
            let group = groupOfFirst[first] ?? {
                groups.append([])
                firstWords.append(first)
                groupOfFirst[first] = groups.count - 1
                return groups.count - 1
            }()
            groups[group].append(Candidate(keys: words.map(WordKey.init), words: words, phrase: phrase))
        }
        self.groups = groups.map { $0.sorted { $0.keys.count > $1.keys.count } }
        self.firstWords = firstWords
        slots = KeySlots(firstWords.map(WordKey.init))
        stems = stemmer != nil
    }

    /// The group of phrases whose first word is `word`, with key `key`.
    private func group(_ key: WordKey, _ word: String) -> [Candidate]? {
        guard let index = slots.find(key), firstWords[index] == word else { return nil }
        return groups[index]
    }

    /// The longest phrase that starts at `index` and ends before `end`; only word tokens match.
    package func match(at index: Int, in tokens: [EvidenceToken], before end: Int? = nil) -> Match? {
        let end = min(end ?? tokens.count, tokens.count)
        guard index < end, tokens[index].kind == .word else { return nil }
        // The token read in place: a copy of it costs more than the look-up.
        guard let candidates = stems ? group(tokens[index].stemKey, tokens[index].stem) : group(tokens[index].wordKey, tokens[index].word)
        else { return nil }
        for candidate in candidates where index + candidate.keys.count <= end {
            var matches = true
            for offset in candidate.keys.indices.dropFirst() {
                let token = index + offset
                if tokens[token].kind != .word || (stems ? tokens[token].stemKey : tokens[token].wordKey) != candidate.keys[offset]
                    || (stems ? tokens[token].stem : tokens[token].word) != candidate.words[offset] {
                    matches = false
                    break
                }
            }
            if matches { return Match(phrase: candidate.phrase, tokens: index..<(index + candidate.keys.count)) }
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
        group(WordKey(key), key)?.contains { $0.keys.count == 1 } == true
    }

    package func contains(_ token: EvidenceToken) -> Bool {
        guard token.kind == .word else { return false }
        let found = stems ? group(token.stemKey, token.stem) : group(token.wordKey, token.word)
        return found?.contains { $0.keys.count == 1 } == true
    }
}

/// An open-addressed index of distinct keys: `find` gives a key's position in the array it was
/// built from, with a probe or two and no hashing. Each slot holds its key beside the position,
/// so that a probe reads one place in memory; before it, 256 bits kept in the value itself (one
/// per key's bit pattern) turn away most keys that are not there, the common case, without
/// reading memory at all.
struct KeySlots: Sendable {
    private struct Slot: Sendable {
        var key: UInt64
        /// -1: empty.
        var position: Int32
    }

    private let slots: [Slot]
    private let mask: Int
    private let seen: (UInt64, UInt64, UInt64, UInt64)

    /// Which of the 256 bits `key` sets: its word of four, and the bit in it.
    private static func bit(_ key: WordKey) -> (word: Int, bit: UInt64) {
        let bit = Int(truncatingIfNeeded: (key.value >> 40) & 255)
        return (bit >> 6, 1 << UInt64(bit & 63))
    }

    init(_ keys: [WordKey]) {
        var size = 8
        while size < keys.count * 2 { size *= 2 }
        var slots = [Slot](repeating: Slot(key: 0, position: -1), count: size)
        for (position, key) in keys.enumerated() {
            var slot = Self.start(key, size - 1)
            while slots[slot].position >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Slot(key: key.value, position: Int32(position))
        }
        self.slots = slots
        mask = size - 1
        var seen: [UInt64] = [0, 0, 0, 0]
        for key in keys {
            let (word, bit) = Self.bit(key)
            seen[word] |= bit
        }
        self.seen = (seen[0], seen[1], seen[2], seen[3])
    }

    private static func start(_ key: WordKey, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key.value ^ (key.value >> 29)) & UInt64(mask))
    }

    func find(_ key: WordKey) -> Int? {
        let (word, bit) = Self.bit(key)
        let bits = word == 0 ? seen.0 : word == 1 ? seen.1 : word == 2 ? seen.2 : seen.3
        guard bits & bit != 0 else { return nil }
        var slot = Self.start(key, mask)
        while true {
            let entry = slots[slot]
            if entry.position < 0 { return nil }
            if entry.key == key.value { return Int(entry.position) }
            slot = (slot + 1) & mask
        }
    }
}

/// Single words looked up by a token's key, for the readers' hot paths (a `Set<String>` hashes
/// the word on every look-up).
package struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let words: [String]
    private let slots: KeySlots

    package init(_ words: some Sequence<String>) {
        let words = Array(Set(words)).sorted()
        self.words = words
        slots = KeySlots(words.map(WordKey.init))
    }

    package init(arrayLiteral words: String...) { self.init(words) }

    /// Whether `word`, with key `key` (a token's `wordKey`), is in the set.
    package func contains(_ word: String, key: WordKey) -> Bool {
        guard let index = slots.find(key) else { return false }
        return words[index] == word
    }

    package func contains(_ word: String) -> Bool { contains(word, key: WordKey(word)) }

    /// Whether the token's word is in the set.
    package func contains(_ token: EvidenceToken) -> Bool { contains(token.word, key: token.wordKey) }
}

/// Single words with a value each, looked up as `WordSet` looks words up.
package struct WordMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    private let words: [String]
    private let values: [Value]
    private let slots: KeySlots

    package init(_ pairs: [(String, Value)]) {
        var seen: Set<String> = []
        let pairs = pairs.filter { seen.insert($0.0).inserted }
        words = pairs.map(\.0)
        values = pairs.map(\.1)
        slots = KeySlots(words.map(WordKey.init))
    }

    package init(dictionaryLiteral pairs: (String, Value)...) { self.init(pairs) }

    package subscript(_ word: String, key key: WordKey) -> Value? {
        guard let index = slots.find(key), words[index] == word else { return nil }
        return values[index]
    }

    package subscript(_ word: String) -> Value? { self[word, key: WordKey(word)] }

    /// The value of the token's word.
    package subscript(_ token: EvidenceToken) -> Value? { self[token.word, key: token.wordKey] }
}
