/// Who is who on the customer's side of a deal, from everything callprep knows of it: the
/// meeting's attendees, the people met in this debrief and the earlier ones of the opportunity,
/// and the owners of next steps. One picture, used by every rule and check that asks about people.
public struct PeoplePicture: Sendable, Hashable {
    public struct Person: Sendable, Hashable {
        public var name: String
        public var role: BuyingRole?
        /// Took part in a call (an attendee, or in a people-met table), not only named.
        public var tookPart: Bool
    }

    public private(set) var people: [Person] = []

    /// `attendees` are the meeting file's, when it is known; `earlier`, the people met in earlier
    /// debriefs of the opportunity.
    public init(record: DebriefRecord, attendees: [Attendee] = [], earlier: [Person] = []) {
        let ours = Set(attendees.filter { $0.side == .ours }.map { normalized($0.name) } + [normalized(record.meeting.rep ?? "")])
        for attendee in attendees where attendee.side == .theirs {
            add(Person(name: attendee.name, role: attendee.buyingRole, tookPart: true))
        }
        for person in earlier { add(person) }
        for person in record.people where !person.name.isEmpty {
            add(Person(name: person.name, role: person.role.flatMap(BuyingRole.init(loose:)), tookPart: true))
        }
        for step in record.nextSteps {
            guard let owner = step.owner, !ours.contains(normalized(owner)) else { continue }
            add(Person(name: owner, role: nil, tookPart: false))
        }
    }

    /// Adds a person, or what is new about one already known (by name, loosely).
    private mutating func add(_ person: Person) {
        let key = normalized(person.name)
        guard !key.isEmpty else { return }
        if let index = people.firstIndex(where: { normalized($0.name) == key }) {
            people[index].role = people[index].role ?? person.role
            people[index].tookPart = people[index].tookPart || person.tookPart
        } else {
            people.append(person)
        }
    }

    /// The people `text` names, by full name or by first name as a word.
    func named(in text: EvidenceText) -> [Person] {
        let words = Set(text.words)
        let folded = text.words.joined(separator: " ")
        return people.filter { person in
            let name = EvidenceText.phraseWords(person.name).filter { !Self.honorifics.contains($0) }
            guard let first = name.first, first.count >= 2 else { return false }
            return words.contains(first) || (" " + folded + " ").contains(" " + name.joined(separator: " ") + " ")
        }
    }

    /// Those who decide: decision makers and economic buyers.
    public var deciders: [Person] {
        people.filter { $0.role == .decisionMaker || $0.role == .economicBuyer }
    }

    private static let honorifics: Set<String> = ["dr", "mr", "mrs", "ms", "miss", "prof", "sir", "dame"]
}
