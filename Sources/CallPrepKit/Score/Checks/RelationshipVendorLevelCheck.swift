/// Only vendor-level contacts met, at a stage that needs the decision level.
struct RelationshipVendorLevelCheck: ScoringCheck {
    let description = CheckDescription(
        id: .relationshipVendorLevel,
        summary: "The deal has reached the stage that needs the decision level, but nobody who decides has "
            + "taken part in a call.",
        why: "Deals sold only to the people who evaluate are decided by people we never met, on criteria we "
            + "never heard. By the stage where the decision maker must be engaged, one of them must have been "
            + "in a call, not only named.",
        threshold: nil,
        triggers: [
            CheckExample("a Common fit call with users only", stage: "common-fit", """
                ## People met <!-- callprep:people -->

                | Name | Title | Buying role | New or known |
                | --- | --- | --- | --- |
                | Tom Okafor | Dispatch Lead | user | known |
                """),
        ],
        passes: [
            CheckExample("the decision maker in the call", stage: "common-fit", """
                ## People met <!-- callprep:people -->

                | Name | Title | Buying role | New or known |
                | --- | --- | --- | --- |
                | Henrik Sorensen | COO | decision maker | new |
                """),
            CheckExample("a Discover call with users only", """
                ## People met <!-- callprep:people -->

                | Name | Title | Buying role | New or known |
                | --- | --- | --- | --- |
                | Tom Okafor | Dispatch Lead | user | known |
                """),
        ])

    func findings(_ context: CheckContext) -> [Scorecard.Finding] {
        // The stage that needs the decision level: the first with a milestone asking for someone
        // who took part (the decision maker engaged, the economic buyer met).
        guard let needed = context.facts.decisionStageIndex,
              let claimed = context.process.stageIndex(context.stage.claimed), claimed >= needed,
              !context.people.deciders.contains(where: \.tookPart),
              !context.items.contains(where: { $0.status == .met && context.facts.deciderItemIDs.contains($0.id) }) else { return [] }
        let met = context.people.people.filter(\.tookPart).map(\.name)
        let who = met.isEmpty ? "nobody on the customer's side" : "only " + met.joined(separator: ", ")
        return [finding("The deal is at \(context.process.stages[claimed].title), which needs the decision level, but "
                        + "\(who) has taken part in a call: no decision maker or economic buyer.", line: nil)]
    }
}
