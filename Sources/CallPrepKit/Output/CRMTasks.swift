/// The CRM a next-steps CSV is shaped for (`next-steps --format csv --crm`).
public enum CRMFlavour: String, CaseIterable, Sendable {
    case generic, salesforce, hubspot
}

/// Next steps as a CRM's task import (docs/crm.md gives each column's rule and its source): one
/// task per step, assigned to one of ours (a customer's step waits on them, in the description),
/// with statuses the CRM knows and ISO due dates.
public enum CRMTasks {
    /// What the import needs beyond the steps.
    public struct Context: Sendable {
        /// Our people, with their emails: the assignee is one of them.
        public var ours: OurPeople
        /// The CRM's id of each opportunity, by callprep's opportunity id (the meeting files' `crm_id`).
        public var crmIDs: [String: String]

        public init(ours: OurPeople = OurPeople(), crmIDs: [String: String] = [:]) {
            self.ours = ours
            self.crmIDs = crmIDs
        }
    }

    /// The header of each flavour.
    public static func header(_ crm: CRMFlavour) -> [String] {
        switch crm {
        case .salesforce: ["Subject", "ActivityDate", "Status", "Priority", "OwnerId", "WhatId", "Description"]
        case .hubspot: ["Task Title", "Due Date", "Task Status", "Priority", "Task Type", "Assigned To", "Deal Record ID", "Notes"]
        case .generic: ["Subject", "Due Date", "Status", "Assignee", "Assignee Email", "Waiting On", "Account", "Opportunity",
                        "Opportunity CRM ID", "Description"]
        }
    }

    public static func csv(_ list: NextStepList, crm: CRMFlavour, context: Context) -> String {
        var out = CSVOutput.line(header(crm))
        for step in list.steps { out += CSVOutput.line(row(step, crm: crm, context: context)) }
        return out
    }

    /// One task's cells, in `header(crm)`'s order.
    static func row(_ step: NextStepList.Step, crm: CRMFlavour, context: Context) -> [String] {
        // One of ours does the task: its owner when the step is ours, else the deal's rep.
        let assignee = step.ownerSide == .ours ? step.owner ?? "" : step.rep ?? ""
        let email = context.ours.email(of: assignee)
        let waitingOn = step.ownerSide == .theirs ? step.owner ?? "" : ""
        let crmID = step.opportunity.flatMap { context.crmIDs[$0] } ?? ""
        let urgent = step.timing == .overdue
        let description = Self.description(step, waitingOn: waitingOn)
        switch crm {
        case .salesforce:
            let status = switch step.state {
            case .open: waitingOn.isEmpty ? "Not Started" : "Waiting on someone else"
            case .done: "Completed"
            case .dropped: "Deferred"
            }
            return [step.action, step.dueDate ?? "", status, urgent ? "High" : "Normal", email ?? assignee, crmID, description]
        case .hubspot:
            let status = switch step.state {
            case .open: waitingOn.isEmpty ? "NOT_STARTED" : "WAITING"
            case .done: "COMPLETED"
            case .dropped: "DEFERRED"
            }
            return [step.action, step.dueDate ?? "", status, urgent ? "HIGH" : "MEDIUM", "TODO", email ?? assignee, crmID,
                    description]
        case .generic:
            let status = switch step.state {
            case .open: waitingOn.isEmpty ? "Open" : "Waiting on customer"
            case .done: "Completed"
            case .dropped: "Dropped"
            }
            return [step.action, step.dueDate ?? "", status, assignee, email ?? "", waitingOn, step.account ?? "",
                    step.opportunity ?? "", crmID, description]
        }
    }

    /// "Waiting on customer: Mara Jensen. Due as written: Friday. Opportunity northwind-fleet, rep
    /// Dana Whitfield, made 2026-11-26 in debriefs/a.md:12."
    static func description(_ step: NextStepList.Step, waitingOn: String) -> String {
        var parts: [String] = []
        if !waitingOn.isEmpty { parts.append("Waiting on customer: \(waitingOn).") }
        if step.owner == nil { parts.append("No owner named.") }
        if let due = step.due, due.trimmed != step.dueDate { parts.append("Due as written: \(due).") }
        parts.append("Opportunity \(step.opportunity ?? "-"), rep \(step.rep ?? "-"), made \(step.madeOn) in \(step.source).")
        if step.stalled { parts.append("Open through \(step.callsOpen) calls with no owner on the customer's side.") }
        return parts.joined(separator: " ")
    }
}
