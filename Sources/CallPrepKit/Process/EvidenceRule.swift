/// What evidence must contain for one item, and what does not count (DESIGN section 4). Declared
/// per milestone or practice in the process file (`evidence:`, `not:`), judged by `Score/`.
public struct EvidenceRule: Sendable, Hashable, Codable {
    /// Every requirement must hold; each is met by any one of its kinds (`date or amount`).
    public var requirements: [[EvidenceKind]]
    /// Words that do not count as this item's evidence, with the reason shown to the rep.
    public var exclusions: [Exclusion]

    public init(requirements: [[EvidenceKind]], exclusions: [Exclusion] = []) {
        self.requirements = requirements
        self.exclusions = exclusions
    }

    /// One kind of evidence alone.
    public init(_ kind: EvidenceKind) {
        self.init(requirements: [[kind]])
    }

    /// "Evidence that does not count": the words of one list, unless the evidence also holds one of
    /// `unless` (a feeling next to a dated event is fine; a feeling alone is not).
    public struct Exclusion: Sendable, Hashable, Codable {
        public var words: WordList
        public var unless: [EvidenceKind]
        /// Shown to the rep: why these words do not count, and what would.
        public var because: String

        public init(words: WordList, unless: [EvidenceKind] = [], because: String) {
            self.words = words
            self.unless = unless
            self.because = because
        }
    }

    /// The first kind asked for: what the form's hint describes.
    public var primaryKind: EvidenceKind { requirements.first?.first ?? .text }

    /// The requirements as the process file writes them: `amount and quote`, `date or amount`.
    public var description: String {
        requirements.map { $0.map(\.rawValue).joined(separator: " or ") }.joined(separator: " and ")
    }
}

/// What counts as evidence that an item was met; a rule combines several.
public enum EvidenceKind: String, Sendable, Codable, CaseIterable {
    /// Words describing what happened (two or more).
    case text
    /// A number.
    case number
    /// An amount: a number with a currency, a unit or a period.
    case amount
    /// A date, or a named event or deadline.
    case date
    /// A person on the customer's side, by name.
    case person
    /// The customer's own words: quoted, or attributed to a named person or to them.
    case quote
    /// The possible outcomes of the call, including that "no" is acceptable.
    case outcomes
    /// A person on the customer's side who took part in a call, not only a name.
    case attendee
    /// Something a person did for the deal (introduced us, shared data, arranged access).
    case deed
    /// A written plan before the call, or the prep time the process asks for.
    case preparation
}

/// The word lists the rules and checks use; a process file's `words:` replaces any of them.
public enum WordList: String, Sendable, Codable, CaseIterable, Comparable {
    case feelings, benchmarks, requests, intentions, presenting, negations, events, deeds, units, currencies,
         attributions, refusals

    public static func < (lhs: WordList, rhs: WordList) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The phrases of every word list, lower case, each one or more words.
public struct WordLists: Sendable, Hashable, Codable {
    public var lists: [WordList: [String]]

    public init(_ lists: [WordList: [String]]) {
        self.lists = lists
    }

    public subscript(_ list: WordList) -> [String] {
        lists[list] ?? []
    }
}
