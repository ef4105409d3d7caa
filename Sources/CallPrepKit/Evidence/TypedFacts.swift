/// An amount: a number with what it counts. "EUR 180 per slot", "~40 late drops a month", "12%".
package struct AmountFact: Sendable, Hashable, Codable {
    package var text: String
    package var tokens: Range<Int>
    package var value: Double
    /// The top of a range: "20-30", "20 to 30".
    package var upper: Double?
    /// ISO 4217 code: "EUR", "USD", "GBP".
    package var currency: String?
    /// What is counted, as written: "hours", "drops", "percent".
    package var unit: String?
    /// Per what, when it is not a period: "slot" in "EUR 180 per slot".
    package var per: String?
    /// The period: "week", "month", "year".
    package var period: String?
    /// "~", "approx", "about", "roughly".
    package var approximate: Bool
}

/// How often something happens: "every Monday", "twice a week", "three times a month", "daily".
package struct FrequencyFact: Sendable, Hashable, Codable {
    package var text: String
    package var tokens: Range<Int>
    /// Times per period, when said.
    package var count: Int?
    /// "week", "month", "monday", "quarter" ...
    package var period: String
}

/// A date or a time reference: "2026-12-10", "Dec 10", "next Tuesday", "Q1", "end of March".
package struct DateFact: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable { case calendar, month, weekday, relative, quarter, year }
    package var text: String
    package var tokens: Range<Int>
    package var kind: Kind
    package var year: Int?
    package var month: Int?
    package var day: Int?
    /// Two numbers that could each be the day or the month ("3/4"), with no date order to decide.
    package var ambiguous: Bool = false
}

/// A business event: a board meeting, an audit, a renewal, a go-live.
package struct EventFact: Sendable, Hashable, Codable {
    package var text: String
    package var tokens: Range<Int>
    /// The event as the table names it.
    package var event: String
}

/// A person named in the text, resolved against the people picture.
package struct PersonFact: Sendable, Hashable, Codable {
    package var name: String
    package var side: Side
    package var role: BuyingRole?
    package var tookPart: Bool
    package var tokens: Range<Int>
}

/// Two or more outcomes laid out, at least one of them perhaps a no: "we sign or we part ways".
package struct OutcomeAlternatives: Sendable, Hashable, Codable {
    /// The outcomes as written, in order.
    package var outcomes: [String]
    /// One of them is a no: stop, no fit, part ways, walk away, call it a day.
    package var includesNo: Bool
}

/// The typed facts of one clause.
package struct TypedFacts: Sendable, Hashable, Codable {
    package var amounts: [AmountFact] = []
    package var frequencies: [FrequencyFact] = []
    package var dates: [DateFact] = []
    package var events: [EventFact] = []
    package var persons: [PersonFact] = []

    package var isEmpty: Bool { amounts.isEmpty && frequencies.isEmpty && dates.isEmpty && events.isEmpty && persons.isEmpty }
}

/// The order of a date's day and month in "3/4": the workspace's setting, or none (ambiguous).
package enum DateOrder: String, Sendable, Hashable, Codable {
    case dayMonth = "day-month"
    case monthDay = "month-day"
}
