@testable import CallPrepKit
import Testing

@Suite("Evidence: typed facts")
struct EvidenceTypedFactsTests {
    static func facts(_ text: String, order: DateOrder? = nil) throws -> TypedFacts {
        let clauses = try EvidenceFixture.reader(order).read(text).clauses
        var all = TypedFacts()
        for clause in clauses {
            all.amounts += clause.facts.amounts
            all.frequencies += clause.facts.frequencies
            all.dates += clause.facts.dates
            all.events += clause.facts.events
            all.persons += clause.facts.persons
        }
        return all
    }

    struct Amount: Sendable, CustomTestStringConvertible {
        var name: String, text: String, value: Double, currency: String? = nil, unit: String? = nil, per: String? = nil,
            period: String? = nil, upper: Double? = nil, approximate = false
        var testDescription: String { name }
    }

    @Test(arguments: [
        Amount(name: "code before", text: "EUR 180 per slot", value: 180, currency: "EUR", per: "slot"),
        Amount(name: "sign before", text: "€180/slot", value: 180, currency: "EUR", per: "slot"),
        Amount(name: "code after", text: "180 EUR a month", value: 180, currency: "EUR", period: "month"),
        Amount(name: "k suffix", text: "$2.5k per seat", value: 2500, currency: "USD", per: "seat"),
        Amount(name: "separators", text: "£85,000 a year", value: 85000, currency: "GBP", period: "year"),
        Amount(name: "m suffix", text: "1.2m in write-offs", value: 1_200_000),
        Amount(name: "hours a week", text: "roughly 12 hours a week", value: 12, unit: "hours", period: "week", approximate: true),
        Amount(name: "slash period, ~", text: "~40 late drops/month", value: 40, unit: "late drops", period: "month", approximate: true),
        Amount(name: "percent", text: "churn at 7% yearly", value: 7, unit: "percent", period: "year"),
        Amount(name: "a range", text: "20-30 tickets a month", value: 20, unit: "tickets", period: "month", upper: 30),
        Amount(name: "a range in words", text: "between 5 to 8 FTE", value: 5, unit: "fte", upper: 8),
        Amount(name: "words", text: "twelve planners", value: 12, unit: "planners"),
        Amount(name: "a dozen", text: "a dozen sites", value: 12, unit: "sites"),
        Amount(name: "hundreds in words", text: "three hundred pallets a day", value: 300, unit: "pallets", period: "day"),
        Amount(name: "a scale word", text: "4 million euros", value: 4_000_000, currency: "EUR"),
    ])
    func amount(_ expected: Amount) throws {
        let amount = try #require(Self.facts(expected.text).amounts.first, "\(expected.name)")
        #expect(amount.value == expected.value, "\(expected.name): \(amount)")
        #expect(amount.currency == expected.currency, "\(expected.name): \(amount)")
        #expect(amount.unit == expected.unit, "\(expected.name): \(amount)")
        #expect(amount.per == expected.per, "\(expected.name): \(amount)")
        #expect(amount.period == expected.period, "\(expected.name): \(amount)")
        #expect(amount.upper == expected.upper, "\(expected.name): \(amount)")
        #expect(amount.approximate == expected.approximate, "\(expected.name): \(amount)")
    }

    @Test(arguments: [
        ("every weekday name", "every Monday the planners re-key it", 1, "monday"),
        ("twice a week", "runs twice a week", 2, "week"),
        ("three times a month", "escalates three times a month", 3, "month"),
        ("digits and x", "fails 3x/week", 3, "week"),
        ("an adverb", "they reconcile daily", 1, "day"),
        ("each quarter", "audited each quarter", 1, "quarter"),
        ("plural weekday", "stock counts on Fridays", 1, "friday"),
    ] as [(String, String, Int?, String)])
    func frequency(name: String, text: String, count: Int?, period: String) throws {
        let facts = try Self.facts(text)
        let frequency = try #require(facts.frequencies.first, "\(name): \(facts)")
        #expect(frequency.count == count && frequency.period == period, "\(name): \(frequency)")
        #expect(facts.amounts.isEmpty, "\(name): \(facts.amounts)")
    }

