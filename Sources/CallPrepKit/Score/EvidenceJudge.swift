import Foundation

/// Judges written evidence by an item's rule (DESIGN section 6) as a coach reads it: the evidence
/// reader's facts (Evidence/), queried by the rule's terms. A fact counts only where it is said
/// outright: not negated, not hedged or conditional, and (for numbers) not our own; `theirs`,
/// `done`, `took-part` and a buying role narrow it further (docs/process-file.md).
final class EvidenceJudge {
    let words: CompiledWordLists
    let reader: EvidenceReader
    let people: EvidencePeople
    let prepMinutes: Int
    /// The readings `prepare` made, by text.
    private var prepared: [String: EvidenceReading] = [:]

    /// A judge for one process and one debrief's people, built on its own (a scorer shares one
    /// reader and one set of word lists over every debrief instead).
    convenience init(process: SalesProcess, people: PeoplePicture) {
        let reader = EvidenceReader.of(process)
        self.init(words: CompiledWordLists(process.words, reader: reader), reader: reader, people: people.evidencePeople,
                  prepMinutes: process.prepMinutes)
    }

    init(words: CompiledWordLists, reader: EvidenceReader, people: EvidencePeople, prepMinutes: Int) {
        self.words = words
        self.reader = reader
        self.people = people
        self.prepMinutes = prepMinutes
    }

    /// What decided an item: nil `problem` when the evidence meets the rule; the facts read.
    struct Verdict {
        var problem: String?
        var facts: EvidenceFacts?
        /// What met each requirement, in the rule's order: "EUR 180 per slot, in Kim Lund's count".
        var decided: [String] = []
    }

    /// nil when `evidence` meets `rule`; otherwise why not, in words for the rep.
    func problem(_ evidence: String, rule: EvidenceRule) -> String? {
        judge(evidence, rule: rule).problem
    }

    /// Reads `texts` ahead, all together (see `EvidenceReader.readings`), for `judge` to find.
    func prepare(_ texts: [String]) {
        var seen: Set<String> = []
        let fresh = texts.filter { prepared[$0] == nil && seen.insert($0).inserted && !EvidenceKindCheck.isPlaceholder($0) }
        for (text, reading) in zip(fresh, reader.readings(fresh, people: people)) { prepared[text] = reading }
    }

    func judge(_ evidence: String, rule: EvidenceRule) -> Verdict {
        if EvidenceKindCheck.isPlaceholder(evidence) {
            let problem = evidence.isEmpty ? "checked, but no evidence is written" : "the evidence '\(evidence)' is a placeholder"
            return Verdict(problem: problem, facts: nil)
        }
        let reading = prepared[evidence] ?? reader.reading(evidence, people: people)
        var verdict = Verdict(problem: nil, facts: reading.facts)
        for exclusion in rule.exclusions {
            // An intention in the customer's own reported words is their commitment, not our hope.
            let reported: (ClauseFacts) -> Bool = { exclusion.words != .intentions || $0.attribution.source != .theirs }
            guard let match = reading.mention(of: words.stemmed(exclusion.words), where: reported) else { continue }
            var ignored: [String] = []
            var unused: String?
            if !exclusion.unless.contains(where: { holds($0, reading, evidence, why: &ignored, found: &unused) }) {
                let found = reading.tokens.text(from: match.tokens.lowerBound, through: match.tokens.upperBound - 1)
                verdict.problem = "\(exclusion.because) (found '\(found)')"
                return verdict
            }
        }
        for requirement in rule.requirements {
            var why: [String] = []
            var found: String?
            if !requirement.contains(where: { holds($0, reading, evidence, why: &why, found: &found) }) {
                verdict.problem = why.first.map { "the evidence \(missingText(requirement)): \($0)" } ?? missing(requirement, evidence)
                return verdict
            }
            if let found { verdict.decided.append(found) }
        }
        return verdict
    }

    // MARK: - The terms

