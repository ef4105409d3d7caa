/// What evidence must contain for one item, and what does not count (DESIGN section 4). Declared
/// per milestone or practice in the process file (`evidence:`, `not:`), judged by `Score/`.
public struct EvidenceRule: Sendable, Hashable, Codable {
    /// Every requirement must hold; each is met by any one of its terms (`date or amount`).
    public var requirements: [[EvidenceTerm]]
    /// Words that do not count as this item's evidence, with the reason shown to the rep.
    public var exclusions: [Exclusion]

    public init(requirements: [[EvidenceTerm]], exclusions: [Exclusion] = []) {
        self.requirements = requirements
        self.exclusions = exclusions
    }

    /// One kind of evidence alone.
    public init(_ kind: EvidenceKind) {
        self.init(requirements: [[EvidenceTerm(kind)]])
    }

    /// "Evidence that does not count": the words of one list, unless the evidence also holds one of
    /// `unless` (a feeling next to a dated event is fine; a feeling alone is not).
    public struct Exclusion: Sendable, Hashable, Codable {
        public var words: WordList
        public var unless: [EvidenceTerm]
        /// Shown to the rep: why these words do not count, and what would.
        public var because: String

        public init(words: WordList, unless: [EvidenceTerm] = [], because: String) {
            self.words = words
            self.unless = unless
            self.because = because
        }
    }

    /// The first kind asked for: what the form's hint describes.
    public var primaryKind: EvidenceKind { requirements.first?.first?.kind ?? .text }

    /// Whether some requirement can be met by `kind`.
    public func asks(_ kind: EvidenceKind) -> Bool { requirements.contains { $0.contains { $0.kind == kind } } }

    /// The requirements as the process file writes them: `amount theirs and quote`, `date or amount`.
    public var description: String {
        requirements.map { $0.map(\.description).joined(separator: " or ") }.joined(separator: " and ")
    }
}

/// One kind of evidence and what narrows it, as the process file writes it: `amount theirs`,
/// `person decision-maker took-part`, `deed done` (docs/process-file.md).
public struct EvidenceTerm: Sendable, Hashable, Codable, CustomStringConvertible {
    public var kind: EvidenceKind
    /// Said by the customer's side: their quote, their count, their material (`theirs`).
    public var theirs: Bool
    /// Anything but our own words or material: not "we need our module", not our estimate (`not-ours`).
    public var notOurs: Bool = false
    /// Negated words count too: what was held back is the evidence ("the deck stayed closed") (`negated-ok`).
    public var negatedOK: Bool = false
    /// Done, not meant, promised, asked for or hedged (`done`).
    public var done: Bool
    /// A person who took part in a call of the deal, not only named (`took-part`).
    public var tookPart: Bool
    /// A person with this buying role (`decision-maker`, `economic-buyer`, ...).
    public var role: BuyingRole?

    public init(_ kind: EvidenceKind, theirs: Bool = false, done: Bool = false, tookPart: Bool = false, role: BuyingRole? = nil) {
        self.kind = kind
        self.theirs = theirs
        self.done = done
        self.tookPart = tookPart
        self.role = role
    }

    /// The qualifiers a process file may write after a kind, besides a buying role.
    public static let qualifiers = ["theirs", "not-ours", "done", "took-part", "negated-ok"]

    /// `amount theirs`, `person decision-maker took-part`; nil with the word that is not a kind or
    /// a qualifier.
    public static func parse(_ text: String) -> Result<EvidenceTerm, ParseError> {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first, let kind = EvidenceKind(rawValue: first) else {
            return .failure(.unknownKind(words.first ?? ""))
        }
        var term = EvidenceTerm(kind)
        for word in words.dropFirst() {
            switch word {
            case "theirs": term.theirs = true
            case "not-ours": term.notOurs = true
            case "negated-ok": term.negatedOK = true
            case "done": term.done = true
            case "took-part": term.tookPart = true
            default:
                guard let role = BuyingRole(rawValue: word), term.role == nil else { return .failure(.unknownQualifier(word)) }
                term.role = role
            }
        }
        if term.tookPart || term.role != nil, kind != .person, kind != .attendee {
            return .failure(.personOnly(term.tookPart ? "took-part" : term.role?.rawValue ?? "", kind: kind))
        }
        return .success(term)
    }

    public enum ParseError: Error, Sendable, Hashable {
        case unknownKind(String)
        case unknownQualifier(String)
        case personOnly(String, kind: EvidenceKind)
    }

    public var description: String {
        ([kind.rawValue] + (theirs ? ["theirs"] : []) + (notOurs ? ["not-ours"] : []) + (negatedOK ? ["negated-ok"] : []) + (done ? ["done"] : []) + (role.map { [$0.rawValue] } ?? [])
            + (tookPart ? ["took-part"] : [])).joined(separator: " ")
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
    /// Someone on their side by name or by their job: a person, the CFO, procurement, the board.
    case role
    /// A decision taken on their side: decided, approved, signed off, funded, a team named.
    case decision
    /// Both sides' conditions: what they need of us and what we need of them.
    case conditions
    /// Two or more parts: steps in order, criteria, must-haves ("security review; then the exec
    /// board; then Kim signs").
    case list
    /// A written plan before the call, or the prep time the process asks for.
    case preparation
}

/// The word lists the rules and checks use; a process file's `words:` replaces any of them.
public enum WordList: String, Sendable, Codable, CaseIterable, Comparable {
    case feelings, benchmarks, requests, intentions, presenting, negations, events, deeds, decisions, units, currencies,
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
