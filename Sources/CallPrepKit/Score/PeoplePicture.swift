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
    /// Each person's name folded for comparing, and its first name as a word of `EvidenceText`,
    /// in the order of `people`.
    private var keys: [String] = []
    private var firstNames: [String] = []

    /// `attendees` are the meeting file's, when it is known; `earlier`, the people met in earlier
    /// debriefs of the opportunity.
    public init(record: DebriefRecord, attendees: [Attendee] = [], earlier: [Person] = []) {
        for attendee in attendees where attendee.side == .theirs {
            add(Person(name: attendee.name, role: attendee.buyingRole, tookPart: true))
        }
        for person in earlier { add(person) }
        for person in record.people where !person.name.isEmpty {
            add(Person(name: person.name, role: person.role.flatMap(BuyingRole.init(loose:)), tookPart: true))
        }
        guard record.nextSteps.contains(where: { $0.owner != nil }) else { return }
        let ours = Set(attendees.filter { $0.side == .ours }.map { normalized($0.name) } + [normalized(record.meeting.rep ?? "")])
        for step in record.nextSteps {
            guard let owner = step.owner, !ours.contains(normalized(owner)) else { continue }
            add(Person(name: owner, role: nil, tookPart: false))
        }
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
            let words = EvidenceText.folded(person.name).unicodeScalars
                .split { !(ScalarClass.letterOrDigit($0) || $0 == "'" || $0 == "-") }.map { String(String.UnicodeScalarView($0)) }
            firstNames.append(words.first { !Self.honorifics.contains($0) } ?? "")
        }
    }

    /// The people `text` names, by full name or by first name as a word.
    func named(in text: EvidenceText) -> [Person] {
        guard !people.isEmpty else { return [] }
        let words = Set(text.words)
        // The first name as a word names the person; so does the full name, which contains it.
        return zip(people, firstNames).filter { $1.count >= 2 && words.contains($1) }.map(\.0)
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

    private static let honorifics: Set<String> = ["dr", "mr", "mrs", "ms", "miss", "prof", "sir", "dame"]
}
