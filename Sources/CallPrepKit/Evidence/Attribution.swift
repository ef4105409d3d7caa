/// Whose words a clause carries.
package struct EvidenceAttribution: Sendable, Hashable, Codable {
    package enum Source: String, Sendable, Hashable, Codable {
        /// A customer-side person reporting, a possessive of theirs, a quote, or their own material.
        case theirs
        /// Us: "I", "we", our estimate, a benchmark, a calculator, a customer's nod to our number.
        case ours
        /// No sign of either.
        case unstated
    }

    package var source: Source
    /// The person it comes from, by their full name, when the text names one.
    package var person: String?
    /// The words that decided it: "confirmed", "'s count", "quote", "benchmark", "nodded".
    package var cue: String?
    /// A customer only nodded to a number of ours: still ours.
    package var nodded: Bool = false
}

/// Whose words each clause is. In order of strength: our own material ("our estimate",
/// "benchmark", "I'd guess") or a nod to it; then their side (a customer-side person or "she",
/// "they" as the subject of a reporting verb, "per Kim", a possessive before a figure, a quote);
/// then a bare "I", "we", "my", "our". A clause with none after a ":" takes its neighbour's.
package struct AttributionReader: Sendable {
    package static let reportingVerbs = [
        "say", "said", "says", "tell", "told", "confirm", "count", "show", "shown", "showed", "report", "reckon",
        "estimate", "share", "state", "mention", "explain", "quote", "calculate", "measure", "track", "log",
        "figure", "put on screen", "put up", "pull up", "pulled up", "walk through", "walked through", "present",
        "write", "wrote", "email", "complain", "admit", "insist", "note", "point out", "flag", "raise",
        "put it at", "puts it at", "puts the", "put the", "gave us", "give us", "handed us", "read us", "read out",
    ]

    /// Ours, whoever speaks: our own numbers and material.
    package static let ourMaterial = [
        "our estimate", "my estimate", "our number", "our figure", "our model", "our data", "our research",
        "our maths", "my maths", "our math", "my math", "our calculation", "my calculation", "our experience",
        "benchmark", "calculator", "case study", "list price", "industry average", "industry-wide", "industry wide",
        "rule of thumb", "back of the envelope", "i would guess", "i guess", "my guess", "our guess", "i would say",
        "we estimate", "i estimate", "we reckon", "i reckon", "i assume", "we assume", "assumption", "extrapolate",
        "typical customer", "customers like them", "similar customer", "based on", "our roi", "per our", "our pricing",
        "our price", "our quote", "our proposal", "our deck", "our slide", "our forecast", "my forecast", "our target",
        "our projection", "our timeline",
    ]

    /// A customer who only goes along with a number of ours.
    package static let nods = [
        "nod", "nodded", "agree with", "agreed with", "went along with", "go along with", "accepted", "did not object",
        "did not push back", "did not disagree", "did not argue", "fine with", "ok with", "okay with", "happy with",
        "sounds right", "seemed right", "did not dispute",
    ]

    /// Nouns of their own material after a possessive: "Kim's count", "their controller's count".
    package static let material = [
        "count", "figure", "number", "estimate", "data", "report", "dashboard", "spreadsheet", "sheet", "system",
        "log", "record", "stat", "statistic", "math", "maths", "calculation", "forecast", "audit", "survey",
        "invoice", "budget", "tracker", "ticket", "export", "analysis", "plan", "slide", "deck", "review", "books",
        "word", "words", "view", "take", "target", "goal", "sheet", "notes", "file", "list", "own", "ledger",
        "timesheet", "crm", "erp", "kpi", "minutes", "register", "schedule", "rota", "board pack",
    ]

    package static let theirPronouns: WordSet = ["she", "he", "they", "customer", "client", "prospect"]
    package static let ourWords: WordSet = ["i", "we", "my", "our", "ours", "me", "us"]

    private let reporting: PhraseTable
    private let ours: PhraseTable
    private let nodTable: PhraseTable
    private let materialTable: PhraseTable

    /// `reporting` is a team's own list of reporting words ("said", "confirmed"); each still needs
    /// one of theirs speaking.
    package init(stemmer: Stemmer, reporting teamReporting: [String] = []) {
        reporting = PhraseTable(Self.reportingVerbs + teamReporting, stemmer: stemmer)
        ours = PhraseTable(Self.ourMaterial, stemmer: stemmer)
        nodTable = PhraseTable(Self.nods, stemmer: stemmer)
        materialTable = PhraseTable(Self.material, stemmer: stemmer)
    }

    /// The attribution of each clause of `text`, in order.
    package func read(_ text: EvidenceTokens, people: EvidencePeople, mentions: [EvidencePeople.Mention], clauseOfToken: [Int?]) -> [EvidenceAttribution] {
        var byClause = Array(repeating: [EvidencePeople.Mention](), count: text.clauses.count)
        for mention in mentions { if let clause = clauseOfToken[mention.tokens.lowerBound] { byClause[clause].append(mention) } }
        var readings = text.clauses.enumerated().map { read(text.tokens, in: $1.tokens, people: people, mentions: byClause[$0]) }
        // "Kim: 40 a week": a clause that is only a customer's name speaks for the next.
        for (index, clause) in text.clauses.enumerated() where readings[index].source == .unstated && index + 1 < text.clauses.count
            && text.clauses[index + 1].opener == ":" {
            let words = clause.tokens.filter { text.tokens[$0].kind == .word }
            if !words.isEmpty, let mention = byClause[index].first, words.allSatisfy({ mention.tokens.contains($0) }),
               people.people[mention.person].side == .theirs {
                readings[index] = EvidenceAttribution(source: .theirs, person: people.people[mention.person].name, cue: ":")
                // Their words after the colon are this person's: `Kim: "we lose a day"`.
                if readings[index + 1].source == .theirs, readings[index + 1].person == nil {
                    readings[index + 1].person = people.people[mention.person].name
                }
            }
        }
        // "40 late drops a week – Kim's log": a note of whose it is after a dash or ";" speaks for
        // the clause before it.
        for (index, clause) in text.clauses.enumerated() where readings[index].source == .unstated && index + 1 < text.clauses.count
            && ["-", ";"].contains(text.clauses[index + 1].opener ?? "") && text.clauses[index + 1].sentence == clause.sentence {
            let note = readings[index + 1]
            if note.source == .theirs, let cue = note.cue, cue.hasPrefix("'s ") || ["their", "his", "her"].contains(cue.split(separator: " ").first ?? "") {
                readings[index] = note
            }
        }
        // "Per Kim: 40 a week" and "40 a week: Kim's count" share one source across the colon.
        for (index, clause) in text.clauses.enumerated() where readings[index].source == .unstated {
            let before = index > 0 && clause.opener == ":" && text.clauses[index - 1].sentence == clause.sentence ? index - 1 : nil
            let after = index + 1 < text.clauses.count && text.clauses[index + 1].opener == ":"
                && text.clauses[index + 1].sentence == clause.sentence ? index + 1 : nil
            if let neighbour = [before, after].compactMap({ $0 }).first(where: { readings[$0].source != .unstated }) {
                readings[index] = readings[neighbour]
            }
        }
        return readings
    }

    package func read(_ tokens: [EvidenceToken], in range: Range<Int>, people: EvidencePeople,
                      mentions: [EvidencePeople.Mention]) -> EvidenceAttribution {
        let names = mentions.filter { range.contains($0.tokens.lowerBound) }
        func name(_ mention: EvidencePeople.Mention) -> String { people.people[mention.person].name }
        func side(_ mention: EvidencePeople.Mention) -> Side { people.people[mention.person].side }
        // Our material counts where it stands beside a number, or where the clause has none:
        // "EUR 40k a quarter, twice the industry average" compares their number with ours.
        let hasNumber = range.contains { tokens[$0].kind == .number }
        let ourMatches = ours.matches(in: range, of: tokens).filter { match in
            guard hasNumber else { return true }
            var start = match.tokens.lowerBound, end = match.tokens.upperBound
            while start > range.lowerBound, tokens[start - 1].word != "," { start -= 1 }
            while end < range.upperBound, tokens[end].word != "," { end += 1 }
            return (start..<end).contains { tokens[$0].kind == .number }
        }
        let nodMatches = nodTable.matches(in: range, of: tokens)
        // A nod is to a number: our material in the clause, or a number just after the nod.
        if let nod = nodMatches.first, !ourMatches.isEmpty
            || (nod.tokens.upperBound..<min(nod.tokens.upperBound + 5, range.upperBound)).contains(where: { tokens[$0].kind == .number }) {
            return EvidenceAttribution(source: .ours, person: nil, cue: words(nod, tokens), nodded: true)
        }
        if let mine = ourMatches.first {
            return EvidenceAttribution(source: .ours, person: nil, cue: words(mine, tokens))
        }
        // A reporting verb, with its subject just before it or its source after "by", "per", "from".
        // "Kim's count" is a possessive before a noun, not Kim counting.
        let verbs = reporting.matches(in: range, of: tokens).filter { $0.tokens.lowerBound == 0 || tokens[$0.tokens.lowerBound - 1].kind != .possessive }
        for verb in verbs {
            if let subject = names.last(where: { $0.tokens.upperBound <= verb.tokens.lowerBound && verb.tokens.lowerBound - $0.tokens.upperBound <= 3 }) {
                return EvidenceAttribution(source: side(subject) == .theirs ? .theirs : .ours, person: name(subject), cue: words(verb, tokens))
            }
            let before = max(range.lowerBound, verb.tokens.lowerBound - 3)..<verb.tokens.lowerBound
            if let pronoun = before.last(where: { Self.theirPronouns.contains(tokens[$0]) }) {
                return EvidenceAttribution(source: .theirs, person: nil, cue: tokens[pronoun].word + " " + words(verb, tokens))
            }
            // "said he would", "says she": the pronoun right after the verb.
            if verb.tokens.upperBound < range.upperBound, ["he", "she", "they"].contains(tokens[verb.tokens.upperBound].word) {
                return EvidenceAttribution(source: .theirs, person: nil, cue: words(verb, tokens) + " " + tokens[verb.tokens.upperBound].word)
            }
            if before.contains(where: { Self.ourWords.contains(tokens[$0]) }) {
                return EvidenceAttribution(source: .ours, person: nil, cue: words(verb, tokens))
            }
            // "said Kim", "confirmed by Kim"; not "told Kim" or "showed Kim", where Kim listens.
            let listens = ["tell", "told", "show", "showed", "shown", "email", "present", "walk through", "walked through"]
            if !listens.contains(verb.phrase), let object = names.first(where: {
                $0.tokens.lowerBound >= verb.tokens.upperBound && $0.tokens.lowerBound - verb.tokens.upperBound <= 1 }) {
                return EvidenceAttribution(source: side(object) == .theirs ? .theirs : .ours, person: name(object), cue: words(verb, tokens))
            }
        }
        for index in range where ["per", "according", "from", "by"].contains(tokens[index].word) {
            let next = index + (tokens[index].word == "according" ? 2 : 1)
            if let source = names.first(where: { $0.tokens.lowerBound == next }) {
                return EvidenceAttribution(source: side(source) == .theirs ? .theirs : .ours, person: name(source), cue: tokens[index].word)
            }
        }
        // A possessive before their material: "Kim's count", "their team's figure".
        for index in range where tokens[index].kind == .possessive || ["their", "his", "her"].contains(tokens[index].word) {
            let ahead = (index + 1)..<min(index + 5, range.upperBound)
            guard let noun = ahead.first(where: { materialTable.contains(tokens[$0]) }) else { continue }
            if tokens[index].kind != .possessive { return EvidenceAttribution(source: .theirs, person: nil, cue: tokens[index].word + " " + tokens[noun].word) }
            if let owner = names.last(where: { $0.tokens.upperBound == index }) {
                return EvidenceAttribution(source: side(owner) == .theirs ? .theirs : .ours, person: name(owner), cue: "'s " + tokens[noun].word)
            }
            if Self.theirPronouns.contains(tokens[max(index - 1, range.lowerBound)]) {
                return EvidenceAttribution(source: .theirs, person: nil, cue: "'s " + tokens[noun].word)
            }
            // Their organisation's own material: "the hospital's own data", "Acme's own report".
            if index > range.lowerBound, index + 1 < range.upperBound, tokens[index + 1].word == "own",
               !Self.ourWords.contains(tokens[index - 1]), !["industry", "market", "sector"].contains(tokens[index - 1].word) {
                return EvidenceAttribution(source: .theirs, person: nil, cue: "'s own " + tokens[noun].word)
            }
        }
        // Their own number: "their 30 late drops", "his €1,200 penalty", "Kim's four reroutes".
        for index in range where index + 1 < range.upperBound
            && (tokens[index + 1].kind == .number || tokens[index + 1].kind == .symbol || AmountReader.currencyCodes.contains(tokens[index + 1])
                || AmountReader.numberWords[tokens[index + 1]] != nil) {
            if ["their", "his", "her"].contains(tokens[index].word) {
                return EvidenceAttribution(source: .theirs, person: nil, cue: tokens[index].word)
            }
            if tokens[index].kind == .possessive, let owner = names.last(where: { $0.tokens.upperBound == index }), side(owner) == .theirs {
                return EvidenceAttribution(source: .theirs, person: name(owner), cue: "'s figure")
            }
        }
        if range.contains(where: { tokens[$0].kind == .punctuation && (tokens[$0].word == "\"" || tokens[$0].word == "'") }) {
            return EvidenceAttribution(source: .theirs, person: names.first(where: { side($0) == .theirs }).map(name), cue: "quote")
        }
        if let index = range.first(where: { tokens[$0].kind == .word && Self.ourWords.contains(tokens[$0]) }) {
            return EvidenceAttribution(source: .ours, person: nil, cue: tokens[index].word)
        }
        return EvidenceAttribution(source: .unstated, person: nil, cue: nil)
    }

    private func words(_ match: PhraseTable.Match, _ tokens: [EvidenceToken]) -> String {
        tokens[match.tokens].map(\.word).joined(separator: " ")
    }
}
