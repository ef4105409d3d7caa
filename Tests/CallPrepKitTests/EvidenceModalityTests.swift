@testable import CallPrepKit
import Testing

@Suite("Evidence: hedges, conditions, intentions and deeds")
struct EvidenceModalityTests {
    static func modality(_ text: String) throws -> EvidenceModality {
        let tokens = try EvidenceFixture.reader().tokens(text)
        return ModalityReader().read(tokens.tokens, in: 0..<tokens.tokens.count)
    }

    @Test(arguments: [
        ("might possibly", "Raj might possibly look at it after the holidays", ModalityKind.hedged, "might possibly"),
        ("hopefully", "hopefully a yes once finance is back", .hedged, "hopefully"),
        ("TBC", "scope TBC w/ IT", .hedged, "tbc"),
        ("to be confirmed", "date to be confirmed by Sofia", .hedged, "to be confirmed"),
        ("not confirmed", "budget owner not confirmed", .hedged, "not confirmed"),
        ("should be", "should be fine for Q3", .hedged, "should be"),
        ("a litotes", "Jonas is not unwilling to test it", .hedged, "not unwilling"),
        ("keen to", "ops keen to try it", .hedged, "keen to"),
        ("may the hedge", "they may extend the trial", .hedged, "may"),
        ("if", "if the numbers hold, Raj signs", .conditional, "if"),
        ("unless", "go-ahead unless legal objects", .conditional, "unless"),
        ("provided that", "yes provided that SSO works", .conditional, "provided that"),
        ("will after a contraction", "next week she'll send the data", .intended, "will"),
        ("plans to", "Raj plans to fund it from the Q1 budget", .intended, "plans to"),
        ("promised to", "Sofia promised to forward the export", .intended, "promised to"),
        ("going to", "they're going to book the workshop", .intended, "going to"),
        ("a hedge beats an intention", "she will probably sign", .hedged, "probably"),
        ("a past tense", "Sofia forwarded the incident log", .done, "forwarded"),
        ("an irregular past", "Raj sent the PO on Monday", .done, "sent"),
        ("has with a participle", "Jonas has booked the room", .done, "booked"),
        ("decided", "Raj decided last week to fund it", .done, "decided"),
        ("a plain statement", "the team is six planners", .stated, nil),
        ("based on is no deed", "based on fleet size", .stated, nil),
        ("May the month", "signature in May", .stated, nil),
    ] as [(String, String, ModalityKind, String?)])
    func kind(name: String, text: String, kind: ModalityKind, cue: String?) throws {
        let found = try Self.modality(text)
        #expect(found.kind == kind, "\(name): \(found)")
        if let cue { #expect(found.cues.contains(cue), "\(name): \(found.cues)") }
    }
}
