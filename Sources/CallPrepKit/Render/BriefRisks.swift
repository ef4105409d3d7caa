/// A risk the meeting data already shows, named in the brief before the call.
public struct BriefRisk: Sendable, Hashable {
    /// A stable id, e.g. `no-decision-maker`.
    public let id: String
    public let message: String
}

/// The rules that find risks in a meeting before the call.
enum BriefRisks {
    static func find(meeting: Meeting, plan: ItemsInPlay) -> [BriefRisk] {
        var risks: [BriefRisk] = []
        let theirs = meeting.attendees.filter { $0.side == .theirs }
        let deciders = theirs.filter { $0.buyingRole == .decisionMaker || $0.buyingRole == .economicBuyer }

        if theirs.isEmpty {
            risks.append(BriefRisk(id: "no-customer-attendee",
                                   message: "No one from the customer's side is listed for this call."))
        } else if deciders.isEmpty {
            var message = "No decision maker attends."
            if let champion = theirs.first(where: { $0.buyingRole == .champion }) {
                message += " Ask \(champion.name) who decides, and to bring them into the next step."
            } else {
                message += " Find out who decides, and plan how to reach them directly."
            }
            risks.append(BriefRisk(id: "no-decision-maker", message: message))
        }

        let unquantified = meeting.pains.filter { !($0.impact.map(containsNumber) ?? false) }
        if !unquantified.isEmpty {
            let problems = unquantified.map(\.problem).joined(separator: "; ")
            risks.append(BriefRisk(id: "pains-without-impact",
                                   message: "No quantified impact yet for: \(problems). Ask for the customer's own numbers."))
        }

        let openRequired = plan.earlierOpen.compactMap { stage -> String? in
            let count = stage.milestones.filter(\.required).count
            return count == 0 ? nil : "\(stage.title) (\(count))"
        }
        if !openRequired.isEmpty {
            risks.append(BriefRisk(
                id: "earlier-milestones-open",
                message: "The deal is at \(plan.stage.title), but no debrief yet shows the required milestones of "
                    + "earlier stages: \(openRequired.joined(separator: ", ")). Confirm them on this call, "
                    + "or move the stage back."))
        }

        if meeting.minimumOutcome == nil {
            risks.append(BriefRisk(id: "no-minimum-outcome",
                                   message: "No minimum acceptable outcome is defined: decide the least this call "
                                       + "must achieve to be worth everyone's time."))
        }
        if meeting.bestOutcome == nil {
            risks.append(BriefRisk(id: "no-best-outcome",
                                   message: "No best outcome is defined: decide what you will ask for if the call goes well."))
        }
        for colleague in meeting.attendees where colleague.side == .ours && colleague.task == nil
            && colleague.name != meeting.rep {
            risks.append(BriefRisk(id: "colleague-without-task",
                                   message: "\(colleague.name) has no task in the call: agree who opens, who asks "
                                       + "what, and who presents what."))
        }
        return risks
    }

    private static func containsNumber(_ text: String) -> Bool {
        text.contains { $0.isNumber }
    }
}
