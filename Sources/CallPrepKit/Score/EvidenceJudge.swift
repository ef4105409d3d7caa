/// Judges written evidence by an item's rule (DESIGN section 6): what it must contain, and what
/// does not count. Reads what the evidence says, not only its shape.
struct EvidenceJudge {
    let words: WordLists
    let people: PeoplePicture
    let prepMinutes: Int

    /// nil when `evidence` meets `rule`; otherwise why not, in words for the rep.
    func problem(_ evidence: String, rule: EvidenceRule) -> String? {
        let placeholder = normalized(evidence)
        if EvidenceKindCheck.placeholders.contains(placeholder) {
            return evidence.isEmpty ? "checked, but no evidence is written" : "the evidence '\(evidence)' is a placeholder"
        }
        let text = EvidenceText(evidence)
        for exclusion in rule.exclusions where text.mentions(words[exclusion.words], unlessNegatedBy: words[.negations]) {
            if !exclusion.unless.contains(where: { holds($0, text) }) { return exclusion.because }
        }
        for requirement in rule.requirements where !requirement.contains(where: { holds($0, text) }) {
            return missing(requirement, evidence)
        }
        return nil
    }

    func holds(_ kind: EvidenceKind, _ text: EvidenceText) -> Bool {
        switch kind {
        case .text:
            return text.words.filter { $0.unicodeScalars.contains { $0.properties.isAlphabetic } }.count >= 2
        case .number:
            return EvidenceKindCheck.hasNumber(normalized(text.original))
        case .amount:
            return EvidenceKindCheck.hasNumber(normalized(text.original)) && hasUnit(text)
        case .date:
            return EvidenceKindCheck.hasDate(text.original) || hasCalendarWord(text) || text.mentions(words[.events])
        case .person:
            return !people.named(in: text).isEmpty
        case .quote:
            return hasQuotation(text.original) || text.mentions(words[.attributions], unlessNegatedBy: words[.negations])
                || hasPossessiveFigure(text)
        case .outcomes:
            return text.mentions(words[.refusals])
        case .attendee:
            return people.named(in: text).contains(where: \.tookPart)
        case .deed:
            return text.mentions(words[.deeds], unlessNegatedBy: words[.negations])
        case .preparation:
            return text.mentions(["brief", "call plan", "pre-call plan", "written plan", "prep notes"], unlessNegatedBy: words[.negations])
                || preparedMinutes(text) >= prepMinutes
        }
    }

    /// Why a requirement failed: the first kind's message, or all of them for alternatives.
    private func missing(_ requirement: [EvidenceKind], _ evidence: String) -> String {
        let reasons = requirement.map { kind -> String in
            switch kind {
            case .text: "is too short to show anything"
            case .number: "has no number"
            case .amount: "has no amount (a number, with its currency, unit or period)"
            case .date: "has no date, event or deadline"
            case .person: "names no one on the customer's side (list the people you met in People met)"
            case .quote: "is not in the customer's own words: quote them, or say whose figure it is"
            case .outcomes: "names no possible outcome of the call, nor that \"no\" is an acceptable one"
            case .attendee: "names no one on the customer's side who took part in a call, only names"
            case .deed: "shows nothing the person did for the deal (introduced us, shared data, arranged access)"
            case .preparation: "shows no written plan, and less than \(prepMinutes) minutes of preparation"
            }
        }
        let subject = requirement == [.text] ? "the evidence '\(evidence)' " : "the evidence "
        return subject + reasons.joined(separator: ", and ")
    }

    /// A currency, a unit or a period beside the number: "EUR 40k", "16 hours a week", "30 a month".
    private func hasUnit(_ text: EvidenceText) -> Bool {
        if text.original.unicodeScalars.contains(where: { "€$£¥%".unicodeScalars.contains($0) }) { return true }
        if text.words.contains(where: { word in
            guard let first = word.unicodeScalars.first, ("0"..."9").contains(first) else { return false }
            return word.hasSuffix("k") || word.hasSuffix("m") || word.hasSuffix("bn") || word.hasSuffix("h")
        }) { return true }
        return text.mentions(words[.currencies]) || text.mentions(words[.units])
    }

    /// A month, a quarter or a year: "in March", "by Q2", "before 2027".
    private func hasCalendarWord(_ text: EvidenceText) -> Bool {
        let months = ["january", "february", "march", "april", "june", "july", "august", "september", "october",
                      "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                      "nov", "dec"]
        return text.words.contains { word in
            months.contains(word) || ["q1", "q2", "q3", "q4"].contains(word)
                || (word.count == 4 && (word.hasPrefix("20") || word.hasPrefix("19")) && Int(word) != nil)
        }
    }

    /// Someone's own figure: "Mara's figure", "the CFO's count", "finance's numbers".
    private func hasPossessiveFigure(_ text: EvidenceText) -> Bool {
        let figures: Set<String> = ["figure", "figures", "number", "numbers", "count", "estimate", "words", "data"]
        return text.sentences.contains { sentence in
            zip(sentence, sentence.dropFirst()).contains { $0.hasSuffix("'s") && figures.contains($1) }
        }
    }

    /// Two or more words in double quotes, straight or typographic.
    private func hasQuotation(_ text: String) -> Bool {
        var inside: String?
        for character in text {
            if "\"“”«»„".contains(character) {
                if let quoted = inside {
                    if quoted.split(whereSeparator: \.isWhitespace).count >= 2 { return true }
                    inside = nil
                } else {
                    inside = ""
                }
            } else if inside != nil {
                inside?.append(character)
            }
        }
        return false
    }

    /// The longest stretch of preparation the evidence states, in minutes: "45 minutes", "an hour", "2h".
    private func preparedMinutes(_ text: EvidenceText) -> Int {
        var longest = 0
        for sentence in text.sentences {
            for (index, word) in sentence.enumerated() {
                let next = index + 1 < sentence.count ? sentence[index + 1] : ""
                let number = Double(word) ?? (["an", "one", "a"].contains(word) ? 1 : nil)
                if word.hasSuffix("h"), let hours = Double(word.dropLast()) { longest = max(longest, Int(hours * 60)) }
                guard let number else { continue }
                if ["minute", "minutes", "min", "mins"].contains(next) { longest = max(longest, Int(number)) }
                if ["hour", "hours", "hr", "hrs"].contains(next) { longest = max(longest, Int(number * 60)) }
            }
        }
        return longest
    }
}
