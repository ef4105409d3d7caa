import Foundation

/// The words a verdict is told in, and the small readings of text the judge's terms share.
extension EvidenceJudge {
    /// Parts with a word between separators: `;` `,` `:` `+` `/` `>` "then", "after", "followed by",
    /// and "and" between parts of two words or more ("uptime at peak and integration with their
    /// POS", not "Kim and her boss"). Tokens `skipped` (negated ones) are no part.
    static func parts(_ ranges: [Range<Int>], _ tokens: [EvidenceToken], skipping skipped: (Int) -> Bool = { _ in false }) -> Int {
        var parts = 0
        for range in ranges {
            var words = 0
            var pendingAnd = 0  // words before an "and" not yet counted as a part
            for index in range {
                let token = tokens[index]
                if skipped(index) { continue }
                let separates = (token.kind == .punctuation && [";", ",", ":", "-", "(", ")"].contains(token.word))
                    || (token.kind == .symbol && ["+", "/", ">", "→", "&"].contains(token.word))
                    || (token.kind == .word && ["then", "after", "followed", "next", "finally", "afterwards", "plus"].contains(token.word))
                if token.kind == .word, token.word == "and" {
                    pendingAnd = words
                    words = 0
                } else if separates {
                    if pendingAnd >= 2 && words >= 2 { parts += 2 } else if pendingAnd + words > 0 { parts += 1 }
                    words = 0
                    pendingAnd = 0
                } else if token.kind == .word || token.kind == .number {
                    words += 1
                }
            }
            if pendingAnd >= 2 && words >= 2 { parts += 2 } else if pendingAnd + words > 0 { parts += 1 }
        }
        return parts
    }

    /// Whether a relative date names a day: a weekday, today, tomorrow.
    static func namesADay(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu",
                "fri", "sat", "sun", "today", "tomorrow", "tonight"].contains { day in
            lower.split { !$0.isLetter }.contains { $0 == day || ($0.hasPrefix(day) && day.count >= 3 && $0.count <= day.count + 2) }
        }
    }

    /// An amount written with a scale: "130k", "1.5m", "2bn", "40 thousand".
    static func hasScale(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.split(whereSeparator: { $0 == " " }).contains { word in
            (word.first?.isNumber == true && (word.hasSuffix("k") || word.hasSuffix("m") || word.hasSuffix("bn")))
                || ["thousand", "million", "billion", "grand"].contains(word)
        }
    }

    /// How many word tokens hold a letter.
    static func letterWords(_ tokens: [EvidenceToken]) -> Int {
        tokens.filter { $0.kind == .word && $0.word.unicodeScalars.contains(where: ScalarClass.letter) }.count
    }

    /// The requirement as a phrase: "has no amount".
    func missingText(_ requirement: [EvidenceTerm]) -> String {
        "does not count as " + requirement.map(\.description).joined(separator: " or ")
    }

    /// Why a requirement failed: the first kind's message, or all of them for alternatives.
    func missing(_ requirement: [EvidenceTerm], _ evidence: String) -> String {
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
            case .role: "names no one on the customer's side, by name or by job (the CFO, procurement, the board)"
            case .decision: "shows no decision taken (decided, approved, signed off, funded, an owner named)"
            case .preparation: "shows no written plan, and less than \(prepMinutes) minutes of preparation"
            case .conditions: "does not name both sides' conditions (what they need of us, and what we need of them)"
            case .list: "lists fewer than two parts (steps in order, or criteria)"
            }
        }
        let subject = requirement.map(\.kind) == [.text] ? "the evidence '\(evidence)' " : "the evidence "
        return subject + reasons.joined(separator: ", and ")
    }

    /// Two or more words in double quotes, straight or typographic, or in single quotes after a colon.
    func hasQuotation(_ text: String) -> Bool {
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
