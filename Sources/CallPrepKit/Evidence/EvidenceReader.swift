/// One clause of an evidence text, with what the readers found in it.
package struct ClauseFacts: Sendable, Hashable, Codable {
    package var text: String
    /// Character offsets in the text.
    package var range: Range<Int>
    /// Token indices in the reading's tokens.
    package var tokens: Range<Int>
    /// Negated by a trigger (not a pseudo-trigger) somewhere in the clause.
    package var negated: Bool
    /// The triggers that negate words of the clause.
    package var negations: [String]
    package var modality: EvidenceModality
    package var attribution: EvidenceAttribution
    package var facts: TypedFacts
}

/// What an evidence text says, as facts a rule can query, and one line a scorecard can show.
package struct EvidenceFacts: Sendable, Hashable, Codable {
    package var clauses: [ClauseFacts]
    package var outcomes: OutcomeAlternatives?
    package var summary: String
}

/// What the readers found in one text, with the tokens and negation scopes under it.
package struct EvidenceReading: Sendable {
    package let tokens: EvidenceTokens
    package let negation: NegationReading
    package let facts: EvidenceFacts

    /// The first phrase of `table` that no trigger negates, in a clause `where` accepts.
    package func mention(of table: PhraseTable, where accepts: (ClauseFacts) -> Bool = { _ in true }) -> PhraseTable.Match? {
        for (index, clause) in tokens.clauses.enumerated() where accepts(facts.clauses[index]) {
            if let match = table.matches(in: clause.tokens, of: tokens.tokens).first(where: { !negation.isNegated($0.tokens.lowerBound) }) {
                return match
            }
        }
        return nil
    }
}

