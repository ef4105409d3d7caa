@testable import CallPrepKit
import Testing

@Suite("Evidence: tokens, contractions and clauses")
struct EvidenceTokenizerTests {
    static func words(_ text: String) throws -> String {
        try EvidenceFixture.reader().tokens(text).tokens.map(\.word).joined(separator: " ")
    }

    @Test(arguments: [
        ("n't", "we didn't get the deck", "we did not get the deck"),
        ("won't", "they won't move before Q2", "they will not move before q 2"),
        ("can't", "IT can't host it", "it can not host it"),
        ("haven't", "haven't seen numbers yet", "have not seen numbers yet"),
        ("isn't", "pricing isn't the issue", "pricing is not the issue"),
        ("'d before a verb is would", "we'd talk price later", "we would talk price later"),
        ("'d before a participle is had", "she'd already signed", "she had already signed"),
        ("'d before a participle is had", "they'd approved it", "they had approved it"),
        ("'re", "they're keen", "they are keen"),
        ("'ll", "I'll send the recap", "i will send the recap"),
        ("'s after a pronoun", "it's a go", "it is a go"),
        ("'s after a name before a state", "Sofia's on board", "sofia is on board"),
        ("'s possessive", "Sofia's count was 40", "sofia 's count was 40"),
        ("plural possessive", "the drivers' log", "the drivers 's log"),
        ("curly apostrophe", "we didn’t", "we did not"),
        ("shorthand w/ and w/o", "mtg w/ Jonas, w/o Raj", "mtg with jonas , without raj"),
        ("b/c", "b/c budget froze", "because budget froze"),
    ])
    func contractions(name: String, text: String, expected: String) throws {
        #expect(try Self.words(text) == expected, "\(name)")
    }

    @Test(arguments: [
        ("thousands separator", "£85,000 total", ["£", "85,000", "total"]),
        ("scale letter kept", "~$2.5k per seat", ["~", "$", "2.5k", "per", "seat"]),
        ("a range", "20-30 a month", ["20-30", "a", "month"]),
        ("a date", "on 2026-12-10", ["on", "2026-12-10"]),
        ("a code against the digits", "EUR180", ["eur", "180"]),
        ("a slash period", "40/month", ["40", "/", "month"]),
    ])
    func numbers(name: String, text: String, expected: [String]) throws {
        #expect(try EvidenceFixture.reader().tokens(text).tokens.map(\.word) == expected, "\(name)")
    }

    @Test(arguments: [
        ("but", "Raj did not join, but Sofia forwarded the memo", 2),
        ("however", "Budget exists however nobody owns it", 2),
        ("semicolon and colon", "per Sofia: 40 a week; Jonas says more", 3),
        ("a dash between spaces", "PO raised - signature next", 2),
        ("a hyphen inside a word is no break", "go-live is set", 1),
        ("two sentences", "Sofia agreed. Raj was out!", 2),
        ("a decimal point is no sentence end", "about 2.5 hrs. Then lunch", 2),
        ("line breaks end sentences", "first line\nsecond line", 2),
    ])
    func clauses(name: String, text: String, count: Int) throws {
        #expect(try EvidenceFixture.reader().tokens(text).clauses.count == count, "\(name)")
    }

    @Test func rangesPointAtTheWrittenText() throws {
        let text = "Jonas didn't count"
        let tokens = try EvidenceFixture.reader().tokens(text)
        let characters = Array(text)
        #expect(tokens.tokens.map { String(characters[$0.range]) } == ["Jonas", "didn't", "didn't", "count"])
        #expect(tokens.tokens.map(\.stem).last == "count")
    }
}
