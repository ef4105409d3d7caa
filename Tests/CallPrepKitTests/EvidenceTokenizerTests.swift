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
        let scalars = Array(text.unicodeScalars)
        #expect(tokens.tokens.map { String(String.UnicodeScalarView(scalars[$0.range])) } == ["Jonas", "didn't", "didn't", "count"])
        #expect(tokens.tokens.map(\.stem).last == "count")
    }

    /// The scanner reads Unicode scalars: letters outside ASCII, a letter written with a combining
    /// mark, emoji and spaces outside ASCII are cut as a reader of the text would.
    @Test(arguments: [
        ("a letter outside ASCII", "Zoë signed", ["Zoë", "signed"]),
        ("a combining mark stays in its word", "Zoe\u{0308} signed", ["Zoe\u{0308}", "signed"]),
        ("a no-break space parts words", "EUR\u{00A0}40k", ["EUR", "40k"]),
        ("an emoji with a skin tone is one mark", "ok 👍🏽 done", ["ok", "👍🏽", "done"]),
        ("joined emoji are one mark", "team 👩‍💻 on it", ["team", "👩‍💻", "on", "it"]),
        ("a typographic dash between spaces", "PO raised — next", ["PO", "raised", "—", "next"]),
        ("a line separator breaks a line", "first\u{2028}second", ["first", "second"]),
    ])
    func unicode(name: String, text: String, expected: [String]) throws {
        let tokens = try EvidenceFixture.reader().tokens(text)
        #expect(tokens.tokens.map(\.text) == expected, "\(name)")
        #expect(tokens.tokens.map { tokens.slice($0.range) } == expected, "\(name): ranges point at the text")
    }

    @Test func aLineSeparatorStartsASentence() throws {
        #expect(try EvidenceFixture.reader().tokens("first\u{2028}second").sentences.count == 2)
    }

    /// Tables find words by key and then compare the words, so a word whose key is the same as a
    /// listed word's (or a word that merely shares a first word) is no match.
    @Test func tablesCompareWordsNotOnlyKeys() throws {
        let table = PhraseTable(["to be confirmed", "pending"])
        let tokens = try EvidenceFixture.reader().tokens("to be honest, pending review").tokens
        #expect(table.match(at: 0, in: tokens) == nil)
        #expect(table.match(at: 4, in: tokens)?.phrase == "pending")
        let words: WordSet = ["mon", "tue"]
        #expect(words.contains("mon") && !words.contains("monday") && !words.contains(""))
        let map: WordMap<Int> = ["jan": 1, "feb": 2, "jan ": 9]
        #expect(map["jan"] == 1 && map["feb"] == 2 && map["mar"] == nil && map["jan "] == 9)
    }
}