    /// Whether `reading` holds `term`; when a fact was found but does not count, `why` says so.
    private func holds(_ term: EvidenceTerm, _ reading: EvidenceReading, _ evidence: String, why: inout [String],
                       found: inout String?) -> Bool {
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
        /// A deed or decision said outright: "asked her to introduce us" is a request, not a deed.
        func deedFound(_ matches: [PhraseTable.Match], _ index: Int) -> Bool {
            guard let match = matches.first(where: { ($0.tokens.lowerBound == 0 || tokens[$0.tokens.lowerBound - 1].word != "to")
                && counts(index, token: $0.tokens.lowerBound, ours: false, intended: true) }) else { return false }
            found = "'\(reading.tokens.text(from: match.tokens.lowerBound, through: match.tokens.upperBound - 1))'"
            return true
        }

        switch term.kind {
        case .text:
            guard EvidenceJudge.letterWords(tokens) >= 2 else { return false }
            // Words no trigger negates, in clauses said outright: "didn't ask" shows nothing.
            let triggers = Set(reading.negation.scopes.flatMap { Array($0.triggerTokens) })
            let said = clauses.indices.filter { counts($0, token: nil, ours: false) }
            let outright = said.flatMap { Array(clauses[$0].tokens) }
                .filter { term.negatedOK || (!triggers.contains($0) && !reading.negation.isNegated($0)) }
            found = said.first.map { "'\(EvidenceJudge.shortened(clauses[$0].text))'" }
            return EvidenceJudge.letterWords(outright.map { tokens[$0] }) >= 2
        case .number:
            return anyClause { index, clause in
                let starts = clause.facts.amounts.map(\.tokens.lowerBound) + clause.facts.frequencies.map(\.tokens.lowerBound)
                    + clause.tokens.filter { tokens[$0].kind == .number }
                guard let start = starts.first(where: { counts(index, token: $0, ours: true) }) else { return false }
                found = figure(at: start, clause, reading)
                return true
            }
        case .amount:
            return anyClause { index, clause in
                // A scale says money as well as a currency does: "130k earmarked".
                let amounts = clause.facts.amounts.filter {
                    $0.value > 0 && ($0.currency != nil || $0.unit != nil || $0.period != nil || $0.per != nil
                        || EvidenceJudge.hasScale($0.text))
                }
                let starts = amounts.map(\.tokens.lowerBound) + clause.facts.frequencies.filter { $0.count != nil }.map(\.tokens.lowerBound)
                guard let start = starts.first(where: { counts(index, token: $0, ours: true) }) else { return false }
                found = figure(at: start, clause, reading)
                return true
            }
        case .date:
            return anyClause { index, clause in
                let dates = clause.facts.dates.filter { date in
                    // "next week", "soon": no day anyone could hold to; "next Tuesday", "tomorrow" are.
                    if date.kind == .relative, !EvidenceJudge.namesADay(date.text) {
                        why.append("'\(date.text)' names no day")
                        return false
                    }
                    if date.ambiguous, reader.dateOrder == nil {
                        why.append("'\(date.text)' could be either day or month first (write the month, or set date_order)")
                        return false
                    }
                    return true
                }
                let ourMaterial = clause.attribution.source == .ours
                    && clause.attribution.cue.map { !AttributionReader.ourWords.contains($0) } == true
                let starts = dates.map { ($0.tokens.lowerBound, $0.text) } + clause.facts.events.map { ($0.tokens.lowerBound, $0.text) }
                guard let date = starts.first(where: { counts(index, token: $0.0, ours: ourMaterial) }) else { return false }
                found = date.1
                return true
            }
        case .person, .attendee:
            let mustTakePart = term.tookPart || term.kind == .attendee
            // Someone of another role explains least: said last, after what stopped the right person.
            var otherRoles: [String] = []
            defer { why += otherRoles }
            return anyClause { index, clause in
                clause.facts.persons.contains { person in
                    guard person.side == .theirs else { return false }
                    if let role = term.role, person.role != role {
                        otherRoles.append("\(person.name) is \(person.role.map { "the \($0.title)" } ?? "of no known role"), not the \(role.title)")
                        return false
                    }
                    if mustTakePart, !person.tookPart, !joined(person, clause, reading) {
                        why.append("\(person.name) is only named; they did not take part in a call")
                        return false
                    }
                    guard counts(index, token: person.tokens.lowerBound, ours: false, intended: mustTakePart) else { return false }
                    found = person.name + (person.role.map { ", the \($0.title)" } ?? "") + (mustTakePart ? ", who took part" : "")
                    return true
                }
            }
        case .quote:
            if hasQuotation(evidence) {
                found = "quoted"
                return true
            }
            return anyClause { index, clause in
                guard clause.attribution.source == .theirs, counts(index, token: nil, ours: false) else { return false }
                found = EvidenceReader.source(clause.attribution)
                return true
            }
        case .outcomes:
            if let outcomes = reading.facts.outcomes, outcomes.includesNo {
                found = "outcomes: " + outcomes.outcomes.joined(separator: " or ")
                return true
            }
            guard let match = reading.mention(of: words.noOutcomes) else { return false }
            found = "'\(reading.tokens.text(from: match.tokens.lowerBound, through: match.tokens.upperBound - 1))' is an outcome"
            return true
        case .deed:
            return anyClause { index, clause in
                // "asked her to introduce us" is a request, not a deed.
                deedFound(words.stemmed(.deeds).matches(in: clause.tokens, of: tokens), index)
            }
        case .role:
            if holds(EvidenceTerm(.person), reading, evidence, why: &why, found: &found) { return true }
            return anyClause { index, clause in
                guard let job = words.jobs.matches(in: clause.tokens, of: tokens)
                    .first(where: { counts(index, token: $0.tokens.lowerBound, ours: false) }) else { return false }
                found = reading.tokens.text(from: job.tokens.lowerBound, through: job.tokens.upperBound - 1)
                return true
            }
        case .decision:
            return anyClause { index, clause in
                deedFound(words.stemmed(.decisions).matches(in: clause.tokens, of: tokens), index)
            }
        case .preparation:
            if reading.mention(of: words.writtenPlan) != nil {
                found = "a written plan"
                return true
            }
            let minutes = preparedMinutes(reading)
            found = "\(minutes) minutes of preparation"
            return minutes >= prepMinutes
        case .conditions:
            // Both sides' conditions: a condition, what they need and what we need.
            let outright = clauses.indices.filter { counts($0, token: nil, ours: false, conditional: true) }
            let range = outright.flatMap { Array(clauses[$0].tokens) }
            let hasCondition = outright.contains { !words.conditions.matches(in: clauses[$0].tokens, of: tokens).isEmpty }
            // Their side as the one with conditions: "they", "their", not "told them".
            let theirs = range.contains { AttributionReader.theirPronouns.contains(tokens[$0].word) || ["their", "theirs"].contains(tokens[$0].word) }
                || outright.contains { clauses[$0].facts.persons.contains { $0.side == .theirs } }
            let ours = range.contains { AttributionReader.ourWords.contains(tokens[$0].word) }
            found = "both sides' conditions"
            if !(hasCondition && theirs && ours) {
                why.append(hasCondition ? "it names only one side's conditions" : "it names no condition of either side")
            }
            return hasCondition && theirs && ours
        case .list:
            // Negated words are no part: "nobody demos" lists nothing.
            let outright = clauses.indices.filter { counts($0, token: nil, ours: false) }
            let parts = EvidenceJudge.parts(outright.map { clauses[$0].tokens }, tokens) { reading.negation.isNegated($0) }
            found = "\(parts) parts"
            return parts >= 2
        }
    }

