/// The rep's own score far above what the evidence supports.
struct SelfAssessmentGapCheck: ScoringCheck {
    let description = CheckDescription(
        id: .selfAssessmentGap,
        summary: "The rep's self-assessment is far above the evidence score.",
        why: "Reps judge their own calls too kindly; a wide gap between how the call felt and what it showed "
            + "is the first thing to coach.",
        threshold: (25, "how many points the self-assessment may exceed the evidence score"),
        triggers: [
            CheckExample("a 90 for a call with little evidence", """
                ## Self-assessment <!-- callprep:self-assessment -->

                Score (0 to 100): 90
                """),
        ],
        passes: [
            CheckExample("a modest self-assessment", """
                ## Self-assessment <!-- callprep:self-assessment -->

                Score (0 to 100): 10
                """),
        ])

    func findings(_ context: CheckContext) -> [Scorecard.Finding] {
        guard let own = context.record.selfAssessment.score else { return [] }
        let gap = own - context.score
        guard Double(gap) > (context.threshold ?? 25) else { return [] }
        return [finding("The rep scored the call \(own); the evidence supports \(context.score), \(gap) points apart.",
                        line: context.record.selfAssessment.line)]
    }
}
