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

    /// "pains-quantified:" and the like: how a reason another check gave starts, spelled once.
    private static let checkPrefixes = CheckID.allCases.map { $0.rawValue + ":" }

    func findings(_ context: CheckContext) -> [Scorecard.Finding] {
        // An item another check made unsupported has that check's finding already.
        context.items.filter { item in
            item.required && item.kind == .milestone && item.status == .unsupported && item.overriddenBy == nil
                && !Self.checkPrefixes.contains { item.reason.hasPrefix($0) }
        }
            .map { finding("'\($0.title)' is claimed without evidence: \($0.reason).", line: $0.line) }
    }
}
