import Foundation

/// Amounts: digits or number words, with a currency before or after, a scale ("k", "m",
/// "thousand"), a range, a unit ("hours", "drops", "%") and a period ("a week", "/month").
/// Tokens already read as dates or frequencies are passed in `taken` and left alone.
package struct AmountReader: Sendable {
    package static let currencyCodes: WordSet = [
        "eur", "usd", "gbp", "chf", "sek", "nok", "dkk", "pln", "aud", "cad", "jpy", "inr", "nzd", "sgd", "zar",
    ]
    package static let currencySigns: WordMap<String> = ["€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "₹": "INR"]
    package static let currencyWords: WordMap<String> = [
        "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "bucks": "USD", "pound": "GBP", "pounds": "GBP",
        "quid": "GBP",
    ]
    package static let scales: WordMap<Double> = [
        "k": 1e3, "thousand": 1e3, "grand": 1e3, "m": 1e6, "mn": 1e6, "mil": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9,
    ]
    package static let approximations: WordSet = [
        "~", "≈", "approx", "approximately", "about", "around", "roughly", "circa", "ca", "some", "nearly", "almost",
        "est", "estimated", "ish",
    ]
    package static let numberWords: WordMap<Double> = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100,
    ]
    /// What an amount counts, matched by stem; one describing word may stand between ("40 late drops").
    package static let units = [
        "hour", "hr", "hrs", "h", "minute", "min", "mins", "day", "week", "month", "year", "people", "person", "staff",
        "head", "headcount", "fte", "user", "seat", "licence", "license", "driver", "truck", "vehicle", "van", "order",
        "delivery", "drop", "shipment", "slot", "ticket", "call", "error", "complaint", "return", "site", "store",
        "branch", "warehouse", "depot", "route", "stop", "pallet", "case", "unit", "item", "lead", "deal", "customer",
        "account", "invoice", "claim", "incident", "shift", "agent", "engineer", "rep", "employee", "location",
        "machine", "line", "product", "sku", "batch", "sample", "test", "recall", "audit", "job", "visit", "booking",
        "appointment", "mile", "km", "kg", "tonne", "ton", "litre", "liter", "page", "document", "contract", "file",
        "record", "check", "inspection", "defect", "failure", "breakdown", "outage", "parcel", "package", "container",
        "percent", "per cent", "pct", "point", "days", "weeks", "months", "years", "fte", "planner", "dispatcher",
        "wk", "wks", "yr", "yrs", "mo", "mos", "mth", "mths",
    ]
    package static let periods: WordMap<String> = [
        "day": "day", "week": "week", "wk": "week", "month": "month", "mo": "month", "mth": "month", "year": "year",
        "yr": "year", "annum": "year", "quarter": "quarter", "qtr": "quarter", "shift": "shift", "hour": "hour",
        "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year", "quarterly": "quarter",
        "pa": "year", "hourly": "hour",
    ]

    /// Words that may start a number besides the number words: "a dozen", "thousand".
    static let numberStarts: WordSet = ["a", "an", "thousand", "million"]

    /// Words that link an amount to its period or per-unit, never a describing word.
    static let linkWords: WordSet = ["per", "a", "an", "/", "each", "every", "of", "in", "on", "at", "for", "to", "by", "is", "was"]

    private let unitTable: PhraseTable
    private let stemmer: Stemmer
    /// The team's currency words, each its own code unless the table knows it ("dkk", "kroner").
    private let teamCurrencies: [String: String]

    /// `units` and `currencies` are a team's own, read beside the tables; link words and scales in
    /// them ("per", "each", "million") keep their own meaning.
    package init(stemmer: Stemmer, units: [String] = [], currencies: [String] = []) {
        self.stemmer = stemmer
        unitTable = PhraseTable(Self.units + units.filter { !Self.linkWords.contains($0) && !$0.hasPrefix("a ") }, stemmer: stemmer)
        var team: [String: String] = [:]
        for word in currencies where !word.contains(" ") && Self.scales[word] == nil {
            team[word] = Self.currencyWords[word] ?? word.uppercased()
        }
        teamCurrencies = team
    }

    package func read(_ text: EvidenceTokens, in range: Range<Int>, taken: inout TakenTokens) -> [AmountFact] {
        let tokens = text.tokens
        var found: [AmountFact] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard !taken.contains(index), let (value, upper, numberEnd) = number(at: index, tokens, before: range.upperBound) else {
                index += 1
                continue
            }
            var amount = AmountFact(text: "", tokens: index..<numberEnd, value: value, upper: upper, approximate: false)
            var first = index
            var cursor = numberEnd
            // Before: "~", "approx", "EUR", "€".
            for back in stride(from: index - 1, through: max(range.lowerBound, index - 3), by: -1) where !taken.contains(back) {
                let word = tokens[back].word
                if amount.currency == nil, let code = currency(tokens[back]) { amount.currency = code; first = back; _ = word; continue }
                if Self.approximations.contains(word) { amount.approximate = true; first = back; continue }
                break
            }
            // After: a scale, a range's top, a currency, a unit, a per, a period.
            if cursor < range.upperBound, let scale = Self.scales[tokens[cursor]], tokens[cursor].kind == .word {
                amount.value *= scale
                amount.upper = amount.upper.map { $0 * scale }
                cursor += 1
            }
            if amount.upper == nil, cursor + 1 < range.upperBound, tokens[cursor].word == "to" || tokens[cursor].word == "-",
               let (top, _, end) = number(at: cursor + 1, tokens, before: range.upperBound) {
                amount.upper = top
                cursor = end
            }
            if cursor < range.upperBound, amount.currency == nil, let code = currency(tokens[cursor]) {
                amount.currency = code
                cursor += 1
            }
            if cursor < range.upperBound, ["%", "percent", "pct"].contains(tokens[cursor].word) {
                amount.unit = "percent"
                cursor += 1
            } else if cursor < range.upperBound, !Self.linkWords.contains(tokens[cursor]),
                      let unit = unitTable.match(at: cursor, in: tokens, before: range.upperBound)
                        ?? unitTable.match(at: cursor + 1, in: tokens, before: range.upperBound).flatMap({ tokens[cursor].kind == .word ? $0 : nil }) {
                // One describing word may come first: "40 late drops".
                amount.unit = tokens[cursor..<unit.tokens.upperBound].map(\.word).joined(separator: " ")
                cursor = unit.tokens.upperBound
            } else if cursor < range.upperBound, tokens[cursor].kind == .word, let last = tokens[cursor].word.split(separator: "-").last,
                      tokens[cursor].word.contains("-"), unitTable.contains(key: stemmer.stem(String(last))) {
                // A compound unit: "6 engineer-hours", "2 planner-days".
                amount.unit = tokens[cursor].word
                cursor += 1
            } else {
                // Things counted that the table does not know, if a period follows: "310 urgent
                // call-outs a quarter", "35 jobs slip a month" is not one (a verb between).
                var ahead = cursor
                while ahead < min(cursor + 2, range.upperBound), tokens[ahead].kind == .word, !Self.linkWords.contains(tokens[ahead]),
                      Self.periods[tokens[ahead]] == nil { ahead += 1 }
                if ahead > cursor, ahead + 1 < range.upperBound, ["per", "a", "an", "/", "each", "every"].contains(tokens[ahead].word),
                   Self.periods[tokens[ahead + 1]] ?? Self.periods[String(tokens[ahead + 1].word.dropLast())] != nil {
                    amount.unit = tokens[cursor..<ahead].map(\.word).joined(separator: " ")
                    cursor = ahead
                }
            }
            // "per slot", "/month", "a week", "monthly", "p.a."
            if cursor < range.upperBound, let period = Self.periods[tokens[cursor]], ["daily", "weekly", "monthly", "yearly", "annually", "quarterly", "hourly", "pa"].contains(tokens[cursor].word) {
                amount.period = period
                cursor += 1
            } else if cursor + 1 < range.upperBound, ["per", "a", "an", "/", "each", "every"].contains(tokens[cursor].word),
                      tokens[cursor + 1].kind == .word {
                let word = tokens[cursor + 1].word
                if let period = Self.periods[word] ?? Self.periods[String(word.dropLast())] {
                    amount.period = period
                    cursor += 2
                } else if tokens[cursor].word == "per" || tokens[cursor].word == "/" {
                    amount.per = word
                    cursor += 2
                    if cursor + 1 < range.upperBound, ["per", "a", "/", "each"].contains(tokens[cursor].word),
                       let period = Self.periods[tokens[cursor + 1]] {
                        amount.period = period
                        cursor += 2
                    }
                }
            }
            amount.tokens = first..<cursor
            amount.text = text.text(from: first, through: cursor - 1)
            taken.formUnion(first..<cursor)
            found.append(amount)
            index = cursor
        }
        return found
    }

    private func currency(_ token: EvidenceToken) -> String? {
        if token.kind == .symbol { return Self.currencySigns[token.word] }
        guard token.kind == .word else { return nil }
        if Self.currencyCodes.contains(token) { return token.word.uppercased() }
        return Self.currencyWords[token] ?? teamCurrencies[token.word]
    }

    /// The number at `index`: digits ("85,000", "2.5k", "20-30") or words ("three hundred",
    /// "a dozen", "twenty-five"), with the index after it. Dates, times and ordinals are no amounts.
    func number(at index: Int, _ tokens: [EvidenceToken], before end: Int) -> (Double, Double?, Int)? {
        let token = tokens[index]
        if token.kind == .number { return Self.digits(token.word).map { ($0.0, $0.1, index + 1) } }
        // Most words are no number: a look-up, not a split, tells.
        guard token.kind == .word, Self.numberWords[token] != nil || Self.numberStarts.contains(token)
                || token.word.hasByte(UInt8(ascii: "-")) else { return nil }
        var total = 0.0
        var current = 0.0
        var cursor = index
        var any = false
        if token.word == "a" || token.word == "an", index + 1 < end, ["dozen", "hundred", "thousand", "million"].contains(tokens[index + 1].word) {
            current = 1
            cursor += 1
        }
        while cursor < end, tokens[cursor].kind == .word {
            let parts = tokens[cursor].word.split(separator: "-").map(String.init)
            guard parts.allSatisfy({ Self.numberWords[$0] != nil || $0 == "thousand" || $0 == "million" }) else { break }
            for part in parts {
                switch part {
                case "hundred": current = max(current, 1) * 100
                case "dozen": current = max(current, 1) * 12
                case "thousand": total += max(current, 1) * 1e3; current = 0
                case "million": total += max(current, 1) * 1e6; current = 0
                default: current += Self.numberWords[part] ?? 0
                }
            }
            any = true
            cursor += 1
            if cursor + 1 < end, tokens[cursor].word == "and", Self.numberWords[tokens[cursor + 1]] != nil { cursor += 1 }
        }
        // "one" alone is too often a pronoun ("the one she shared") to be an amount.
        guard any, !(cursor == index + 1 && token.word == "one") else { return nil }
        return (total + current, nil, cursor)
    }

    /// "85,000" → 85000, "2.5k" → 2500, "1.2m" → 1200000, "20-30" → 20 to 30; nil for "12/3", "10:30", "3rd", "9am".
    static func digits(_ written: String) -> (Double, Double?)? {
        var text = written.lowercased()
        if text.hasByte(UInt8(ascii: "/")) || text.hasByte(UInt8(ascii: ":")) { return nil }
        var scale = 1.0
        for (suffix, factor) in [("bn", 1e9), ("mn", 1e6), ("k", 1e3), ("m", 1e6)] where text.hasSuffix(suffix) {
            scale = factor
            text.removeLast(suffix.count)
            break
        }
        if text.last?.isLetter == true { return text.hasSuffix("x") ? Double(text.dropLast()).map { ($0, nil) } : nil }
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "‐" }).map { String($0.unicodeScalars.filter { $0 != "," }) }
        guard let low = parts.first.flatMap(Double.init), parts.count <= 2 else { return nil }
        let high = parts.count == 2 ? Double(parts[1]) : nil
        return (low * scale, high.map { $0 * scale })
    }
}
