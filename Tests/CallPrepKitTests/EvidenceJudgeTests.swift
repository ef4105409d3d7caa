import Foundation
import Testing
@testable import CallPrepKit

/// The evidence judge's reading, lesson by lesson (docs/process-file.md, "Evidence rules"): each
/// case is one sentence a rep might write, the rule it is judged by, and the verdict a coach gives
/// it. The sentences are fresh, written for these tests; the labelled sets under Tests/evidence-set
/// and Tests/evidence-fresh measure the judge as a whole, these name what each lesson must hold.
///
/// The deal: Ashgrove Regional Hospital's estates team. Gwen Abernathy (champion) and Rafael Quint
/// (user) were on the call with our Owen Achterberg and Nadia Fairbrook; the meeting's notes name
/// Colette Brandt (decision maker) and Hamid Osei (economic buyer), who took part in no call.
@Suite("The evidence judge, lesson by lesson")
struct EvidenceJudgeTests {
    /// A judge for the b2b process and this deal's people.
    static func judge() throws -> EvidenceJudge {
        let process = try TestSupport.builtinProcess("b2b")
        var record = DebriefRecord(source: "d.md", meeting: .init(id: "ashgrove-2026-11-17", date: "2026-11-17",
                                                                  account: "Ashgrove Regional Hospital",
                                                                  opportunity: "ashgrove-maintenance-2027",
                                                                  rep: "Owen Achterberg", stage: "discover"),
                                   process: .init(id: "b2b", version: "1.0"))
        record.people = [
            .init(name: "Gwen Abernathy", title: "Director of Estates and Facilities", role: "champion", line: 1),
            .init(name: "Rafael Quint", title: "Maintenance Planning Lead", role: "user", line: 2),
        ]
        let attendees = [
            Attendee(name: "Gwen Abernathy", side: .theirs, buyingRole: .champion),
            Attendee(name: "Rafael Quint", side: .theirs, buyingRole: .user),
            Attendee(name: "Owen Achterberg", side: .ours),
            Attendee(name: "Nadia Fairbrook", side: .ours),
        ]
        let notes = "Colette Brandt (Finance Director) is the decision maker. Hamid Osei (Chief Executive) is the economic buyer."
        return EvidenceJudge(process: process, people: PeoplePicture(record: record, attendees: attendees, notes: notes))
    }

