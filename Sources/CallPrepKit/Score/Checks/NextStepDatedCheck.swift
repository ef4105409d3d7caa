/// No next step with both an owner and a date.
struct NextStepDatedCheck: ScoringCheck {
    let description = CheckDescription(
        id: .nextStepDated,
        summary: "No next step has both an owner and a date.",
        why: "A call that ends without a dated step someone owns loses its momentum: nothing obliges either "
            + "side to act, and the forecast cannot say when the deal moves.",
        threshold: nil,
        item: "next-step-agreed",
        triggers: [
            CheckExample("a next step without a date", """
                ## Next steps <!-- callprep:next-steps -->

                | Action | Owner | Due |
                | --- | --- | --- |
                | Send the case study | Dana Whitfield | soon |
                """),
            CheckExample("no next step at all", "## Next steps <!-- callprep:next-steps -->\n\nWe will see.\n"),
        ],
        passes: [
            CheckExample("an owner and a date", """
                ## Next steps <!-- callprep:next-steps -->

                | Action | Owner | Due |
                | --- | --- | --- |
                | Send the case study | Dana Whitfield | 2026-12-01 |
                """),
        ])

    func findings(_ context: CheckContext) -> [Scorecard.Finding] {
        let steps = context.record.nextSteps
        guard !steps.contains(where: { $0.owner != nil && $0.dueDate != nil }) else { return [] }
        return [finding(steps.isEmpty ? "No next step was agreed." : "No next step has both an owner and a date.",
                        line: steps.first?.line)]
    }
}
