/// Meeting and process to Markdown: the prep brief and the debrief form.
public enum DocumentRenderer {
    /// The pre-call brief for a deal with no earlier debriefs.
    public static func brief(meeting: Meeting, process: SalesProcess, templates: TemplateSet,
                             meetingPath: String) -> String {
        brief(meeting: meeting, process: process, templates: templates, meetingPath: meetingPath, history: nil)
    }

    /// The pre-call brief. `meetingPath` is how the rep named the meeting file, for the
    /// commands the brief suggests; `history` is what earlier debriefs show of the deal.
    static func brief(meeting: Meeting, process: SalesProcess, templates: TemplateSet,
                      meetingPath: String, history: DealHistory?) -> String {
        let plan = plan(meeting, process, met: history?.metIDs ?? [])
        let view = BriefView(meeting: meeting, process: process, plan: plan, meetingPath: meetingPath, history: history)
        return templates.render(TemplateSet.briefName, view)
    }

    /// The debrief form for a deal with no earlier debriefs.
    public static func form(meeting: Meeting, process: SalesProcess, templates: TemplateSet) -> String {
        form(meeting: meeting, process: process, templates: templates, history: nil)
    }

    /// The debrief form a person fills in after the call. The milestones `history` shows met are
    /// not asked again: the form shows each met, with the date and file of the debrief that met it.
    /// The deal's open next steps come pre-filled in the next-steps table, for the rep to mark.
    static func form(meeting: Meeting, process: SalesProcess, templates: TemplateSet, history: DealHistory?) -> String {
        let plan = plan(meeting, process, met: history?.metIDs ?? [])
        return templates.render(TemplateSet.formName, FormView(meeting: meeting, process: process, plan: plan,
                                                               metEarlier: history?.metEarlier ?? [:],
                                                               openSteps: history?.nextSteps ?? []))
    }

    private static func plan(_ meeting: Meeting, _ process: SalesProcess, met: Set<String> = []) -> ItemsInPlay {
        // MeetingLoader accepts only stages of the process, so the plan always exists.
        guard let plan = ItemsInPlay(process: process, stageID: meeting.opportunity.stage, met: met) else {
            preconditionFailure("meeting stage '\(meeting.opportunity.stage)' is not in process '\(process.id)'")
        }
        return plan
    }
}
