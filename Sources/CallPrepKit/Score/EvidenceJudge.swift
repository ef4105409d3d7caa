/// Judges written evidence by an item's rule (DESIGN section 6) as a coach reads it: the evidence
/// reader's facts (Evidence/), queried by the rule's terms. A fact counts only where it is said
/// outright: not negated, not hedged or conditional, and (for numbers) not our own; `theirs`,
/// `done`, `took-part` and a buying role narrow it further (docs/process-file.md).
struct EvidenceJudge {
    let words: CompiledWordLists
    let reader: EvidenceReader
    let people: EvidencePeople
    let prepMinutes: Int

    /// What decided an item: nil `problem` when the evidence meets the rule; the facts read.
    struct Verdict {
        var problem: String?
        /// One line: the facts found and whose they are ("EUR 180 per slot, in Kim's count (their side)").
        var summary: String
        var facts: EvidenceFacts?
    }

    /// nil when `evidence` meets `rule`; otherwise why not, in words for the rep.
    func problem(_ evidence: String, rule: EvidenceRule) -> String? {
        judge(evidence, rule: rule).problem
    }

    func judge(_ evidence: String, rule: EvidenceRule) -> Verdict {
        let folded = normalized(evidence)
        if EvidenceKindCheck.placeholders.contains(folded) {
            let problem = evidence.isEmpty ? "checked, but no evidence is written" : "the evidence '\(evidence)' is a placeholder"
            return Verdict(problem: problem, summary: "", facts: nil)
        }
        let reading = reader.reading(evidence, people: people)
        var verdict = Verdict(problem: nil, summary: reading.facts.summary, facts: reading.facts)
        for exclusion in rule.exclusions {
            // An intention in the customer's own reported words is their commitment, not our hope.
            let reported: (ClauseFacts) -> Bool = { exclusion.words != .intentions || $0.attribution.source != .theirs }
            guard let match = reading.mention(of: words.stemmed(exclusion.words), where: reported) else { continue }
            var ignored: [String] = []
            if !exclusion.unless.contains(where: { holds($0, reading, evidence, why: &ignored) }) {
                let found = reading.tokens.text(from: match.tokens.lowerBound, through: match.tokens.upperBound - 1)
                verdict.problem = "\(exclusion.because) (found '\(found)')"
                return verdict
            }
        }
        for requirement in rule.requirements {
            var why: [String] = []
            if !requirement.contains(where: { holds($0, reading, evidence, why: &why) }) {
                verdict.problem = why.first.map { "the evidence \(missingText(requirement)): \($0)" } ?? missing(requirement, evidence)
                return verdict
            }
        }
        return verdict
    }

    // MARK: - The terms

