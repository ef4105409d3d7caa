@testable import CallPrepKit
import Testing

@Suite("Evidence: whose words")
struct EvidenceAttributionTests {
    static func attribution(_ text: String) throws -> EvidenceAttribution {
        let facts = try EvidenceFixture.reader().read(text)
        return try #require(facts.clauses.first(where: { !$0.facts.isEmpty }) ?? facts.clauses.first).attribution
    }

    @Test(arguments: [
        ("a customer reporting", "Sofia said 12 hrs a week go on re-keying", EvidenceAttribution.Source.theirs, "Sofia Lind"),
        ("a full name", "Raj Patel confirmed EUR 40k is set aside", .theirs, "Raj Patel"),
        ("a role between name and verb", "Jonas (dispatch) counted 35 late drops", .theirs, "Jonas Feld"),
        ("a possessive", "approx 300 errors/month, Jonas's count", .theirs, "Jonas Feld"),
        ("a last name, case folded", "per patel: 2 FTE on manual checks", .theirs, "Raj Patel"),
        ("their own material", "their finance team's figure is 90k a year", .theirs, nil),
        ("she shared", "18% of orders late, from the report she shared", .theirs, nil),
        ("a quote", "\"we lose a day a week to this\"", .theirs, nil),
        ("I would guess", "I'd guess 20-30 a month", .ours, nil),
        ("our calculator", "ROI 250% per our calculator", .ours, nil),
        ("a benchmark", "benchmarks say ~5% of picks fail", .ours, nil),
        ("list price", "list price is GBP 60k", .ours, nil),
        ("an industry average", "industry average is 3 returns per 100 orders", .ours, nil),
        ("a nod", "Sofia nodded at our estimate of 40 hrs", .ours, nil),
        ("agreed with", "Raj agreed with the 15% we showed", .ours, nil),
        ("our colleague", "Ana estimated 200 tickets a month", .ours, "Ana Ruiz"),
        ("I told a customer", "I told Sofia it saves 10 hrs a week", .ours, nil),
        ("nobody", "about 40 a week", .unstated, nil),
    ] as [(String, String, EvidenceAttribution.Source, String?)])
    func source(name: String, text: String, source: EvidenceAttribution.Source, person: String?) throws {
        let found = try Self.attribution(text)
        #expect(found.source == source, "\(name): \(found)")
        if let person { #expect(found.person == person, "\(name): \(found)") }
    }

    @Test func aNodIsMarked() throws {
        #expect(try Self.attribution("Jonas nodded when I put 30/week up").nodded)
        #expect(try !Self.attribution("Jonas counted 30/week").nodded)
    }

    @Test func aColonCarriesTheSource() throws {
        let facts = try EvidenceFixture.reader().read("Per Sofia: 40 hrs a week")
        #expect(facts.clauses.map(\.attribution.source) == [.theirs, .theirs])
    }
}
