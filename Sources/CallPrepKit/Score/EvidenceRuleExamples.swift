/// Evidence that each kind and each built-in exclusion accepts and refuses, for people: rendered
/// into docs/checks.md, and each held to its verdict by one test. Judged with a debrief whose
/// people met are Mara Jensen (champion) and Henrik Sorensen (decision maker).
public struct EvidenceRuleExample: Sendable {
    public let rule: String
    public let passes: String
    public let fails: String
    /// The rule as the process file writes it.
    public let evidence: EvidenceRule
}

public enum EvidenceRuleExamples {
    private static func kind(_ kind: EvidenceKind, passes: String, fails: String) -> EvidenceRuleExample {
        EvidenceRuleExample(rule: "`\(kind.rawValue)`", passes: passes, fails: fails, evidence: EvidenceRule(kind))
    }

    /// A kind with its qualifiers, as the process file writes it: `amount theirs`.
    private static func term(_ text: String, passes: String, fails: String) -> EvidenceRuleExample {
        let term = (try? EvidenceTerm.parse(text).get()) ?? EvidenceTerm(.text)
        return EvidenceRuleExample(rule: "`\(term)`", passes: passes, fails: fails, evidence: EvidenceRule(requirements: [[term]]))
    }

    private static func not(_ words: WordList, unless: [EvidenceKind] = [], passes: String, fails: String,
                            requiring kind: EvidenceKind = .text) -> EvidenceRuleExample {
        let unlessText = unless.isEmpty ? "" : " unless " + unless.map(\.rawValue).joined(separator: " or ")
        return EvidenceRuleExample(
            rule: "not `\(words.rawValue)`\(unlessText)", passes: passes, fails: fails,
            evidence: EvidenceRule(requirements: [[EvidenceTerm(kind)]],
                                   exclusions: [.init(words: words, unless: unless.map { EvidenceTerm($0) }, because: "does not count")]))
    }

    public static let all: [EvidenceRuleExample] = [
        kind(.text, passes: "Missed delivery slots at their biggest accounts.", fails: "Agreed"),
        kind(.number, passes: "Close to 30 delayed deliveries a month.", fails: "It happens often."),
        kind(.amount, passes: "EUR 1,200 per late delivery.", fails: "It costs them a lot of money."),
        kind(.date, passes: "Their routing contract renews in March.", fails: "They want it done soon."),
        kind(.person, passes: "Henrik signs off on the budget.", fails: "The CFO owns the budget."),
        kind(.quote, passes: "Mara said \"every delivery that misses its slot sets us back roughly EUR 1,200\".", fails: "EUR 1,200 per late delivery."),
        kind(.outcomes, passes: "Agreed the purpose, and that saying no is fine if it is not a fit.",
             fails: "Agreed the agenda and 45 minutes."),
        kind(.attendee, passes: "Henrik Sorensen sat in on the second half and asked about the pilot.", fails: "Spoke about Jo Bloggs, their CEO."),
        kind(.deed, passes: "Mara introduced us to the COO and shared the Q3 data.", fails: "Mara is our champion."),
        kind(.preparation, passes: "Brief written the day before.", fails: "Looked at their website five minutes before."),
        kind(.conditions, passes: "They need it live before peak; we need a named owner on their side.",
             fails: "Great fit, they love it."),
        kind(.list, passes: "IT security review first, then the ops board, then legal.", fails: "The usual process."),
        term("amount theirs", passes: "Their controller's count: EUR 72k in missed-slot charges over the summer.",
             fails: "By my rough maths it runs them about GBP 5k a month."),
        term("text not-ours", passes: "Planners redo every route by hand whenever a van breaks down.",
             fails: "They need our routing module."),
        term("deed done", passes: "Mara forwarded our summary to Henrik with her own note.",
             fails: "Mara will introduce us to Henrik."),
        term("attendee decision-maker", passes: "Henrik Sorensen sat in on the second half and asked about the pilot.",
             fails: "Mara joined and says their COO is on board."),
        term("text negated-ok", passes: "The slides stayed closed.", fails: "Yes"),
        not(.feelings, unless: [.date, .amount], passes: "Mara sounded fed up; their contract ends in March 2027.",
            fails: "The ops lead sounded fed up with it."),
        not(.benchmarks, unless: [.quote], passes: "Mara said it costs them EUR 40k a quarter, twice the industry average.",
            fails: "About EUR 40k a quarter, the industry benchmark.", requiring: .amount),
        not(.requests, passes: "Henrik decided to fix dispatch this year.", fails: "They asked for a quote by Friday."),
        not(.intentions, passes: "Reviewed with Henrik on 2026-12-03; he asked for two changes.",
            fails: "Henrik plans to look it over after the audit."),
    ]
}