    /// Whether `reading` holds `term`; when a fact was found but does not count, `why` says so.
    private func holds(_ term: EvidenceTerm, _ reading: EvidenceReading, _ evidence: String, why: inout [String]) -> Bool {
        let clauses = reading.facts.clauses
        let tokens = reading.tokens.tokens
        /// Whether a fact in clause `index`, starting at token `start`, is said outright.
        func counts(_ index: Int, token start: Int?, ours blocksOurs: Bool, intended blocksIntended: Bool = false,
                    conditional allowsCondition: Bool = false) -> Bool {
            let clause = clauses[index]
            if let start, !term.negatedOK, let trigger = reading.negation.trigger(of: start) {
                why.append("'\(trigger)' negates it")
                return false
            }
            switch clause.modality.kind {
            case .hedged:
                why.append("'\(clause.modality.cues.first ?? "")' hedges it")
                return false
            case .conditional where !allowsCondition:
                why.append("'\(clause.modality.cues.first ?? "")' makes it conditional")
                return false
            case .intended where blocksIntended || term.done:
                why.append("'\(clause.modality.cues.first ?? "")' is an intention, not something done")
                return false
            default:
                break
            }
            if term.done, clause.modality.kind != .done, clause.modality.kind != .stated {
                return false
            }
            let whose = clause.attribution
            if term.theirs, whose.source != .theirs {
                why.append(whose.source == .ours ? ourReason(whose) : "it does not say whose figure it is (quote them, or name who gave it)")
                return false
            }
            if blocksOurs || (term.notOurs && EvidenceJudge.oursByWord(whose, clause, tokens)), whose.source == .ours {
                why.append(ourReason(whose))
                return false
            }
            return true
        }
        func anyClause(_ test: (Int, ClauseFacts) -> Bool) -> Bool {
            clauses.enumerated().contains { test($0.offset, $0.element) }
        }

        switch term.kind {
        case .text:
            guard EvidenceJudge.letterWords(tokens) >= 2 else { return false }
            // Words no trigger negates, in clauses said outright: "didn't ask" shows nothing.
            let triggers = Set(reading.negation.scopes.flatMap { Array($0.triggerTokens) })
            let outright = clauses.indices.filter { counts($0, token: nil, ours: false) }.flatMap { Array(clauses[$0].tokens) }
                .filter { term.negatedOK || (!triggers.contains($0) && !reading.negation.isNegated($0)) }
            return EvidenceJudge.letterWords(outright.map { tokens[$0] }) >= 2
        case .number:
            return anyClause { index, clause in
                let starts = clause.facts.amounts.map(\.tokens.lowerBound) + clause.facts.frequencies.map(\.tokens.lowerBound)
                    + clause.tokens.filter { tokens[$0].kind == .number }
                return starts.contains { counts(index, token: $0, ours: true) }
            }
        case .amount:
            return anyClause { index, clause in
                let amounts = clause.facts.amounts.filter {
                    $0.value > 0 && ($0.currency != nil || $0.unit != nil || $0.period != nil || $0.per != nil)
                }
                return (amounts.map(\.tokens.lowerBound) + clause.facts.frequencies.filter { $0.count != nil }.map(\.tokens.lowerBound))
                    .contains { counts(index, token: $0, ours: true) }
            }
        case .date:
            return anyClause { index, clause in
                let dates = clause.facts.dates.filter { date in
                    if date.ambiguous, reader.dateOrder == nil {
                        why.append("'\(date.text)' could be either day or month first (write the month, or set date_order)")
                        return false
                    }
                    return true
                }
                return (dates.map(\.tokens.lowerBound) + clause.facts.events.map(\.tokens.lowerBound))
                    .contains { counts(index, token: $0, ours: clause.attribution.source == .ours && clause.attribution.cue.map { !AttributionReader.ourWords.contains($0) } == true) }
            }
        case .person, .attendee:
            let mustTakePart = term.tookPart || term.kind == .attendee
            return anyClause { index, clause in
                clause.facts.persons.contains { person in
                    guard person.side == .theirs else { return false }
                    if let role = term.role, person.role != role {
                        why.append("\(person.name) is \(person.role.map { "the \($0.title)" } ?? "of no known role"), not the \(role.title)")
                        return false
                    }
                    if mustTakePart, !person.tookPart, !joined(person, clause, reading) {
                        why.append("\(person.name) is only named; they did not take part in a call")
                        return false
                    }
                    return counts(index, token: person.tokens.lowerBound, ours: false, intended: mustTakePart)
                }
            }
        case .quote:
            if hasQuotation(evidence) { return true }
            return anyClause { index, clause in
                clause.attribution.source == .theirs && counts(index, token: nil, ours: false)
            }
        case .outcomes:
            if let outcomes = reading.facts.outcomes, outcomes.includesNo { return true }
            return reading.mention(of: words.noOutcomes) != nil
        case .deed:
            return anyClause { index, clause in
                // "asked her to introduce us" is a request, not a deed.
                words.stemmed(.deeds).matches(in: clause.tokens, of: tokens)
                    .contains { ($0.tokens.lowerBound == 0 || tokens[$0.tokens.lowerBound - 1].word != "to")
                        && counts(index, token: $0.tokens.lowerBound, ours: false, intended: true) }
            }
        case .preparation:
            if reading.mention(of: words.writtenPlan) != nil { return true }
            return preparedMinutes(reading) >= prepMinutes
        case .conditions:
            // Both sides' conditions: a condition, what they need and what we need.
            let outright = clauses.indices.filter { counts($0, token: nil, ours: false, conditional: true) }
            let range = outright.flatMap { Array(clauses[$0].tokens) }
            let hasCondition = range.contains { words.conditions.contains(tokens[$0]) }
                || !words.conditions.matches(in: range.first.map { $0..<(range.last! + 1) } ?? 0..<0, of: tokens).isEmpty
            let theirs = range.contains { AttributionReader.theirPronouns.contains(tokens[$0].word) || ["their", "them", "theirs"].contains(tokens[$0].word) }
                || outright.contains { clauses[$0].facts.persons.contains { $0.side == .theirs } }
            let ours = range.contains { AttributionReader.ourWords.contains(tokens[$0].word) }
            if !(hasCondition && theirs && ours) {
                why.append(hasCondition ? "it names only one side's conditions" : "it names no condition of either side")
            }
            return hasCondition && theirs && ours
        case .list:
            let outright = clauses.indices.filter { !clauses[$0].negated && counts($0, token: nil, ours: false) }
            return EvidenceJudge.parts(outright.map { clauses[$0].tokens }, tokens) >= 2
        }
    }

