import Foundation

/// The people an evidence text may name, with their side, buying role and whether they took part
/// in a call. A plain value: whoever builds the deal's people picture hands it in.
package struct EvidencePeople: Sendable, Hashable, Codable {
    package struct Person: Sendable, Hashable, Codable {
        package var name: String
        package var side: Side
        package var role: BuyingRole?
        /// Took part in a call, not only named.
        package var tookPart: Bool

        package init(name: String, side: Side, role: BuyingRole? = nil, tookPart: Bool) {
            self.name = name
            self.side = side
            self.role = role
            self.tookPart = tookPart
        }
    }

    package let people: [Person]
    /// Each person's name words, and each first or last name with its one owner (nil: shared),
    /// worked out once: a debrief's picture reads every item's evidence.
    private let names: [[String]]
    private let single: [String: Int?]
    /// Every word a mention can start with: most words of a text are none, and a key tells.
    private let starts: WordSet

    private enum CodingKeys: String, CodingKey { case people }

    /// The same people: the rest is worked out from them.
    package static func == (lhs: EvidencePeople, rhs: EvidencePeople) -> Bool { lhs.people == rhs.people }

    package func hash(into hasher: inout Hasher) { hasher.combine(people) }

    package init(_ people: [Person] = []) {
        self.people = people
        let names = people.map { person in
            Self.nameWords(person.name.lowercased()).filter { !Self.honorifics.contains($0) }
        }
        var single: [String: Int?] = [:]
        for (person, words) in names.enumerated() {
            for word in Set([words.first, words.last].compactMap { $0 }) {
                single[word] = single[word] == nil ? person : .some(nil)
            }
        }
        self.names = names
        self.single = single
        starts = WordSet(names.compactMap(\.first) + single.keys)
    }

    package init(from decoder: any Decoder) throws {
        self.init(try decoder.container(keyedBy: CodingKeys.self).decode([Person].self, forKey: .people))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(people, forKey: .people)
    }

    /// A person named in the text: who, and the token indices of the name (without any "'s").
    package struct Mention: Sendable, Hashable {
        package var person: Int
        package var tokens: Range<Int>
    }

    private static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "prof", "sir"]

    /// A name's words: letters, hyphens and apostrophes. ASCII names (most) by their bytes; others
    /// by characters, so that an accent written as a mark of its own stays in its word.
    private static func nameWords(_ name: String) -> [String] {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
            return name.split { !($0.isLetter || $0 == "-" || $0 == "'" || $0 == "’") }.map(String.init)
        }
        return name.utf8.split { !((0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "'")) }
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every mention in `tokens`, by full name, or by a first or last name that only one person has.
    package func mentions(in tokens: [EvidenceToken]) -> [Mention] {
        guard !people.isEmpty else { return [] }
        var found: [Mention] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind == .word, starts.contains(tokens[index].word, key: tokens[index].wordKey) else { index += 1; continue }
            var matched: Mention?
            for (person, words) in names.enumerated() where words.count > 1 && index + words.count <= tokens.count {
                if words.enumerated().allSatisfy({ tokens[index + $0.offset].kind == .word && tokens[index + $0.offset].word == $0.element }) {
                    matched = Mention(person: person, tokens: index..<(index + words.count))
                    break
                }
            }
            if matched == nil, let owner = single[tokens[index].word], let owner {
                matched = Mention(person: owner, tokens: index..<(index + 1))
            }
            if let matched {
                found.append(matched)
                index = matched.tokens.upperBound
            } else {
                index += 1
            }
        }
        return found
    }
}
