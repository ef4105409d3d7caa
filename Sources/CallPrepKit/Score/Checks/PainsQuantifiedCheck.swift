/// Pains listed without a quantified impact.
struct PainsQuantifiedCheck: ScoringCheck {
    let description = CheckDescription(
        id: .painsQuantified,
        summary: "A pain is listed without a quantified impact.",
        why: "A problem without a number cannot be weighed against a price; the customer's own figure is what "
            + "turns interest into a business case.",
        threshold: nil,
        item: "impact-quantified",
        triggers: [
            CheckExample("an impact in words only", """
                ## Pains <!-- callprep:pains -->

                | Problem | Impact | Frequency |
                | --- | --- | --- |
                | Late deliveries | customers are unhappy | often |
                """),
        ],
        passes: [
            CheckExample("an impact in the customer's numbers", """
                ## Pains <!-- callprep:pains -->

                | Problem | Impact | Frequency |
                | --- | --- | --- |
                | Late deliveries | EUR 1,200 in penalties each | 30 a month |
                """),
        ])

    func findings(_ context: CheckContext) -> [Scorecard.Finding] {
        context.record.pains.filter { pain in
            !pain.problem.isEmpty && !(pain.impact.map { EvidenceKindCheck.hasNumber(normalized($0)) } ?? false)
        }.map { finding("The pain '\($0.problem)' has no quantified impact.", line: $0.line) }
    }
}
