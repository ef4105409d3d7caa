/// What to look at in the process file, in words, from the facts of the verdicts managers turned
/// round: "compelling-reason: managers refused 9 of 12 met verdicts whose only fact was a date
/// with no event". The weaknesses are a table over the facts' fields, never over item ids.
enum DisagreementWords {
    /// A way evidence can be weak or strong that the facts' fields show, and how to say it.
    struct Trait: Sendable {
        /// Completes "verdicts ...".
        let words: String
        /// The evidence kind the rule must name for the trait to say anything about it; nil for any.
        var kind: String? = nil
        let holds: @Sendable (ReviewAnswer) -> Bool

        init(words: String, kind: String? = nil, holds: @escaping @Sendable (ReviewAnswer) -> Bool) {
            self.words = words
            self.kind = kind
            self.holds = holds
        }
    }

    /// In the order a tie falls: the more particular first.
    static let traits: [Trait] = [
        Trait(words: "whose evidence was hedged or conditional") { has($0) { ["hedged", "conditional"].contains($0.modality) } },
        Trait(words: "whose evidence was an intention, not a deed") { has($0) { $0.modality == "intended" } },
        Trait(words: "whose amounts were ours") { has($0) { $0.whose == "ours" && !$0.amounts.isEmpty } },
        Trait(words: "whose words were ours") { has($0) { $0.whose == "ours" } },
        Trait(words: "whose evidence held a negation") { has($0) { !$0.negations.isEmpty } },
        Trait(words: "whose only fact was a date with no event", kind: "date") { has($0) { facts in
            !facts.dates.isEmpty && facts.events.isEmpty && facts.amounts.isEmpty && facts.frequencies.isEmpty
                && facts.persons.isEmpty
        } },
        Trait(words: "whose evidence named an event with no date", kind: "date") { has($0) { !$0.events.isEmpty && $0.dates.isEmpty } },
        Trait(words: "whose evidence named no amount", kind: "amount") { has($0) { $0.amounts.isEmpty } },
        Trait(words: "whose evidence named no one on their side", kind: "person") { has($0) { !$0.persons.contains { $0.side == .theirs } } },
        Trait(words: "whose evidence did not say whose it was") { has($0) { $0.whose == "unstated" } },
        Trait(words: "whose evidence held no fact") { has($0) { facts in
            facts.amounts.isEmpty && facts.frequencies.isEmpty && facts.dates.isEmpty && facts.events.isEmpty
                && facts.persons.isEmpty
        } },
        Trait(words: "whose evidence was empty") { $0.facts == nil && $0.verdict == .unsupported && $0.evidence.isEmpty },
        Trait(words: "that the rep left unticked") { $0.facts == nil && $0.verdict == .missed },
    ]

    private static func has(_ answer: ReviewAnswer, _ test: (Scorecard.ItemFacts) -> Bool) -> Bool {
        answer.facts.map(test) ?? false
    }

    /// The sentence for one direction of one item's answers; nil when no answer went that way.
    /// The trait named is the one that sets the turned verdicts most apart from the others:
    /// of the traits shared by at least half of them, the one under which managers turned the
    /// largest share round (then the one shared by most, then the table's order).
    static func sentence(item: String, rule: String, direction: ReviewDirection, answers: [ReviewAnswer]) -> String? {
        // The verdicts that could have been turned this way: those the judge gave.
        let base = answers.filter { answer in
            switch direction {
            case .judgeMetManagerNo: answer.verdict == .met
            case .judgeNotMetManagerYes: answer.verdict == .unsupported || answer.verdict == .missed
            case .notApplicableManagerNo: answer.verdict == .notApplicable
            }
        }
        let turned = base.filter { $0.direction == direction }
        guard !turned.isEmpty else { return nil }
        let ruleWords = rule.isEmpty ? "" : " \u{201C}\(rule)\u{201D}"
        if direction == .notApplicableManagerNo {
            return "\(item): managers found \(turned.count) of \(base.count) not-applicable marks applicable; "
                + "look at whether it should be required."
        }
        // A trait about a kind of evidence speaks only of rules that ask for it ("attendee" is a person).
        let asked = Set(rule.split { !$0.isLetter }.map { $0 == "attendee" ? "person" : String($0) })
        let counted = traits.enumerated().filter { $0.element.kind.map(asked.contains) ?? true }.map { order, trait in
            (order: order, trait: trait, turned: turned.filter(trait.holds).count, of: base.filter(trait.holds).count)
        }
        let chosen = counted.filter { $0.turned * 2 >= turned.count && $0.turned > 0 }.min { lhs, rhs in
            let left = Double(lhs.turned) / Double(lhs.of), right = Double(rhs.turned) / Double(rhs.of)
            return (-left, -lhs.turned, lhs.order) < (-right, -rhs.turned, rhs.order)
        }
        let (turnedCount, of, words) = chosen.map { ($0.turned, $0.of, " " + $0.trait.words) } ?? (turned.count, base.count, "")
        switch direction {
        case .judgeMetManagerNo:
            return "\(item): managers refused \(turnedCount) of \(of) met verdicts\(words); "
                + "look at what its rule\(ruleWords) lets through."
        default:
            let judged = Set(base.filter { chosen?.trait.holds($0) ?? true }.map(\.verdict))
            let noun = judged == [.missed] ? "missed" : judged == [.unsupported] ? "unsupported" : "not-met"
            return "\(item): managers accepted \(turnedCount) of \(of) \(noun) verdicts\(words); "
                + "look at what its rule\(ruleWords) refuses."
        }
    }
}