    @Test(arguments: [
        ("ISO", "go-live 2027-02-01", DateFact.Kind.calendar, 2027, 2, 1),
        ("month then day", "call on Dec 10", .calendar, nil, 12, 10),
        ("day then month", "10 December 2026", .calendar, 2026, 12, 10),
        ("ordinal of month", "the 3rd of March", .calendar, nil, 3, 3),
        ("end of month name", "end of March", .month, nil, 3, nil),
        ("next weekday", "next Tuesday w/ Raj", .relative, nil, nil, nil),
        ("a quarter", "budget frees up in Q1 2027", .quarter, 2027, nil, nil),
        ("end of quarter", "PO by end of quarter", .relative, nil, nil, nil),
        ("slash with a day over 12", "board on 24/3", .calendar, nil, 3, 24),
    ] as [(String, String, DateFact.Kind, Int?, Int?, Int?)])
    func date(name: String, text: String, kind: DateFact.Kind, year: Int?, month: Int?, day: Int?) throws {
        let facts = try Self.facts(text)
        let date = try #require(facts.dates.first, "\(name): \(facts)")
        #expect(date.kind == kind && date.year == year && date.month == month && date.day == day, "\(name): \(date)")
        #expect(facts.amounts.isEmpty, "\(name): \(facts.amounts)")
    }

    @Test func aShortSlashDateNeedsTheDateOrder() throws {
        #expect(try Self.facts("renewal 4/5").dates.first?.ambiguous == true)
        #expect(try Self.facts("renewal 4/5", order: .dayMonth).dates.first.map { ($0.day, $0.month, $0.ambiguous) } ?? (0, 0, true) == (4, 5, false))
        #expect(try Self.facts("renewal 4/5", order: .monthDay).dates.first.map { ($0.day, $0.month) } ?? (0, 0) == (5, 4))
    }

    @Test(arguments: [
        ("board meeting", "Raj takes it to the board meeting", "board meeting"),
        ("the board", "presents to the board in March", "board"),
        ("renews by stem", "their current tool renews in June", "renewal"),
        ("audit", "the ISO audit is the trigger", "audit"),
        ("go-live", "needs go-live before peak season", "go-live"),
        ("contract end", "contract end with the old vendor", "contract end"),
    ])
    func event(name: String, text: String, event: String) throws {
        #expect(try Self.facts(text).events.map(\.event).contains(event), "\(name)")
    }

    @Test(arguments: [
        ("often", "this happens often"),
        ("soon", "decision soon"),
        ("ASAP", "they want it ASAP"),
        ("a lot", "a lot of manual work"),
        ("on board is no board", "Sofia's on board"),
        ("regularly", "errors come up regularly"),
        ("a pronoun one", "the one she liked"),
        ("a time of day", "call at 10:30"),
    ])
    func noFact(name: String, text: String) throws {
        let facts = try Self.facts(text)
        #expect(facts.amounts.isEmpty && facts.frequencies.isEmpty && facts.dates.isEmpty && facts.events.isEmpty, "\(name): \(facts)")
    }

    @Test(arguments: [
        ("a full name", "met Raj Patel", "Raj Patel", Side.theirs, BuyingRole.economicBuyer, false),
        ("a first name, possessive", "Sofia's spreadsheet", "Sofia Lind", .theirs, .champion, true),
        ("our side", "Chris ran the demo", "Chris Doyle", .ours, nil, true),
    ] as [(String, String, String, Side, BuyingRole?, Bool)])
    func person(name: String, text: String, person: String, side: Side, role: BuyingRole?, tookPart: Bool) throws {
        let found = try #require(Self.facts(text).persons.first, "\(name)")
        #expect(found.name == person && found.side == side && found.role == role && found.tookPart == tookPart, "\(name): \(found)")
    }

    @Test(arguments: [
        ("sign or part ways", "if the pilot lands we sign, if not we part ways", true),
        ("yes or no", "Raj gives a yes or no on the 12th", true),
        ("call it a day", "either they fund phase two or we call it a day", true),
        ("a clear no", "a clear no is fine, or a go ahead", true),
        ("either way without a no", "either way works for us", false),
    ])
    func outcomes(name: String, text: String, includesNo: Bool) throws {
        let outcomes = try #require(EvidenceFixture.reader().read(text).outcomes, "\(name)")
        #expect(outcomes.includesNo == includesNo, "\(name): \(outcomes)")
    }

    @Test(arguments: [
        ("a no that is a negation", "no budget this year"),
        ("one outcome", "they will sign"),
    ])
    func noOutcomes(name: String, text: String) throws {
        #expect(try EvidenceFixture.reader().read(text).outcomes == nil, "\(name)")
    }
}
