/// The call ended below the minimum outcome it was planned to reach.
struct BelowMinimumOutcomeCheck: ScoringCheck {
    let description = CheckDescription(
        id: .belowMinimumOutcome,
        summary: "The call did not reach the minimum outcome planned for it.",
        why: "The minimum outcome is the least that makes a call worth everyone's time. Falling below it is "
            + "the moment to ask what was missing in the plan or the call, before the next one repeats it.",
        threshold: nil,
        triggers: [
            CheckExample("the minimum outcome not reached", """
                ## Plan and result <!-- callprep:plan -->

                - [ ] Minimum outcome reached `outcome-minimum`: Mara shares last quarter's figures before Friday.

                  Evidence: She could not promise them; finance owns the data.
                """),
        ],
        passes: [
            CheckExample("the minimum outcome reached", """
                ## Plan and result <!-- callprep:plan -->

                - [ ] Best outcome reached `outcome-best`: A meeting with the COO is booked.

                - [x] Minimum outcome reached `outcome-minimum`: Mara shares last quarter's figures before Friday.

                  Evidence: Mara will send them on Thursday; she confirmed by mail.
                """),
        ])

    func findings(_ context: CheckContext) -> [Scorecard.Finding] {
        guard let minimum = context.record.plan?.outcomes.first(where: { $0.kind == "minimum" }), !minimum.reached,
              context.record.plan?.outcomes.contains(where: { $0.kind == "best" && $0.reached }) != true else { return [] }
        return [finding("The call ended below its minimum outcome: \(minimum.text)", line: minimum.line)]
    }
}