/// The façade of the evidence readers: tokens, negation, modality, attribution and typed facts,
/// read once per text. Pure and deterministic; build one per process (it stems its tables). A
/// class, immutable: the judges of every debrief share it rather than copy its tables.
package final class EvidenceReader: Sendable {
    package let people: EvidencePeople
    package let dateOrder: DateOrder?
    private let tokenizer: EvidenceTokenizer
    private let negation: NegationReader
    private let modality = ModalityReader()
    private let attribution: AttributionReader
    private let amounts: AmountReader
    private let time: TimeReader
    private let outcomes = OutcomeReader()

    /// A team's own words, read beside the readers' tables: a process file's `units`,
    /// `currencies`, `events` and `attributions` lists.
    package struct Vocabulary: Sendable {
        package var units: [String] = []
        package var currencies: [String] = []
        package var events: [String] = []
        package var reporting: [String] = []

        package init(units: [String] = [], currencies: [String] = [], events: [String] = [], reporting: [String] = []) {
            self.units = units
            self.currencies = currencies
            self.events = events
            self.reporting = reporting
        }
    }

    /// nil when libstemmer has no stemmer for `language`.
    package init?(language: String = "english", people: EvidencePeople = EvidencePeople(), dateOrder: DateOrder? = nil,
                  negationWindow: Int = 6, vocabulary: Vocabulary = Vocabulary()) {
        guard let stemmer = Stemmer(language: language) else { return nil }
        self.people = people
        self.dateOrder = dateOrder
        tokenizer = EvidenceTokenizer(stemmer: stemmer)
        negation = NegationReader(window: negationWindow)
        // A team's phrases are spelled as the tokenizer spells evidence ("didn't" is "did not").
        let spell = { (phrases: [String]) in
            phrases.map { phrase in
                EvidenceTokenizer(stemmer: stemmer).tokenize(phrase).tokens.filter { $0.kind == .word }.map(\.word).joined(separator: " ")
            }.filter { !$0.isEmpty }
        }
        attribution = AttributionReader(stemmer: stemmer, reporting: spell(vocabulary.reporting))
        amounts = AmountReader(stemmer: stemmer, units: spell(vocabulary.units), currencies: spell(vocabulary.currencies))
        time = TimeReader(stemmer: stemmer, events: spell(vocabulary.events))
    }

    package func tokens(_ text: String) -> EvidenceTokens { tokenizer.tokenize(text) }

    package func read(_ text: String) -> EvidenceFacts { reading(text).facts }

    /// A table of `phrases` matched by this reader's stems: "benchmark" finds "benchmarks".
    /// Each phrase is split as evidence is ("didn't" is "did not").
    package func table(_ phrases: [String]) -> PhraseTable {
        let spelled = phrases.map { phrase in
            tokenizer.tokenize(phrase).tokens.filter { $0.kind == .word || $0.kind == .number }.map(\.word).joined(separator: " ")
        }
        return PhraseTable(spelled.filter { !$0.isEmpty }, stemmer: tokenizer.stemmer)
    }

    /// The text's facts with the tokens and negation scopes they were read from, for a rule that
    /// also looks for words; `people` replaces the reader's own for this text (a debrief's picture).
    package func reading(_ text: String, people: EvidencePeople? = nil) -> EvidenceReading {
        readings([text], people: people)[0]
    }

    /// `reading` of each text, reader by reader over all the texts (a debrief's items together):
    /// each reader's code stays in the processor's cache for the texts, where text by text every
    /// text would load each of them again.
    package func readings(_ texts: [String], people: EvidencePeople? = nil) -> [EvidenceReading] {
        let people = people ?? self.people
        let tokens = texts.map(tokenizer.tokenize)
        let negations = tokens.map { negation.read($0) }
        let modalities = tokens.map { modality.read($0) }
        let mentions = tokens.map { people.mentions(in: $0.tokens) }
        let clauseOfTokens = tokens.map(Self.clauseOfToken)
        let attributions = tokens.indices.map { index in
            attribution.read(tokens[index], people: people, mentions: mentions[index], clauseOfToken: clauseOfTokens[index])
        }
        let clauses = tokens.indices.map { index in
            clauseFacts(tokens[index], people: people, negations: negations[index], modalities: modalities[index],
                        mentions: mentions[index], clauseOfToken: clauseOfTokens[index], attributions: attributions[index])
        }
        let found = tokens.indices.map { index in outcomes.read(tokens[index], negation: negations[index]) }
        return tokens.indices.map { index in
            let facts = EvidenceFacts(clauses: clauses[index], outcomes: found[index],
                                      summary: Self.summary(clauses[index], outcomes: found[index]))
            return EvidenceReading(tokens: tokens[index], negation: negations[index], facts: facts)
        }
    }

    /// The typed facts of each clause of one text, with its negations, modality and speaker.
    private func clauseFacts(_ tokens: EvidenceTokens, people: EvidencePeople, negations: NegationReading,
                             modalities: [EvidenceModality], mentions: [EvidencePeople.Mention], clauseOfToken: [Int?],
                             attributions: [EvidenceAttribution]) -> [ClauseFacts] {
        var taken = TakenTokens(count: tokens.tokens.count)
        for mention in mentions { taken.formUnion(mention.tokens) }
        // Mentions and triggers by clause, in one pass: filtering per clause would be quadratic.
        var mentionsByClause = Array(repeating: [EvidencePeople.Mention](), count: tokens.clauses.count)
        for mention in mentions { if let clause = clauseOfToken[mention.tokens.lowerBound] { mentionsByClause[clause].append(mention) } }
        var triggersByClause = Array(repeating: [String](), count: tokens.clauses.count)
        for scope in negations.scopes { if let clause = clauseOfToken[scope.triggerTokens.lowerBound] { triggersByClause[clause].append(scope.trigger) } }
        return tokens.clauses.enumerated().map { index, clause in
            var facts = TypedFacts()
            facts.frequencies = time.frequencies(tokens, in: clause.tokens, taken: &taken)
            facts.dates = time.dates(tokens, in: clause.tokens, order: dateOrder, taken: &taken)
            facts.events = time.events(tokens, in: clause.tokens)
            facts.amounts = amounts.read(tokens, in: clause.tokens, taken: &taken)
            facts.persons = mentionsByClause[index].map { mention in
                let person = people.people[mention.person]
                return PersonFact(name: person.name, side: person.side, role: person.role, tookPart: person.tookPart, tokens: mention.tokens)
            }
            let triggers = triggersByClause[index]
            return ClauseFacts(text: tokens.text(of: clause), range: clause.range, tokens: clause.tokens, negated: !triggers.isEmpty, negations: triggers,
                               modality: modalities[index], attribution: attributions[index], facts: facts)
        }
    }

    /// For each token, the index of its clause.
    static func clauseOfToken(_ tokens: EvidenceTokens) -> [Int?] {
        var clauses = [Int?](repeating: nil, count: tokens.tokens.count)
        for (index, clause) in tokens.clauses.enumerated() { for token in clause.tokens { clauses[token] = index } }
        return clauses
    }

    /// Where their words come from: "in Kim Lund's count", "per Kim Lund", "confirmed by Kim Lund",
    /// "in Kim Lund's own words", "in their log".
    static func source(_ who: EvidenceAttribution) -> String {
        let cue = who.cue ?? ""
        guard let person = who.person else {
            return cue.isEmpty || cue == "quote" ? "in their own words" : cue.hasPrefix("'s ") ? "in their \(cue.dropFirst(3))" : "as \(cue)"
        }
        if cue.hasPrefix("'s ") { return "in \(person)'s \(cue.dropFirst(3))" }
        if ["per", "according", "from", "by"].contains(cue) { return "per \(person)" }
        if cue.isEmpty || cue == ":" || cue == "quote" { return "in \(person)'s own words" }
        return "\(cue) by \(person)"
    }

    /// The summary of a text with no fact, hedge or negation.
    package static let noFact = "no fact found"

    /// One line: the first fact and whose it is, then what weakens it.
    /// "EUR 180 per slot, in Kim Lund's count (their side)"; "'might possibly' hedges it".
    static func summary(_ clauses: [ClauseFacts], outcomes: OutcomeAlternatives?) -> String {
        var parts: [String] = []
        if let clause = clauses.first(where: { !$0.facts.isEmpty }) {
            let facts = clause.facts
            let fact = facts.amounts.first?.text ?? facts.frequencies.first?.text ?? facts.dates.first?.text
                ?? facts.events.first?.text ?? facts.persons.first?.name ?? ""
            let who = clause.attribution
            switch who.source {
            case .theirs:
                parts.append("\(fact), \(Self.source(who)) (their side)")
            case .ours:
                parts.append(who.nodded ? "\(fact), ours: they only \(who.cue ?? "nodded")" : "\(fact), ours ('\(who.cue ?? "we")')")
            case .unstated:
                parts.append(fact)
            }
        }
        if let hedged = clauses.first(where: { $0.modality.kind == .hedged || $0.modality.kind == .conditional }) {
            let cue = hedged.modality.cues.first ?? ""
            parts.append(hedged.modality.kind == .hedged ? "'\(cue)' hedges it" : "'\(cue)' makes it conditional")
        } else if let intended = clauses.first(where: { $0.modality.kind == .intended }) {
            parts.append("'\(intended.modality.cues.first ?? "")' is an intention, not a deed")
        }
        if let negated = clauses.first(where: \.negated) {
            parts.append("'\(negated.negations.first ?? "")' negates '\(negated.text)'")
        }
        if let outcomes, outcomes.includesNo { parts.append("outcomes include a no (\(outcomes.outcomes.joined(separator: ", ")))") }
        return parts.isEmpty ? noFact : parts.joined(separator: "; ")
    }
}
