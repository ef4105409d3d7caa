/// A claimed stage ahead of what the evidence supports.
struct StageAheadOfEvidenceCheck: ScoringCheck {
    let description = CheckDescription(
        id: .stageAheadOfEvidence,
        summary: "The deal is claimed at a stage that its earlier stages' evidence does not support.",
        why: "A deal at a stage it has not earned is a forecast risk: it will slip or be lost at the step that "
            + "was skipped. Being at a stage means every earlier stage's required milestones are met.",
        threshold: nil,
        triggers: [
            CheckExample("claimed at Propose with discovery undone", stage: "propose", """
                ## Milestones of Propose <!-- callprep:milestones -->

                - [x] The solution tied to the quantified impact `solution-tied-to-impact`

                  Evidence: EUR 400k a year, their figure.
                """),
        ],
        passes: [
            CheckExample("a Discover call that is still discovering", """
                ## Milestones of Discover <!-- callprep:milestones -->

                - [ ] The customer's problems identified `problems-identified`

                ## Earlier milestones not yet evidenced <!-- callprep:earlier-milestones -->

                - [x] Reason for the meeting and its possible outcomes agreed up front `meeting-reason-agreed`

                  Evidence: We agreed purpose, time and that a no is fine.

                - [x] The contact's role in the problem and in buying known `contact-role-known`

                  Evidence: Mara Jensen runs dispatch.

                ## People met <!-- callprep:people -->

                | Name | Title | Buying role | New or known |
                | --- | --- | --- | --- |
                | Mara Jensen | Head of Operations | champion | new |
                """),
        ])

    func findings(_ context: CheckContext) -> [Scorecard.Finding] {
        let stages = context.process.stages
        guard let claimed = context.process.stageIndex(context.stage.claimed) else { return [] }
        let evidenced = context.stage.evidenced.flatMap(context.process.stageIndex) ?? -1
        guard claimed > evidenced + 1 else { return [] }
        let open = stages[(evidenced + 1)..<claimed].flatMap(\.milestones)
            .filter { $0.required && !context.metOverHistory.contains($0.id) }.map(\.id)
        let supported = evidenced >= 0 ? "only \(stages[evidenced].title)" : "no stage yet"
        return [finding("The deal is claimed at \(stages[claimed].title), but the evidence supports \(supported): "
                        + "\(open.joined(separator: ", ")) not met.", line: nil)]
    }
}
