/// A colleague attended the call without a planned task.
struct ColleagueWithoutTaskCheck: ScoringCheck {
    let description = CheckDescription(
        id: .colleagueWithoutTask,
        summary: "A colleague attended without a task planned for them, or the roles were marked not applicable "
            + "although a colleague attended.",
        why: "A colleague without a role talks over the plan, or sits silent and makes the customer wonder why "
            + "they came. Who opens, who asks what and who presents what is agreed before the call.",
        threshold: nil,
        item: "roles-planned",
        triggers: [
            CheckExample("a colleague along for the ride", """
                ## Plan and result <!-- callprep:plan -->

                - [x] Luis Ortega did their task `task-luis-ortega`: no task planned

                  Evidence: Luis joined and showed the routing screens.
                """),
        ],
        passes: [
            CheckExample("a colleague with a task", """
                ## Plan and result <!-- callprep:plan -->

                - [x] Luis Ortega did their task `task-luis-ortega`: Asks how schedules are built today.

                  Evidence: He asked, and Tom walked us through the spreadsheet.
                """),
            CheckExample("a colleague who did not come", """
                ## Plan and result <!-- callprep:plan -->

                - [ ] Luis Ortega did their task `task-luis-ortega`: no task planned

                  Evidence: N/A: Luis could not join.
                """),
        ])

    func findings(_ context: CheckContext) -> [Scorecard.Finding] {
        let rep = normalized(context.record.meeting.rep ?? "")
        let colleagues = (context.record.plan?.tasks ?? []).filter { $0.attended && normalized($0.person) != rep }
        if let idle = colleagues.first(where: { $0.task == nil }) {
            return [finding("\(idle.person) attended without a planned task.", line: idle.line)]
        }
        if let roles = context.record.items.first(where: { $0.id == "roles-planned" }), roles.state == .notApplicable,
           let colleague = colleagues.first {
            return [finding("The roles are marked not applicable, but \(colleague.person) attended.", line: roles.line)]
        }
        return []
    }
}