    /// Whether the evidence says `person` took part: a joining word in a clause that tells it done.
    private func joined(_ person: PersonFact, _ clause: ClauseFacts, _ reading: EvidenceReading) -> Bool {
        guard clause.modality.kind == .done || clause.modality.kind == .stated else { return false }
        return words.joining.matches(in: clause.tokens, of: reading.tokens.tokens)
            .contains { !reading.negation.isNegated($0.tokens.lowerBound) && $0.tokens.lowerBound > person.tokens.lowerBound }
    }

    /// Whether a clause is ours by what it says, not only by a "we" or "us" in it: our material
    /// ("our estimate", "our module"), or "we" or "I" as its subject ("we beat them on features").
    static func oursByWord(_ whose: EvidenceAttribution, _ clause: ClauseFacts, _ tokens: [EvidenceToken]) -> Bool {
        guard let cue = whose.cue, AttributionReader.ourWords.contains(cue) else { return true }
        if cue == "our" || cue == "my" { return true }
        let first = clause.tokens.first { tokens[$0].kind == .word }
        return first.map { ["we", "i"].contains(tokens[$0].word) } ?? false
    }

    private func ourReason(_ whose: EvidenceAttribution) -> String {
        whose.nodded ? "they only \(whose.cue ?? "nodded") to our number, which stays ours"
            : "'\(whose.cue ?? "we")' makes it our number, not the customer's"
    }

    /// Parts with a word between separators: `;` `,` `:` `+` `/` "then", "after", "followed by".
    static func parts(_ ranges: [Range<Int>], _ tokens: [EvidenceToken]) -> Int {
        var steps = 0
        for range in ranges {
            var hasWord = false
            for index in range {
                let token = tokens[index]
                let separates = (token.kind == .punctuation && [";", ",", ":", "-", "(", ")"].contains(token.word))
                    || (token.kind == .symbol && ["+", "/", ">", "→", "&"].contains(token.word))
                    || (token.kind == .word && ["then", "after", "followed", "next", "finally", "afterwards"].contains(token.word))
                if separates {
                    if hasWord { steps += 1 }
                    hasWord = false
                } else if token.kind == .word {
                    hasWord = true
                }
            }
            if hasWord { steps += 1 }
        }
        return steps
    }

    /// How many word tokens hold a letter.
    static func letterWords(_ tokens: [EvidenceToken]) -> Int {
        tokens.filter { $0.kind == .word && $0.word.unicodeScalars.contains(where: ScalarClass.letter) }.count
    }

