/// A required milestone claimed without evidence.
struct RequiredWithoutEvidenceCheck: ScoringCheck {
    let description = CheckDescription(
        id: .requiredWithoutEvidence,
        summary: "A required milestone is checked without evidence of the kind the process asks for.",
        why: "An exit criterion ticked without evidence moves a deal on paper only; the next stage then "
            + "rests on an assumption nobody tested.",
        threshold: nil,
        triggers: [
            CheckExample("a checked box with nothing under it", """
                ## Milestones of Discover <!-- callprep:milestones -->

                - [x] The impact of each problem quantified in the customer's own numbers `impact-quantified`

                  Evidence (an amount in the customer's own numbers):
                """),
        ],
        passes: [
            CheckExample("a checked box with the customer's figure", """
                ## Milestones of Discover <!-- callprep:milestones -->

                - [x] The impact of each problem quantified in the customer's own numbers `impact-quantified`

                  Evidence: Their figure: EUR 1,200 per late delivery, 30 a month.
                """),
        ])

    func findings(_ context: CheckContext) -> [Scorecard.Finding] {
        context.items.filter { $0.required && $0.kind == .milestone && $0.status == .unsupported && $0.overriddenBy == nil }
            .map { finding("'\($0.title)' is claimed without evidence: \($0.reason).", line: $0.line) }
    }
}
