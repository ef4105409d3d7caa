@testable import CallPrepKit
import Testing

@Suite("Evidence: negation scope")
struct EvidenceNegationTests {
    /// The words of `text` that are negated and those that are not.
    static func split(_ text: String) throws -> (negated: Set<String>, free: Set<String>) {
        let tokens = try EvidenceFixture.reader().tokens(text)
        let reading = NegationReader().read(tokens)
        var negated: Set<String> = []
        var free: Set<String> = []
        for (index, token) in tokens.tokens.enumerated() where token.kind == .word {
            if reading.isNegated(index) { negated.insert(token.word) } else { free.insert(token.word) }
        }
        return (negated, free)
    }

    @Test(arguments: [
        ("not before the verb", "Raj did not sign the order form", ["sign", "order"], ["raj"]),
        ("a contraction", "Sofia hasn't shared the numbers", ["shared", "numbers"], ["sofia"]),
        ("never", "they never tracked misses", ["tracked", "misses"], ["they"]),
        ("without, and w/o", "went ahead w/o a security review", ["security", "review"], ["went"]),
        ("no as a determiner", "no budget owner named", ["budget", "owner", "named"], []),
        ("a clause boundary ends scope", "Jonas did not introduce us, but forwarded the audit", ["introduce"], ["forwarded", "audit"]),
        ("however ends scope", "nobody objected however pricing came up", ["objected"], ["pricing", "came"]),
        ("a comma ends scope", "no decision yet, Sofia confirmed the pilot", ["decision", "yet"], ["confirmed", "pilot"]),
        ("the window ends scope", "not one of the eight depots we visited had the scanners fitted", ["one", "of", "the", "eight", "depots", "we"],
         ["scanners", "fitted"]),
        ("a post-trigger", "the second pilot was ruled out", ["second", "pilot"], []),
        ("a verb trigger with an object", "Raj declined the workshop invite", ["workshop", "invite"], ["raj"]),
        ("a trigger at the end looks back", "sign-off from Raj not yet", ["sign-off", "raj"], []),
        ("nothing", "nothing agreed on timing", ["agreed", "timing"], []),
    ])
    func scope(name: String, text: String, negated: [String], free: [String]) throws {
        let found = try Self.split(text)
        for word in negated { #expect(found.negated.contains(word), "\(name): \(word) should be negated in \(found)") }
        for word in free { #expect(found.free.contains(word), "\(name): \(word) should not be negated in \(found)") }
    }

    @Test(arguments: [
        ("not only", "not only ops but finance signed off", "signed"),
        ("not just", "it's not just the CFO who backs it", "backs"),
        ("no doubt", "no doubt they need it by spring", "need"),
        ("no later than", "contract back no later than Friday", "friday"),
        ("double negation", "Raj is not unwilling to fund it", "fund"),
        ("if not", "if the trial works we sign, if not we part ways", "part"),
        ("not opposed", "IT is not opposed to the cloud setup", "cloud"),
    ])
    func pseudoTriggersNegateNothing(name: String, text: String, word: String) throws {
        let found = try Self.split(text)
        #expect(found.free.contains(word), "\(name): \(found)")
        #expect(found.negated.isEmpty, "\(name): \(found.negated)")
    }

    @Test func aScopeNamesItsTrigger() throws {
        let tokens = try EvidenceFixture.reader().tokens("Sofia can't commit budget")
        let reading = NegationReader().read(tokens)
        let commit = try #require(tokens.tokens.firstIndex { $0.word == "commit" })
        #expect(reading.trigger(of: commit) == "not")
        #expect(reading.scopes.count == 1)
    }
}
