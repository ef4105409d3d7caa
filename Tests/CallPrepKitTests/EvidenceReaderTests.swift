import Foundation
@testable import CallPrepKit
import Testing

@Suite("Evidence: the reader's facts and summary")
struct EvidenceReaderTests {
    @Test(arguments: [
        ("their amount", "EUR 180 per slot, Raj Patel's count", "EUR 180 per slot, in Raj Patel's count (their side)"),
        ("a hedge", "Raj might possibly look at it", "'might possibly' hedges it"),
        ("our number", "benchmark says 40 hrs a week", "40 hrs a week, ours ('benchmark')"),
        ("an intention", "Sofia will send the log", "'will' is an intention, not a deed"),
        ("nothing", "great call!!", "no fact found"),
    ])
    func summary(name: String, text: String, expected: String) throws {
        let summary = try EvidenceFixture.reader().read(text).summary
        #expect(summary.contains(expected), "\(name): \(summary)")
    }

    @Test func aClauseCarriesPolarityModalityAndSource() throws {
        let facts = try EvidenceFixture.reader().read("Jonas didn't introduce us, but he forwarded the Q4 audit findings")
        #expect(facts.clauses.count == 2)
        #expect(facts.clauses.map(\.negated) == [true, false])
        #expect(facts.clauses[1].modality.kind == .done)
        #expect(facts.clauses[1].facts.events.map(\.event) == ["audit"])
        #expect(facts.clauses[1].text == "but he forwarded the Q4 audit findings")
    }

    @Test func theSameTextGivesTheSameJSON() throws {
        let text = "Per Sofia: ~35 re-keyed orders a day, every Monday worse; Raj signs 2026-12-10 unless legal objects."
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(EvidenceFixture.reader().read(text))
        let second = try encoder.encode(EvidenceFixture.reader().read(text))
        #expect(first == second)
        let decoded = try JSONDecoder().decode(EvidenceFacts.self, from: first)
        #expect(decoded == (try EvidenceFixture.reader().read(text)))
    }

    /// A long, hostile text is read whole without trouble: no nesting, no backtracking.
    @Test func aLongTextIsReadWhole() throws {
        let text = String(repeating: "didn't ~40/month, Sofia's count; but might'n't 'we' \"\"  ", count: 2_000)
        let facts = try EvidenceFixture.reader().read(text)
        #expect(facts.clauses.count >= 2_000)
        #expect(facts.clauses.flatMap(\.facts.amounts).count == 2_000)
    }
}