    /// An amount or number and whose it is: "EUR 180 per slot, in Kim Lund's count (their side)".
    private func figure(at start: Int, _ clause: ClauseFacts, _ reading: EvidenceReading) -> String {
        let facts = clause.facts
        let text = facts.amounts.first { $0.tokens.lowerBound == start }?.text ?? facts.frequencies.first { $0.tokens.lowerBound == start }?.text
            ?? reading.tokens.tokens[start].text
        return clause.attribution.source == .theirs ? "\(text), \(EvidenceReader.source(clause.attribution)) (their side)" : text
    }

    /// A clause cut to a line's length.
    static func shortened(_ text: String) -> String {
        // Natively, over the scalars: Foundation's trimming was a tenth of the judge's own time.
        func trimming(_ text: Substring, _ edge: (Unicode.Scalar) -> Bool) -> String {
            let scalars = text.unicodeScalars
            guard let first = scalars.firstIndex(where: { !edge($0) }), let last = scalars.lastIndex(where: { !edge($0) }) else { return "" }
            return String(Substring(scalars[first...last]))
        }
        let trimmed = trimming(Substring(text)) { " ;:,-–—".unicodeScalars.contains($0) }
        // No more scalars than that, no more characters.
        if trimmed.unicodeScalars.count <= 60 || trimmed.count <= 60 { return trimmed }
        // Spaces and tabs, as Foundation's `whitespaces`.
        return trimming(trimmed.prefix(57)) { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator } + "..."
    }

    /// Whether the evidence says `person` took part: a joining word in a clause that tells it done.
    private func joined(_ person: PersonFact, _ clause: ClauseFacts, _ reading: EvidenceReading) -> Bool {
        guard clause.modality.kind == .done || clause.modality.kind == .stated else { return false }
        // After the person ("Kim joined"), or bringing them in before ("Jo brought Kim in").
        let bringing: Set<String> = ["brought", "pulled in", "looped in"]
        return words.joining.matches(in: clause.tokens, of: reading.tokens.tokens).contains { match in
            !reading.negation.isNegated(match.tokens.lowerBound)
                && (match.tokens.lowerBound > person.tokens.lowerBound || bringing.contains(match.phrase))
        }
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
}