    /// Judges `example` and expects its verdict.
    static func expectVerdict(_ example: JudgeCase, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let problem = try judge().problem(example.text, rule: try example.evidenceRule())
        let got: JudgeCase.Verdict = problem == nil ? .met : .unsupported
        #expect(got == example.expected, "\(example.id): '\(example.text)' by \(example.rule): got \(problem ?? "met")",
                sourceLocation: sourceLocation)
    }

    // MARK: - Whose number

    /// An amount counts as theirs when their side gives it: a possessive before their material,
    /// "per" a person, reported speech, their report or log. Not our guess, our calculator, an
    /// industry average, or a number of ours they only nodded to.
    static let whoseNumber: [JudgeCase] = [
        .init("whose/per-person", "Per Rafael, every aborted steriliser cycle throws away GBP 180 of consumables.", "amount theirs", .met),
        .init("whose/possessive-report", "Gwen's budget report puts breakdown call-out overtime at GBP 7,200 a month.", "amount theirs", .met),
        .init("whose/reported-speech", "Rafael told us the team loses about 40 hours a week to re-planning.", "amount theirs", .met),
        .init("whose/their-report", "Their maintenance report lists GBP 31k of contractor fees last year.", "amount theirs", .met),
        .init("whose/quote", "Gwen: \"a lost theatre session costs us GBP 9,500\".", "amount theirs", .met),
        .init("whose/she-confirmed", "She confirmed the contractor bill came to GBP 22k last year.", "amount theirs", .met),
        .init("whose/i-reckon", "I reckon the breakdowns cost them GBP 50k a year.", "amount theirs", .unsupported),
        .init("whose/our-calculator", "Our calculator puts their downtime at GBP 120k a year.", "amount theirs", .unsupported),
        .init("whose/industry-average", "About GBP 30k a year, the industry average for a hospital their size.", "amount theirs", .unsupported),
        .init("whose/nod", "I suggested GBP 2,000 per breakdown and Gwen nodded.", "amount theirs", .unsupported),
        .init("whose/nobody-said", "Each lost session costs GBP 9,500.", "amount theirs", .unsupported),
        .init("whose/our-estimate-under-impact", "Our estimate is GBP 80k a year in lost sessions.", "item impact-quantified", .unsupported),
        .init("whose/put-the-figure", "Gwen put the figure at GBP 9,500 per lost session.", "amount theirs", .met),
        .init("whose/according-to-sheet", "According to Rafael's spreadsheet, 35 jobs a month slip.", "amount theirs", .met),
        .init("whose/pulled-up-invoices", "Rafael pulled up the contractor invoices: GBP 4,800 a month.", "amount theirs", .met),
        .init("whose/figures-show", "Engineers spend 6 hours a week re-planning, Rafael's figures show.", "amount theirs", .met),
        .init("whose/sounds-right", "We estimated GBP 3,000 per breakdown; Gwen said that sounds right.", "amount theirs", .unsupported),
        .init("whose/based-on-trusts", "Based on similar trusts, roughly GBP 70k a year.", "amount theirs", .unsupported),
        // Things the unit table does not know, counted per period; an organisation's own data.
        .init("whose/their-log", "Their helpdesk log shows 310 urgent call-outs a quarter.", "amount theirs", .met),
        .init("whose/organisation-possessive", "The hospital's own data: 35 jobs slip a month.", "amount theirs", .met),
    ]

    @Test("whose number: theirs counts, ours does not", arguments: whoseNumber)
    func whoseNumberIsIt(_ example: JudgeCase) throws { try Self.expectVerdict(example) }

    // MARK: - Negation scope

    /// A negation covers the words it governs, up to a clause's end: "but" starts afresh. Words
    /// that only look negative ("not only", "no doubt", "no later than") negate nothing.
    static let negationScope: [JudgeCase] = [
        .init("negation/not-approved", "Gwen has not approved any spend for this.", "decision", .unsupported),
        .init("negation/never-funded", "The replacement plan was never funded.", "decision", .unsupported),
        .init("negation/no-date-set", "No go-live date was set.", "date", .unsupported),
        .init("negation/did-not-happen", "The review with Colette on 2026-12-01 did not happen.", "date", .unsupported),
        .init("negation/nobody-decided", "Nobody decided anything on the call.", "decision", .unsupported),
        .init("negation/not-only", "Not only did Gwen approve the budget, she named Rafael as project lead.", "decision", .met),
        .init("negation/no-doubt", "No doubt about it: Colette signed off the GBP 60k on 2026-11-16.", "decision", .met),
        .init("negation/but-ends-scope", "No budget this year, but Gwen approved GBP 40k from the 2027/28 capital plan.", "decision", .met),
        .init("negation/no-later-than", "Rafael sends the work-order export no later than 2026-11-24.", "date", .met),
        .init("negation/however-ends-scope", "The board did not meet in November; however, Colette approved the pilot on 2026-11-16.", "decision", .met),
        .init("negation/after-the-verb", "Gwen approved it, not Colette.", "decision", .met),
        .init("negation/was-rejected", "Funding of GBP 40k was rejected.", "amount", .unsupported),
        .init("negation/neither-nor", "Neither Gwen nor Colette has signed off the spend.", "decision", .unsupported),
        .init("negation/no-problem", "No problem, Gwen signed off the GBP 12k pilot.", "decision", .met),
        .init("negation/semicolon-ends-scope", "We never demoed; Gwen approved the pilot budget anyway.", "decision", .met),
    ]

    @Test("negation scope: what is negated does not count, and the scope ends where it should", arguments: negationScope)
    func negationScopeEnds(_ example: JudgeCase) throws { try Self.expectVerdict(example) }

    // MARK: - Hedges and conditions

    /// A fact counts where it is said outright: "might", "hopefully", "TBC", "should" hedge it;
    /// "if", "provided that", "subject to" make it conditional.
    static let hedges: [JudgeCase] = [
        .init("hedge/might", "Gwen might approve the spend in January.", "decision", .unsupported),
        .init("hedge/tbc", "Review with Colette on 2026-12-01, TBC.", "date", .unsupported),
        .init("hedge/hopefully", "Hopefully Colette joins us on 2026-12-01.", "date", .unsupported),
        .init("hedge/should", "The review should be on 2026-12-01.", "date", .unsupported),
        .init("condition/if", "If the capital bid clears, Gwen funds it in April 2027.", "date or decision", .unsupported),
        .init("condition/provided-that", "A budget of GBP 40k, provided that the board agrees.", "amount", .unsupported),
        .init("outright/confirmed", "Colette confirmed the review for 2026-12-01.", "date", .met),
        .init("outright/approved", "Gwen approved GBP 40k for the pilot on 2026-11-16.", "decision", .met),
        .init("outright/is-sure", "Rafael is sure: 14 sessions were lost to air-handling faults.", "number", .met),
        .init("outright/budget-stated", "The estates budget holds GBP 40k for it this year.", "amount", .met),
        .init("hedge/open-to", "Gwen is open to funding it in Q2 2027.", "date", .unsupported),
        .init("condition/subject-to", "Subject to Colette's sign-off, kick-off is 2027-01-11.", "date", .unsupported),
        .init("condition/unless", "Kick-off on 2027-01-11 unless the capital bid slips.", "date", .unsupported),
        .init("hedge/i-think", "I think Colette signed it off.", "decision", .unsupported),
        .init("outright/agreed-date", "Gwen and Colette agreed a start date of 2027-01-11.", "date", .met),
    ]

    @Test("hedges and conditions: only what is said outright counts", arguments: hedges)
    func hedgesAndConditions(_ example: JudgeCase) throws { try Self.expectVerdict(example) }

    // MARK: - Deeds against intentions and requests

    /// A deed is something done: forwarded, shared, introduced. "Will", "promised to", "is planning
    /// to" are intentions; "asked her to" is our request; a request for pricing is not a commitment.
    static let deeds: [JudgeCase] = [
        .init("deed/forwarded", "Gwen forwarded our summary to Colette with her own note.", "deed done", .met),
        .init("deed/shared", "Rafael shared six months of work orders with Nadia.", "deed done", .met),
        .init("deed/introduced", "Gwen introduced us to the head of procurement by email on Monday.", "deed", .met),
        .init("deed/assigned", "Gwen assigned Rafael as project owner.", "decision", .met),
        .init("deed/will", "Gwen will introduce us to Colette.", "deed done", .unsupported),
        .init("deed/asked-her-to", "I asked Gwen to forward the summary to Colette.", "deed", .unsupported),
        .init("deed/promised", "Gwen promised to share the work-order export.", "deed done", .unsupported),
        .init("deed/planning", "Gwen is planning to set up a call with Colette.", "deed done", .unsupported),
        .init("commitment/asked-for-pricing", "Gwen asked for pricing by Friday.", "item commitment-to-solve", .unsupported),
        .init("commitment/decided", "Gwen decided to fix planned maintenance this financial year, whoever supplies it.",
              "item commitment-to-solve", .met),
        .init("deed/set-up", "Gwen set up the meeting with Colette for 2026-12-01.", "deed done", .met),
        .init("deed/briefed", "Gwen has briefed Colette on our findings.", "deed done", .met),
        .init("deed/wants-to", "Gwen wants to introduce us to Colette.", "deed done", .unsupported),
        .init("deed/offered-to", "Rafael offered to share the export.", "deed done", .unsupported),
        .init("deed/meant-to-but-did-not", "Gwen was going to forward it but didn't.", "deed done", .unsupported),
        .init("commitment/requested-proposal", "They requested a proposal for 2027-01-15.", "item commitment-to-solve", .unsupported),
        .init("commitment/approved-and-asked", "Colette approved the budget and asked for a proposal by Friday.", "item commitment-to-solve", .met),
    ]

    @Test("deeds against intentions and requests: only what was done counts", arguments: deeds)
    func deedsNotIntentions(_ example: JudgeCase) throws { try Self.expectVerdict(example) }

    // MARK: - Outcomes in any words

    /// The possible outcomes agreed, one of them a no, in whatever words; not a label, an agenda,
    /// or only yeses.
    static let outcomes: [JudgeCase] = [
        .init("outcomes/if-not-part-ways", "Agreed at the start: if it fits we book a second call, if not we part ways.", "outcomes", .met),
        .init("outcomes/happy-to-hear-no", "Gwen said a plain no from us is fine, and a no from her side is fine by us.", "outcomes", .met),
        .init("outcomes/either-way", "Whichever way it goes suits us both, we agreed: a pilot or a polite no.", "outcomes", .met),
        .init("outcomes/walk-away", "We agreed up front that walking away today would be a good result too.", "outcomes", .met),
        .init("outcomes/yes-no-or-later", "Up front: a yes, a no, or a reason to meet again, all fine.", "outcomes", .met),
        .init("outcomes/label", "Outcomes agreed at the start.", "outcomes", .unsupported),
        .init("outcomes/agenda", "Agreed the agenda and the hour.", "outcomes", .unsupported),
        .init("outcomes/only-yes", "We agreed the goal is a pilot by March.", "outcomes", .unsupported),
        .init("outcomes/wish", "Gwen wants to see a demo next time.", "outcomes", .unsupported),
        .init("outcomes/pencilled", "Purpose and timing agreed; next meeting pencilled in.", "outcomes", .unsupported),
        .init("outcomes/call-it-a-day", "We said at the start it is fine to call it a day if there is no fit.", "outcomes", .met),
        .init("outcomes/carry-on-or-stop", "We agreed to decide together at the end whether to carry on or stop.", "outcomes", .met),
        .init("outcomes/good-outcome", "Agreed what a good outcome looks like.", "outcomes", .unsupported),
    ]

    @Test("outcomes in any words: a no among them, agreed", arguments: outcomes)
    func outcomesInAnyWords(_ example: JudgeCase) throws { try Self.expectVerdict(example) }

    // MARK: - People

    /// People from the one picture: met (attendees, people met), only named (the notes), or joined
    /// as the evidence says; a buying role narrows them; a job without a name is a role, not a person.
    static let people: [JudgeCase] = [
        .init("people/attendee-met", "Gwen Abernathy ran the call from their side.", "attendee", .met),
        .init("people/only-named", "Colette Brandt approves anything over GBP 25k.", "attendee", .unsupported),
        .init("people/joined", "Colette Brandt joined for the last 15 minutes and asked about cost.", "attendee decision-maker", .met),
        .init("people/says-dm-on-board", "Gwen joined and said Colette is on board.", "attendee decision-maker", .unsupported),
        .init("people/named-dm", "Colette Brandt gets the summary on 2026-12-01.", "person decision-maker and date", .met),
        .init("people/user-not-dm", "Rafael owns the planning spreadsheet.", "person decision-maker", .unsupported),
        .init("people/job-as-person", "The finance director holds the budget.", "person", .unsupported),
        .init("people/job-as-role", "The finance director holds the budget.", "role", .met),
        .init("people/pronoun-role", "They decide later.", "role", .unsupported),
        .init("people/eb-dropped-in", "Hamid Osei dropped in for ten minutes and asked what it saves.", "attendee economic-buyer", .met),
        .init("people/stranger", "Spoke about Maria Lopez from their IT team.", "person", .unsupported),
        .init("people/champion", "Gwen Abernathy pushed this with her director colleagues.", "person champion", .met),
        .init("people/not-champion", "Rafael Quint keeps the whiteboard.", "person champion", .unsupported),
        .init("people/sat-in", "Colette sat in for the last ten minutes.", "attendee decision-maker", .met),
        .init("people/was-not-on-the-call", "Colette wasn't on the call; Gwen will brief her.", "attendee decision-maker", .unsupported),
        .init("people/did-not-join", "Colette Brandt didn't join.", "attendee", .unsupported),
        .init("people/cfo", "Their CFO signs.", "role", .met),
        .init("people/came-in", "Colette came in for the last ten minutes.", "attendee decision-maker", .met),
        .init("people/brought-in", "Gwen brought Colette Brandt in for the last ten minutes.", "attendee decision-maker", .met),
        .init("people/on-the-invite-only", "Colette was on the calendar invite and never dialled in.", "attendee decision-maker", .unsupported),
    ]

    @Test("people: met, only named or joined, with their role", arguments: people)
    func peopleFromThePicture(_ example: JudgeCase) throws { try Self.expectVerdict(example) }

    // MARK: - Conditions and lists

    /// Conditions need both sides: what they need of us and what we need of them. A list needs two
    /// or more parts: steps, roles or criteria.
    static let conditionsAndLists: [JudgeCase] = [
        .init("conditions/both", "They need it live before the CQC visit; we need Rafael's work-order export and one named owner on their side.",
              "conditions", .met),
        .init("conditions/both-must", "Gwen must have a fixed price for year one, and we must have access to their asset register first.",
              "conditions", .met),
        .init("conditions/theirs-only", "They need it live before April.", "conditions", .unsupported),
        .init("conditions/praise", "Great fit all round.", "conditions", .unsupported),
        .init("conditions/ours-only", "We need a signed order by March.", "conditions", .unsupported),
        .init("list/then", "Estates board first, then finance, then procurement signs.", "list", .met),
        .init("list/criteria", "Criteria: uptime reporting, a CQC audit trail and UK data hosting.", "list", .met),
        .init("list/steps-arrows", "Rafael's shortlist > site visit > finance sign-off.", "list", .met),
        .init("list/one-part", "Finance decides.", "list", .unsupported),
        .init("list/usual", "Their usual process.", "list", .unsupported),
        .init("conditions/if-we-can", "If we can host the data in the UK, they would sign; we need a named project lead from them.",
              "conditions", .met),
        .init("conditions/both-happy", "Both sides happy.", "conditions", .unsupported),
        .init("list/three-roles", "Rafael scores the options, Gwen recommends, Colette signs.", "list", .met),
        .init("list/as-always", "Same as always.", "list", .unsupported),
    ]

    @Test("conditions of both sides, and lists of two or more parts", arguments: conditionsAndLists)
    func conditionsAndListsHoldParts(_ example: JudgeCase) throws { try Self.expectVerdict(example) }

    // MARK: - Word forms and contractions

    /// Lists match by stem ("funds" is "funded", "benchmarking" is "benchmark"); contractions are
    /// spelled out ("hasn't", "won't", "'ll", "'d", "'s").
    static let wordForms: [JudgeCase] = [
        .init("forms/funds", "Colette funds the pilot from the estates budget.", "decision", .met),
        .init("forms/hasnt", "Gwen hasn't approved it.", "decision", .unsupported),
        .init("forms/wont", "Colette won't sign off the spend.", "decision", .unsupported),
        .init("forms/will-contracted", "Gwen'll introduce us to Colette.", "deed done", .unsupported),
        .init("forms/had-forwarded", "She'd already forwarded the log to Colette.", "deed done", .met),
        .init("forms/would-forward", "She'd forward it to Colette.", "deed done", .unsupported),
        .init("forms/possessive-s", "Rafael's count: 35 deferred jobs a month.", "amount theirs", .met),
        .init("forms/has-approved", "Colette's approved the GBP 60k.", "decision", .met),
        .init("forms/is-due", "The inspection's due in April 2027.", "item compelling-reason", .met),
        .init("forms/feeling", "Rafael's feeling the pressure from the wards.", "item compelling-reason", .unsupported),
        .init("forms/benchmarking", "Benchmarking puts their downtime at GBP 30k a year.", "item impact-quantified", .unsupported),
        .init("forms/is-funding", "Colette is funding the pilot.", "decision", .met),
        .init("forms/theyd-budgeted", "They'd budgeted GBP 40k before we met.", "decision", .met),
        .init("forms/theyve-signed", "They've signed off GBP 40k.", "decision", .met),
        .init("forms/couldnt", "Gwen couldn't get it funded.", "decision", .unsupported),
        .init("forms/s-not", "Gwen's not approved it yet.", "decision", .unsupported),
        .init("forms/hyphenated-unit", "Rafael's log: about 6 engineer-hours a month go on re-planning.", "amount theirs", .met),
    ]

    @Test("word forms by stem, and contractions spelled out", arguments: wordForms)
    func wordFormsAndContractions(_ example: JudgeCase) throws { try Self.expectVerdict(example) }

    // MARK: - Known gaps

    /// Cases a coach labels as written that the judge misreads today. They stay here, named, and
    /// out of the lessons above so the suite passes; each still has to fail as a known issue, so a
    /// fix that closes one shows up as "known issue not recorded", and the case then moves up.
    // MARK: - Languages

    /// The process file's list of stemmer languages is the one libstemmer offers.
    @Test func theProcessFileLanguagesAreTheStemmers() {
        #expect(EvidenceLanguages.all == Stemmer.languages)
    }
}

/// One sentence of evidence, the rule it is judged by, and the verdict a coach gives it.
struct JudgeCase: CustomTestStringConvertible, Sendable {
    enum Verdict: String, Sendable { case met, unsupported }

    let id: String
    let text: String
    /// Terms as a process file writes them ("amount theirs", "date or decision", "person
    /// decision-maker and date"), or "item ID" for that item's whole rule in the b2b process,
    /// its `not:` entries included.
    let rule: String
    let expected: Verdict

    init(_ id: String, _ text: String, _ rule: String, _ expected: Verdict) {
        self.id = id
        self.text = text
        self.rule = rule
        self.expected = expected
    }

    var testDescription: String { "\(id): '\(text)' (\(rule)) is \(expected.rawValue)" }

    func evidenceRule() throws -> EvidenceRule {
        if rule.hasPrefix("item ") {
            let id = String(rule.dropFirst(5))
            let process = try TestSupport.builtinProcess("b2b")
            return try #require((process.milestones + process.practices).first { $0.id == id }?.rule, "no item \(id)")
        }
        return EvidenceRule(requirements: try rule.components(separatedBy: " and ").map { requirement in
            try requirement.components(separatedBy: " or ").map { try EvidenceTerm.parse($0).get() }
        })
    }
}
