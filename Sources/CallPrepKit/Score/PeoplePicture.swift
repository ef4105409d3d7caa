/// Who is who on the customer's side of a deal, from everything callprep knows of it: the
/// meeting's attendees, the people met in this debrief and the earlier ones of the opportunity,
/// and the owners of next steps. One picture, used by every rule and check that asks about people.
public struct PeoplePicture: Sendable, Hashable {
    public struct Person: Sendable, Hashable {
        public var name: String
        public var role: BuyingRole?
        /// Took part in a call (an attendee, or in a people-met table), not only named.
        public var tookPart: Bool

        public init(name: String, role: BuyingRole?, tookPart: Bool) {
            self.name = name
            self.role = role
            self.tookPart = tookPart
        }
    }

    public private(set) var people: [Person] = []
    /// Our side: the rep and the colleagues on the invite, so that evidence naming them is ours.
    public private(set) var ours: [String] = []
    /// The picture as the evidence reader takes it: both sides, a name on both counted theirs.
    private(set) var evidencePeople = EvidencePeople()
    /// Each person's name folded for comparing, in the order of `people`.
    private var keys: [String] = []

    /// `attendees` are the meeting file's, when it is known; `earlier`, the people met in earlier
    /// debriefs of the opportunity.
    /// `notes`, the meeting file's: "Kim Lund (COO) is the decision maker" names Kim, not met.
    public init(record: DebriefRecord, attendees: [Attendee] = [], notes: String = "", earlier: [Person] = []) {
        for attendee in attendees where attendee.side == .theirs {
            add(Person(name: attendee.name, role: attendee.buyingRole, tookPart: true))
        }
        ours = (attendees.filter { $0.side == .ours }.map(\.name) + [record.meeting.rep ?? ""]).filter { !$0.isEmpty }
        for person in earlier { add(person) }
        for person in Self.named(inNotes: notes) { add(person) }
        for person in record.people where !person.name.isEmpty {
            add(Person(name: person.name, role: person.role.flatMap(BuyingRole.init(loose:)), tookPart: true))
        }
        if record.nextSteps.contains(where: { $0.owner != nil }) {
            let ours = Set(attendees.filter { $0.side == .ours }.map { normalized($0.name) } + [normalized(record.meeting.rep ?? "")])
            for step in record.nextSteps {
                guard let owner = step.owner, !ours.contains(normalized(owner)) else { continue }
                add(Person(name: owner, role: nil, tookPart: false))
            }
        }
        let theirs = Set(keys)
        evidencePeople = EvidencePeople(people.map { EvidencePeople.Person(name: $0.name, side: .theirs, role: $0.role, tookPart: $0.tookPart) }
            + ours.filter { !theirs.contains(normalized($0)) }.map { EvidencePeople.Person(name: $0, side: .ours, tookPart: true) })
    }

    /// Adds a person, or what is new about one already known (by name, loosely).
    private mutating func add(_ person: Person) {
        let key = normalized(person.name)
        guard !key.isEmpty else { return }
        if let index = keys.firstIndex(of: key) {
            people[index].role = people[index].role ?? person.role
            people[index].tookPart = people[index].tookPart || person.tookPart
        } else {
            people.append(person)
            keys.append(key)
        }
    }

    /// The people notes name: two or more capitalised words, each a name's ("Kim Lund", not "The
    /// CFO"), followed by a title in brackets or in a sentence that gives a buying role ("Kim Lund
    /// (COO) is the decision maker"), with that role. None took part.
    static func named(inNotes notes: String) -> [Person] {
        guard !notes.isEmpty else { return [] }
        var found: [Person] = []
        let roles = BuyingRole.allCases.filter { $0 != .unknown }
        for sentence in notes.split(whereSeparator: { ".;\n".contains($0) }) {
            // A title in brackets ends the name before it: "Kim Lund (Procurement Manager)".
            let words = sentence.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ":" }).flatMap { word -> [String] in
                word.contains("(") || word.contains(")") ? ["("] : [String(word)]
            }
            let lower = sentence.lowercased()
            let role = roles.first { lower.contains($0.title) }
            var names: [String] = []
            var index = 0
            while index < words.count {
                var end = index
                while end < words.count, Self.isNameWord(words[end]) { end += 1 }
                // Two or more capitalised words, with a title in brackets after them or in a sentence
                // that gives a buying role: a person, not a team ("Dispatch Lead") or a firm.
                if end - index >= 2, role != nil || (end < words.count && words[end] == "(") {
                    names.append(words[index..<end].joined(separator: " "))
                }
                index = max(end, index + 1)
            }
            guard !names.isEmpty else { continue }
            // The role belongs to the sentence's first name: "Kim Lund (COO) is the decision maker".
            for (offset, name) in names.enumerated() {
                found.append(Person(name: name, role: offset == 0 ? role : nil, tookPart: false))
            }
        }
        return found
    }

    /// A word that may be part of a name: a capital, then lower-case letters, apostrophes or hyphens.
    private static func isNameWord(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase, word.count >= 2 else { return false }
        return word.dropFirst().allSatisfy { $0.isLowercase || $0 == "'" || $0 == "-" || $0 == "’" }
    }

    /// Whether every one of `others` is known here, with their role and whether they took part.
    func knows(_ others: [Person]) -> Bool {
        others.allSatisfy { other in
            keys.firstIndex(of: normalized(other.name)).map { index in
                (people[index].role != nil || other.role == nil) && (people[index].tookPart || !other.tookPart)
            } ?? false
        }
    }

    /// Those who decide: decision makers and economic buyers.
    public var deciders: [Person] {
        people.filter { $0.role == .decisionMaker || $0.role == .economicBuyer }
    }

}
