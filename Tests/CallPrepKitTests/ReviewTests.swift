import Foundation
import Testing
@testable import CallPrepKit

/// The manager's review (issue 25): what an answer means, the queue, the interactive review and
/// `--answers`, and what they write back.
@Suite("Manager review", .serialized, .timeLimit(.minutes(5)))
struct ReviewTests {
    static let debrief = ReliabilityTests.debrief

    static func scorecard(_ text: String) throws -> Scorecard {
        let catalog = try ProcessCatalog(explicit: nil)
        let parsed = DebriefParser(catalog: catalog, boilerplate: FormBoilerplate(texts: Set(BuiltinBoilerplate.texts)))
            .parse(SourceFile(path: "x.md", text: text))
        let record = try #require(parsed.record, "\(parsed.diagnostics)")
        return try #require(DealHistories(process: catalog.lookup).scorecards([record]).first)
    }

    /// "yes" agrees with how the rep marked the item: for a checked item the judge found
    /// unsupported, the manager accepts its evidence, and the judge's verdict is kept beside.
    @Test func aYesToACheckedItemAcceptsItsEvidence() throws {
        let text = try TestSupport.read(TestSupport.root.appendingPathComponent("templates/examples/northwind-2026-11-26-debrief.md"))
        let before = try Self.scorecard(text).items.first { $0.id == "upfront-agreement" }
        #expect(before?.status == .unsupported && before?.judged == nil)
        let agreed = text.replacingOccurrences(of: "| `upfront-agreement` | | |",
                                               with: "| `upfront-agreement` | yes | Outcomes were agreed aloud. |")
        let after = try #require(try Self.scorecard(agreed).items.first { $0.id == "upfront-agreement" })
        #expect(after.status == .met && after.judged == .unsupported && after.overriddenBy == "manager")
        #expect(after.reason == "the manager accepts the evidence: Outcomes were agreed aloud.")
        // A "yes" to an item the judge met changes nothing.
        let met = text.replacingOccurrences(of: "| `prepared` | yes | |", with: "| `prepared` | yes | fine |")
        #expect(try Self.scorecard(met).items.first { $0.id == "prepared" }?.overriddenBy == nil)
    }
}
