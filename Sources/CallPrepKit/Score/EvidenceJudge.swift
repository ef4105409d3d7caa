/// Judges written evidence by an item's rule (DESIGN section 6): what it must contain, and what
/// does not count. Reads what the evidence says, not only its shape.
struct EvidenceJudge {
    let words: CompiledWordLists
    let people: PeoplePicture
    let prepMinutes: Int

    /// nil when `evidence` meets `rule`; otherwise why not, in words for the rep.
    func problem(_ evidence: String, rule: EvidenceRule) -> String? {
        let placeholder = normalized(evidence)
        if EvidenceKindCheck.placeholders.contains(placeholder) {
            return evidence.isEmpty ? "checked, but no evidence is written" : "the evidence '\(evidence)' is a placeholder"
        }
        // Words describing what happened: counted on the folded text, as most items ask no more.
        if rule.exclusions.isEmpty, rule.requirements == [[.text]] {
            return Self.hasTwoWords(normalized: placeholder) ? nil : missing([.text], evidence)
        }
        // Split into sentences and words only when a kind or an exclusion needs them.
        var split: EvidenceText?
        func text() -> EvidenceText {
            if let split { return split }
            let made = EvidenceText(evidence)
            split = made
            return made
        }
        for exclusion in rule.exclusions where words[exclusion.words].mayOccur(inNormalized: placeholder)
            && text().mentions(words[exclusion.words], unlessNegatedBy: words[.negations]) {
            if !exclusion.unless.contains(where: { holds($0, evidence, normalized: placeholder, text) }) {
                return exclusion.because
            }
        }
        for requirement in rule.requirements
        where !requirement.contains(where: { holds($0, evidence, normalized: placeholder, text) }) {
            return missing(requirement, evidence)
        }
        return nil
    }

    /// Whether `evidence` holds `kind`; `text` splits it into words, for the kinds that need them.
    func holds(_ kind: EvidenceKind, _ evidence: String, normalized folded: String, _ text: () -> EvidenceText) -> Bool {
        switch kind {
        case .number:
            return EvidenceKindCheck.hasNumber(folded)
        case .amount:
            return EvidenceKindCheck.hasNumber(folded) && hasUnit(evidence, text())
        case .date:
            return EvidenceKindCheck.hasDate(evidence) || hasCalendarWord(text()) || text().mentions(words[.events])
        case .quote:
            return hasQuotation(evidence) || hasPossessiveFigure(text())
                || text().mentions(words[.attributions], unlessNegatedBy: words[.negations])
        default:
            return holds(kind, text())
        }
    }

    func holds(_ kind: EvidenceKind, _ text: EvidenceText) -> Bool {
        switch kind {
        case .text:
            return Self.letterWords(text.words) >= 2
        case .number:
            return EvidenceKindCheck.hasNumber(normalized(text.original))
        case .amount:
            return EvidenceKindCheck.hasNumber(normalized(text.original)) && hasUnit(text.original, text)
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
            return text.mentions(Self.writtenPlan, unlessNegatedBy: words[.negations]) || preparedMinutes(text) >= prepMinutes
        }
    }

    /// Whether `normalized` text (words between single spaces) holds two words with a letter: ASCII
    /// letters counted byte by byte, the rest by their scalars.
    private static func hasTwoWords(normalized text: String) -> Bool {
        var found = 0, letterInWord = false, ascii = true
        for byte in text.utf8 {
            if byte == 0x20 {
                letterInWord = false
            } else if byte >= 0x80 {
                ascii = false
            } else if !letterInWord, (0x61...0x7A).contains(byte) {
                letterInWord = true
                found += 1
                if found == 2 { return true }
            }
        }
        return !ascii && letterWords(text.split(separator: " ")) >= 2
    }

    /// How many of `words` hold a letter.
    private static func letterWords(_ words: [some StringProtocol]) -> Int {
        words.filter { $0.unicodeScalars.contains(where: ScalarClass.letter) }.count
    }

    private static let writtenPlan = PhraseSet(["brief", "call plan", "pre-call plan", "written plan", "prep notes"])

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
    private func hasUnit(_ evidence: String, _ text: EvidenceText) -> Bool {
        if evidence.unicodeScalars.contains(where: { [0x24, 0x25, 0xA3, 0xA5, 0x20AC].contains($0.value) }) { return true }
        if text.words.contains(where: { word in
            guard let first = word.unicodeScalars.first, ("0"..."9").contains(first) else { return false }
            return word.hasSuffix("k") || word.hasSuffix("m") || word.hasSuffix("bn") || word.hasSuffix("h")
        }) { return true }
        return text.mentions(words[.currencies]) || text.mentions(words[.units])
    }

    /// A month, a quarter or a year: "in March", "by Q2", "before 2027".
    private func hasCalendarWord(_ text: EvidenceText) -> Bool {
        text.words.contains { word in
            Self.calendarWords.contains(word)
                || (word.utf8.count == 4 && (word.hasPrefix("20") || word.hasPrefix("19")) && Int(word) != nil)
        }
    }

    private static let calendarWords: Set<String> = [
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "q1", "q2", "q3", "q4",
    ]

    /// Someone's own figure: "Mara's figure", "the CFO's count", "finance's numbers".
    private func hasPossessiveFigure(_ text: EvidenceText) -> Bool {
        let figures: Set<String> = ["figure", "figures", "number", "numbers", "count", "estimate", "words", "data"]
        return text.sentences.contains { sentence in
            zip(sentence, sentence.dropFirst()).contains { $0.hasSuffix("'s") && figures.contains($1) }
        }
    }

    /// Two or more words in double quotes, straight or typographic.
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

    /// The longest stretch of preparation the evidence states, in minutes: "45 minutes", "an hour", "2h".
    private func preparedMinutes(_ text: EvidenceText) -> Int {
        var longest = 0
        for sentence in text.sentences {
            for (index, word) in sentence.enumerated() {
                let next = index + 1 < sentence.count ? sentence[index + 1] : ""
                let number = Double(word) ?? (["an", "one", "a"].contains(word) ? 1 : nil)
                if word.hasSuffix("h"), let hours = Double(word.dropLast()) { longest = max(longest, NumberText.whole(hours * 60)) }
                guard let number else { continue }
                if ["minute", "minutes", "min", "mins"].contains(next) { longest = max(longest, NumberText.whole(number)) }
                if ["hour", "hours", "hr", "hrs"].contains(next) { longest = max(longest, NumberText.whole(number * 60)) }
            }
        }
        return longest
    }
}
