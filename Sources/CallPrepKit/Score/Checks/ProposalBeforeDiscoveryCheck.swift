/// A proposal, pricing or a quote promised while discovery is still open.
struct ProposalBeforeDiscoveryCheck: ScoringCheck {
    let description = CheckDescription(
        id: .proposalBeforeDiscovery,
        summary: "A proposal, pricing or a quote was promised before the discovery milestones were met.",
        why: "A proposal written before the problems, their impact and the customer's commitment are known "
            + "prices a solution to a problem nobody has sized; the customer compares it on price alone.",
        threshold: nil,
        triggers: [
            CheckExample("pricing promised in a next step", """
                ## Next steps <!-- callprep:next-steps -->

                | Action | Owner | Due |
                | --- | --- | --- |
                | Send pricing for 40 trucks | Dana Whitfield | 2026-12-01 |
                """),
        ],
        passes: [
            CheckExample("a next step that finishes discovery", """
                ## Next steps <!-- callprep:next-steps -->

                | Action | Owner | Due |
                | --- | --- | --- |
                | Send the delay numbers for last quarter | Mara Jensen | 2026-11-30 |
                """),
            CheckExample("pricing for a deal whose discovery is done", stage: "propose", """
                ## Next steps <!-- callprep:next-steps -->

                | Action | Owner | Due |
                | --- | --- | --- |
                | No pricing until the review with Henrik | Dana Whitfield | 2026-12-01 |
                """),
        ])

    func findings(_ context: CheckContext) -> [Scorecard.Finding] {
        let open = context.facts.discoveryMilestoneIDs.filter { !context.metOverHistory.contains($0) }
        guard !open.isEmpty else { return [] }
        for step in context.record.nextSteps
        where EvidenceText(step.action).mentions(Self.offers, unlessNegatedBy: context.words[.negations]) {
            return [finding("'\(step.action)' promises a proposal or pricing before discovery is done: "
                            + "\(open.joined(separator: ", ")) not met.", line: step.line)]
        }
        return []
    }

    private static let offers = PhraseSet(["proposal", "pricing", "price", "prices", "quote", "offer"])
}
