/// Presenting before the discovery milestones are met.
struct PresentingBeforeDiscoveryCheck: ScoringCheck {
    let description = CheckDescription(
        id: .presentingBeforeDiscovery,
        summary: "The call presented or demonstrated before the discovery milestones were met.",
        why: "A demo before the problems, their impact and the customer's commitment are known answers "
            + "questions nobody asked, and invites price comparison instead of a business case.",
        threshold: nil,
        item: "no-premature-presenting",
        triggers: [
            CheckExample("a demo while discovery is open", """
                ## Call practices <!-- callprep:practices -->

                - [x] Prepared beforehand `prepared`

                  Evidence: Brief written the day before; we gave the full demo of the routing screens.
                """),
        ],
        passes: [
            CheckExample("discovery only", """
                ## Call practices <!-- callprep:practices -->

                - [x] No presenting before discovery was done `no-premature-presenting`

                  Evidence: No demo; we held back the slides until the numbers are known.
                """),
        ])

    func findings(_ context: CheckContext) -> [Scorecard.Finding] {
        let open = context.facts.discoveryMilestoneIDs.filter { !context.metOverHistory.contains($0) }
        guard !open.isEmpty, let line = presentedAt(context) else { return [] }
        return [finding("Presented before discovery was done: \(open.joined(separator: ", ")) not met.", line: line)]
    }

    /// The line where the debrief shows presenting: the "no presenting before discovery" practice left
    /// unchecked with something written under it (a blank box says nothing), or a sentence that names
    /// presenting (the process's `presenting` words) with no negation before it.
    private func presentedAt(_ context: CheckContext) -> Int? {
        if let practice = context.record.items.first(where: { $0.id == "no-premature-presenting" }),
           practice.state == .unchecked, !practice.evidence.isEmpty {
            return practice.line
        }
        // The process's presenting words, unless negated ("didn't show slides", "no pricing yet"),
        // asked for by the customer ("they asked for a quote") or only intended ("we will send the
        // proposal"): none of those is presenting done.
        let texts = context.record.items.map { ($0.evidence, $0.line) } + context.record.unmapped.map { ($0.text, $0.line) }
        let presenting = context.words[.presenting]
        let people = context.people.evidencePeople
        for (text, line) in texts where presenting.mayOccur(inNormalized: normalized(text)) {
            // "Things I held back:" covers the list below it.
            let reading = context.reader.reading(EvidenceText.joiningLists(text), people: people)
            let tokens = reading.tokens.tokens
            for (index, clause) in reading.facts.clauses.enumerated()
            where clause.modality.kind == .done || clause.modality.kind == .stated {
                let range = reading.tokens.clauses[index].tokens
                for match in context.words.stemmed(.presenting).matches(in: range, of: tokens)
                where !reading.negation.isNegated(match.tokens.lowerBound)
                    // The process's own negations before it in the clause: "kept the demo back", "held back".
                    && context.words.stemmed(.negations).matches(in: sentence(of: match.tokens.lowerBound, reading).lowerBound..<match.tokens.lowerBound, of: tokens).isEmpty {
                    // "asked for a demo", "wants pricing": a request or a wish just before it.
                    let before = max(range.lowerBound, match.tokens.lowerBound - 3)..<match.tokens.lowerBound
                    if !before.contains(where: { context.words.notPresentingStems.match(at: $0, in: tokens, before: match.tokens.lowerBound) != nil }) {
                        return line
                    }
                }
            }
        }
        return nil
    }

    private func sentence(of token: Int, _ reading: EvidenceReading) -> Range<Int> {
        reading.tokens.sentences.first { $0.contains(token) } ?? token..<token
    }
}