    /// The longest stretch of preparation the evidence states, in minutes: "45 minutes", "an hour",
    /// "forty minutes", "2h".
    private func preparedMinutes(_ reading: EvidenceReading) -> Int {
        var longest = 0
        let tokens = reading.tokens.tokens
        for clause in reading.facts.clauses {
            for amount in clause.facts.amounts where !reading.negation.isNegated(amount.tokens.lowerBound) {
                let unit = amount.unit ?? ""
                if unit.hasPrefix("min") { longest = max(longest, NumberText.whole(amount.value)) }
                if unit.hasPrefix("hour") || unit.hasPrefix("hr") || unit == "h" { longest = max(longest, NumberText.whole(amount.value * 60)) }
            }
        }
        for (index, token) in tokens.enumerated() where token.kind == .number || ["an", "a", "one"].contains(token.word) {
            let next = index + 1 < tokens.count ? tokens[index + 1].word : ""
            let text = token.word
            let number = Double(text) ?? (token.kind == .word ? 1 : nil)
            if text.hasSuffix("h"), let hours = Double(text.dropLast()) { longest = max(longest, NumberText.whole(hours * 60)) }
            if text.hasSuffix("m") || text.hasSuffix("min"), let minutes = Double(text.prefix { $0.isNumber }) {
                longest = max(longest, NumberText.whole(minutes))
            }
            guard let number else { continue }
            if ["minute", "minutes", "min", "mins"].contains(next) { longest = max(longest, NumberText.whole(number)) }
            if ["hour", "hours", "hr", "hrs"].contains(next) { longest = max(longest, NumberText.whole(number * 60)) }
        }
        return longest
    }

    /// The requirement as a phrase: "has no amount".
    private func missingText(_ requirement: [EvidenceTerm]) -> String {
        "does not count as " + requirement.map(\.description).joined(separator: " or ")
    }

    /// Why a requirement failed: the first kind's message, or all of them for alternatives.
    private func missing(_ requirement: [EvidenceTerm], _ evidence: String) -> String {
        let reasons = requirement.map { term -> String in
            switch term.kind {
            case .text: "is too short to show anything"
            case .number: "has no number"
            case .amount: "has no amount (a number, with its currency, unit or period)"
            case .date: "has no date, event or deadline"
            case .person: term.role.map { "names no \($0.title) on the customer's side" }
                ?? "names no one on the customer's side (list the people you met in People met)"
            case .quote: "is not in the customer's own words: quote them, or say whose figure it is"
            case .outcomes: "names no possible outcome of the call, nor that \"no\" is an acceptable one"
            case .attendee: "names no one on the customer's side who took part in a call, only names"
            case .deed: "shows nothing the person did for the deal (introduced us, shared data, arranged access)"
            case .preparation: "shows no written plan, and less than \(prepMinutes) minutes of preparation"
            case .conditions: "does not name both sides' conditions (what they need of us, and what we need of them)"
            case .list: "lists fewer than two parts (steps in order, or criteria)"
            }
        }
        let subject = requirement.map(\.kind) == [.text] ? "the evidence '\(evidence)' " : "the evidence "
        return subject + reasons.joined(separator: ", and ")
    }

    /// Two or more words in double quotes, straight or typographic, or in single quotes after a colon.
    private func hasQuotation(_ text: String) -> Bool {
        var words = 0
        var inside = false
        var inWord = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22, 0x201C, 0x201D, 0xAB, 0xBB, 0x201E:  // " “ ” « » „
                if inside, words + (inWord ? 1 : 0) >= 2 { return true }
                inside.toggle()
                words = 0
                inWord = false
            case 0x20, 0x09, 0x0A, 0x0D:
                if inWord { words += 1 }
                inWord = false
            default:
                inWord = inside
            }
        }
        return false
    }
}
