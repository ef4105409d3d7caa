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

    package var people: [Person]

    package init(_ people: [Person] = []) { self.people = people }

    /// A person named in the text: who, and the token indices of the name (without any "'s").
    package struct Mention: Sendable, Hashable {
        package var person: Int
        package var tokens: Range<Int>
    }

    private static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "prof", "sir"]

    /// The words of each person's name, lower-cased, without honorifics.
    private var nameWords: [[String]] {
        people.map { person in
            person.name.lowercased().split { !($0.isLetter || $0 == "-" || $0 == "'" || $0 == "’") }
                .map(String.init).filter { !Self.honorifics.contains($0) }
        }
    }

    /// Every mention in `tokens`, by full name, or by a first or last name that only one person has.
    package func mentions(in tokens: [EvidenceToken]) -> [Mention] {
        guard !people.isEmpty else { return [] }
        let names = nameWords
        var single: [String: Int?] = [:]  // a first or last name, and its one owner (nil: shared)
        for (person, words) in names.enumerated() {
            for word in Set([words.first, words.last].compactMap { $0 }) {
                single[word] = single[word] == nil ? person : .some(nil)
            }
        }
        var found: [Mention] = []
        var index = 0
        while index < tokens.count {
            guard tokens[index].kind == .word else { index += 1; continue }
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
