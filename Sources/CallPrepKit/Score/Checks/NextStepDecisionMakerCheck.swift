/// Next steps that leave the decision maker out.
struct NextStepDecisionMakerCheck: ScoringCheck {
    let description = CheckDescription(
        id: .nextStepDecisionMaker,
        summary: "No next step involves the decision maker.",
        why: "Deals stall when every step runs through people who cannot say yes; a step that involves the "
            + "decision maker is the surest sign the deal is moving.",
        threshold: nil,
        item: "decision-maker-in-next-step",
        triggers: [
            CheckExample("the decision maker is met but not in any step", """
                ## Next steps <!-- callprep:next-steps -->

                | Action | Owner | Due |
                | --- | --- | --- |
                | Send figures | Mara Jensen | 2026-12-01 |

                ## People met <!-- callprep:people -->

                | Name | Title | Buying role | New or known |
                | --- | --- | --- | --- |
                | Henrik Sorensen | COO | decision maker | new |
                """),
        ],
        passes: [
            CheckExample("a step with the decision maker", """
                ## Next steps <!-- callprep:next-steps -->

                | Action | Owner | Due |
                | --- | --- | --- |
                | Review figures with Henrik | Dana Whitfield | 2026-12-01 |

                ## People met <!-- callprep:people -->

                | Name | Title | Buying role | New or known |
                | --- | --- | --- | --- |
                | Henrik Sorensen | COO | decision maker | new |
                """),
            CheckExample("no next step (another check's concern)", "## Next steps <!-- callprep:next-steps -->\n"),
        ])

    func findings(_ context: CheckContext) -> [Scorecard.Finding] {
        let steps = context.record.nextSteps
        guard !steps.isEmpty else { return [] }
        let deciders = context.decisionMakers
        guard !deciders.isEmpty else {
            return [finding("No decision maker is named among the people met, so no next step involves one.",
                            line: steps.first?.line)]
        }
        // The people picture every rule uses, found in the words as evidence is read: "Kim's review"
        // names Kim. Only the people are asked for, so only the words are read.
        let people = context.people.evidencePeople
        let involved = steps.contains { step in
            people.mentions(in: context.reader.tokens(step.action + ". " + (step.owner ?? "")).tokens).contains { mention in
                let role = people.people[mention.person].role
                return role == .decisionMaker || role == .economicBuyer
            }
        }
        return involved ? [] : [finding("No next step involves the decision maker (\(deciders.joined(separator: ", "))).",
                                        line: steps.first?.line)]
    }
}
