/// No prep brief for the call.
struct NoPrepBriefCheck: ScoringCheck {
    let description = CheckDescription(
        id: .noPrepBrief,
        summary: "The call had no written plan beforehand.",
        why: "Calls without a plan drift: no agreed objective, no minimum outcome, no questions ready. A "
            + "written brief is the cheapest improvement a team can make. A brief callprep wrote, kept in the "
            + "workspace's briefs/ folder and written on or before the day of the call, counts by itself.",
        threshold: nil,
        item: "prepared",
        triggers: [
            CheckExample("the prepared practice left open", """
                ## Call practices <!-- callprep:practices -->

                - [ ] Prepared beforehand `prepared`
                """),
        ],
        passes: [
            CheckExample("a brief written the day before", """
                ## Call practices <!-- callprep:practices -->

                - [x] Prepared beforehand `prepared`

                  Evidence: Brief written the day before, in the CRM.
                """),
        ])

    func findings(_ context: CheckContext) -> [Scorecard.Finding] {
        guard let item = context.items.first(where: { $0.id == "prepared" }),
              item.status == .missed || item.status == .unsupported else { return [] }
        return [finding("No prep brief for this call (the 'prepared' practice is \(item.status.rawValue)).",
                        line: item.line)]
    }
}
