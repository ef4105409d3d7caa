/// The plan of a call against its result, one line each, as the text and Markdown scorecards show it.
enum PlanResult {
    struct Line {
        /// "reached", "not reached", "done", "not done", "did not attend".
        let verdict: String
        let good: Bool
        /// "minimum outcome: Mara shares the figures", "Luis Ortega: asks how schedules are built".
        let what: String
    }

    static func lines(_ plan: DebriefRecord.Plan) -> [Line] {
        plan.outcomes.map { outcome in
            Line(verdict: outcome.reached ? "reached" : "not reached", good: outcome.reached,
                 what: "\(outcome.kind) outcome: \(outcome.text)")
        } + plan.tasks.map { task in
            Line(verdict: !task.attended ? "did not attend" : task.done ? "done" : "not done",
                 good: task.done || !task.attended, what: "\(task.person): \(task.task ?? "no task planned")")
        }
    }
}
