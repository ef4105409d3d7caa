@testable import CallPrepKit
import Testing

/// A people picture and a reader the evidence tests share. The names are made up for the tests.
enum EvidenceFixture {
    static let people = EvidencePeople([
        .init(name: "Sofia Lind", side: .theirs, role: .champion, tookPart: true),
        .init(name: "Raj Patel", side: .theirs, role: .economicBuyer, tookPart: false),
        .init(name: "Jonas Feld", side: .theirs, role: .user, tookPart: true),
        .init(name: "Chris Doyle", side: .ours, role: nil, tookPart: true),
        .init(name: "Ana Ruiz", side: .ours, role: nil, tookPart: true),
    ])

    static func reader(_ order: DateOrder? = nil) throws -> EvidenceReader {
        try #require(EvidenceReader(people: people, dateOrder: order))
    }

    static func stemmer() throws -> Stemmer { try #require(Stemmer()) }
}

@Suite("Evidence: the Snowball stemmer")
struct EvidenceStemmerTests {
    @Test(arguments: [
        ("a noun and its plural", ["benchmark", "benchmarks", "Benchmarking"]),
        ("a verb's forms", ["decide", "decided", "decides", "deciding"]),
        ("Snowball maps -ation to its verb", ["estimate", "estimation", "estimated"]),
        ("confirm's forms", ["confirm", "confirmed", "confirms", "confirming"]),
        ("a renewal and renewing", ["renewal", "renews", "renewed"]),
        ("counting", ["count", "counted", "counts"]),
        ("upper case is folded", ["QUOTE", "quoted", "Quotes"]),
    ])
    func wordFormsMapTogether(name: String, words: [String]) throws {
        let stemmer = try EvidenceFixture.stemmer()
        #expect(Set(words.map(stemmer.stem)).count == 1, "\(name): \(words.map(stemmer.stem))")
    }

    /// Snowball is not a dictionary: it leaves some relatives apart. The tests record what it does.
    @Test(arguments: [
        ("decision is not decide", "decision", "decide"),
        ("an irregular past is not its verb", "bought", "buy"),
        ("said is not say", "said", "say"),
    ])
    func someRelativesStayApart(name: String, first: String, second: String) throws {
        let stemmer = try EvidenceFixture.stemmer()
        #expect(stemmer.stem(first) != stemmer.stem(second), "\(name)")
    }

    @Test func anUnknownLanguageHasNoStemmer() {
        #expect(Stemmer(language: "klingon") == nil)
        #expect(Stemmer.languages.contains("english"))
        #expect(Stemmer(language: "german")?.stem("Angebote") == Stemmer(language: "german")?.stem("angebot"))
    }
}
