/// Frequencies ("every Monday", "twice a week", "3x/month", "daily"), dates ("2026-12-10",
/// "Dec 10", "10 December", "next Tuesday", "Q1", "end of March", "12/3" with a date order) and
/// events ("board meeting", "audit", "renewal", "go-live"). Vague time ("often", "soon", "ASAP")
/// is neither. Read before amounts, which skip the tokens these take.
package struct TimeReader: Sendable {
    package static let months: WordMap<Int> = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]
    package static let weekdays: WordMap<String> = [
        "monday": "monday", "tuesday": "tuesday", "wednesday": "wednesday", "thursday": "thursday", "friday": "friday",
        "saturday": "saturday", "sunday": "sunday", "mon": "monday", "tue": "tuesday", "tues": "tuesday",
        "wed": "wednesday", "thu": "thursday", "thur": "thursday", "thurs": "thursday", "fri": "friday",
    ]
    package static let frequencyAdverbs: WordMap<String> = [
        "daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter", "yearly": "year", "annually": "year",
        "nightly": "night", "hourly": "hour", "fortnightly": "fortnight", "biweekly": "fortnight",
    ]
    package static let cycleWords: WordSet = [
        "day", "week", "month", "quarter", "year", "morning", "evening", "night", "shift", "weekend", "fortnight", "hour",
        "sprint", "run", "cycle", "season",
    ]
    package static let relative = [
        "tomorrow", "next week", "next month", "next quarter", "next year", "this week", "this month", "this quarter",
        "end of the week", "end of the month", "end of the quarter", "end of the year", "end of week", "end of month",
        "end of quarter", "end of year", "eow", "eom", "eoq", "eoy", "year end", "year-end", "month end", "month-end",
    ]
    /// Events by stem: "renews" and "renewal" both find "renewal".
    package static let events = [
        "board meeting", "board", "audit", "renewal", "contract end", "contract expiry", "contract expires",
        "go-live", "go live", "budget cycle", "budget review", "budget round", "budget approval", "budget season",
        "peak season", "peak", "launch", "fiscal year", "financial year", "quarter end", "trade show", "rollout",
        "roll-out", "kickoff", "kick-off", "steering committee", "steerco", "security review", "tender", "rfp",
        "deadline", "cutover", "migration", "merger", "acquisition", "reorg", "inspection", "certification",
        "price increase", "planning cycle", "offsite", "conference", "expiry",
    ]

    private let relativeTable = PhraseTable(relative)
    private let eventTable: PhraseTable

    /// `events` are a team's own, read beside the table.
    package init(stemmer: Stemmer, events: [String] = []) { eventTable = PhraseTable(Self.events + events, stemmer: stemmer) }

    /// "once", "twice", "thrice" as counts.
    static let multiples: WordMap<Int> = ["once": 1, "twice": 2, "thrice": 3]

    package func frequencies(_ text: EvidenceTokens, in range: Range<Int>, taken: inout TakenTokens) -> [FrequencyFact] {
        let tokens = text.tokens
        var found: [FrequencyFact] = []
        func add(_ first: Int, _ end: Int, _ count: Int?, _ period: String) {
            found.append(FrequencyFact(text: text.text(from: first, through: end - 1), tokens: first..<end, count: count, period: period))
            taken.formUnion(first..<end)
        }
        func per(_ at: Int) -> String? {  // "a week", "per month", "/week", "each quarter"
            guard at + 1 < range.upperBound, ["a", "an", "per", "/", "each", "every"].contains(tokens[at].word) else { return nil }
            let word = tokens[at + 1].word
            return Self.cycleWords.contains(word) ? word : Self.weekdays[word]
        }
        var index = range.lowerBound
        while index < range.upperBound {
            let word = tokens[index].word
            if ["every", "each"].contains(word), index + 1 < range.upperBound {
                var next = index + 1
                var count: Int?
                if ["other", "second"].contains(tokens[next].word) { next += 1; count = nil }
                let skip = (tokens[next].kind == .number || AmountReader.numberWords[tokens[next]] != nil) && next + 1 < range.upperBound
                if skip { next += 1 }
                let unit = tokens[next].word
                let period = Self.weekdays[unit] ?? Self.weekdays[String(unit.dropLast())]
                    ?? (Self.cycleWords.contains(unit) || Self.cycleWords.contains(String(unit.dropLast())) ? String(unit.hasSuffix("s") ? unit.dropLast() : Substring(unit)) : nil)
                if let period {
                    add(index, next + 1, skip ? nil : (count ?? 1), period)
                    index = next + 1
                    continue
                }
            }
            if let period = Self.frequencyAdverbs[tokens[index]] {
                add(index, index + 1, 1, period)
            } else if let count = Self.multiples[tokens[index]], let period = per(index + 1) {
                add(index, index + 3, count, period)
                index += 3
                continue
            } else if tokens[index].kind == .number || AmountReader.numberWords[tokens[index]] != nil {
                // "3 times a week", "three times per month", "3x/week", "3x a week"
                let times = tokens[index].word.hasSuffix("x") ? index + 1 : (index + 1 < range.upperBound && ["times", "x"].contains(tokens[index + 1].word) ? index + 2 : nil)
                let value = Double(tokens[index].word.filter(\.isNumber)) ?? AmountReader.numberWords[word]
                if let times, let period = per(times) {
                    add(index, times + 2, value.map { Int($0) }, period)
                    index = times + 2
                    continue
                }
            } else if tokens[index].word == "on" || tokens[index].capitalized, word.hasSuffix("s"),
                      let day = Self.weekdays[String(word.dropLast())], word.count > 4 {
                add(index, index + 1, 1, day)  // "Mondays"
            }
            index += 1
        }
        return found
    }

    package func dates(_ text: EvidenceTokens, in range: Range<Int>, order: DateOrder?, taken: inout TakenTokens) -> [DateFact] {
        let tokens = text.tokens
        var found: [DateFact] = []
        func add(_ first: Int, _ end: Int, _ kind: DateFact.Kind, year: Int? = nil, month: Int? = nil, day: Int? = nil, ambiguous: Bool = false) {
            found.append(DateFact(text: text.text(from: first, through: end - 1), tokens: first..<end, kind: kind,
                                  year: year, month: month, day: day, ambiguous: ambiguous))
            taken.formUnion(first..<end)
        }
        func dayNumber(_ at: Int) -> Int? {
            guard range.contains(at), tokens[at].kind == .number else { return nil }
            let day = Int(tokens[at].word.prefix { $0.isNumber })
            return day.flatMap { (1...31).contains($0) && tokens[at].word.allSatisfy({ $0.isNumber || $0.isLetter }) ? $0 : nil }
        }
        func year(_ at: Int) -> Int? {
            guard range.contains(at), tokens[at].kind == .number, let value = Int(tokens[at].word), (2000...2099).contains(value) else { return nil }
            return value
        }
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            guard !taken.contains(index) else { continue }
            let token = tokens[index]
            let word = token.word
            if token.kind == .number, let date = Self.numeric(word, order: order) {
                add(index, index + 1, .calendar, year: date.year, month: date.month, day: date.day, ambiguous: date.ambiguous)
            } else if token.kind == .number, token.word.hasSuffix("am") || token.word.hasSuffix("pm") || token.word.hasByte(UInt8(ascii: ":")) {
                taken.insert(index)  // a time of day: no amount
            } else if let month = Self.months[token], word != "may" || token.capitalized || dayNumber(index + 1) != nil,
                      word.count > 3 || token.capitalized || dayNumber(index + 1) != nil {
                // "Dec 10", "December 10th 2026", "10 December", "10th of December", "end of March", "March"
                var first = index
                var day: Int?
                if let before = dayNumber(index - 1), index - 1 >= range.lowerBound, !taken.contains(index - 1) { day = before; first = index - 1 }
                else if index - 2 >= range.lowerBound, tokens[index - 1].word == "of", let before = dayNumber(index - 2) { day = before; first = index - 2 }
                var end = index + 1
                if day == nil, let after = dayNumber(index + 1) { day = after; end += 1 }
                let y = year(end)
                if y != nil { end += 1 }
                add(first, end, day == nil ? .month : .calendar, year: y, month: month, day: day)
                index = end - 1
            } else if let weekday = Self.weekdays[token], word.count > 3 || token.capitalized {
                let first = index > range.lowerBound && ["next", "this", "on", "last", "coming"].contains(tokens[index - 1].word) ? index - 1 : index
                add(first, index + 1, first < index && tokens[first].word != "on" ? .relative : .weekday)
                _ = weekday
            } else if (word == "q" || word == "h" || word == "fy"), index + 1 < range.upperBound, tokens[index + 1].kind == .number,
                      tokens[index + 1].range.lowerBound == token.range.upperBound, let number = Int(tokens[index + 1].word) {
                let valid = word == "q" ? (1...4).contains(number) : word == "h" ? (1...2).contains(number) : true
                guard valid else { continue }
                var end = index + 2
                let y = year(end)
                if y != nil { end += 1 }
                add(index, end, word == "fy" ? .year : .quarter, year: y ?? (word == "fy" ? 2000 + number % 100 : nil))
                index = end - 1
            } else if let match = relativeTable.match(at: index, in: tokens, before: range.upperBound) {
                add(index, match.tokens.upperBound, .relative)
                index = match.tokens.upperBound - 1
            } else if let y = year(index), index > range.lowerBound, ["in", "by", "for", "during", "from", "until", "before"].contains(tokens[index - 1].word) {
                add(index, index + 1, .year, year: y)
            }
        }
        return found
    }

    /// "2026-12-10", "12/3", "12/3/2026", "3.12.2026"; nil when it is not a date.
    static func numeric(_ written: String, order: DateOrder?) -> (year: Int?, month: Int, day: Int, ambiguous: Bool)? {
        let iso = written.split(separator: "-").compactMap { Int($0) }
        if iso.count == 3, written.prefix(4).allSatisfy(\.isNumber), (1...12).contains(iso[1]), (1...31).contains(iso[2]) {
            return (iso[0], iso[1], iso[2], false)
        }
        let parts = written.split(whereSeparator: { $0 == "/" || $0 == "." }).map { Int($0) }
        guard written.hasByte(UInt8(ascii: "/")) || parts.count == 3, parts.count == 2 || parts.count == 3, let a = parts[0], let b = parts[1] else { return nil }
        let year = parts.count == 3 ? parts[2].map { $0 < 100 ? 2000 + $0 : $0 } : nil
        if parts.count == 3, year == nil { return nil }
        switch (a, b) {
        case (13...31, 1...12): return (year, b, a, false)
        case (1...12, 13...31): return (year, a, b, false)
        case (1...12, 1...12):
            switch order {
            case .dayMonth: return (year, b, a, false)
            case .monthDay: return (year, a, b, false)
            case nil: return (year, b, a, true)
            }
        default: return nil
        }
    }

    package func events(_ text: EvidenceTokens, in range: Range<Int>) -> [EventFact] {
        eventTable.matches(in: range, of: text.tokens).compactMap { match in
            // "on board" is agreement, not the board.
            if match.phrase == "board", match.tokens.lowerBound > range.lowerBound, text.tokens[match.tokens.lowerBound - 1].word == "on" { return nil }
            return EventFact(text: text.text(from: match.tokens.lowerBound, through: match.tokens.upperBound - 1), tokens: match.tokens, event: match.phrase)
        }
    }
}
