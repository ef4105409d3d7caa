import Foundation
import Testing
@testable import CallPrepKit

/// `callprep next-steps`: commitments followed across each deal's debriefs until one marks them done
/// or dropped (docs/debrief-record.md, "Next steps across calls").
@Suite("callprep next-steps", .serialized)
struct NextStepsCommandTests {
    /// The example deal with a later call whose steps are new, and another deal.
    static func workspace() throws -> URL {
        let folder = try ReliabilityTests.workspace()
        let first = try TestSupport.read(folder.appendingPathComponent(ReliabilityTests.debrief))
        let later = first.replacingOccurrences(of: "meeting: \"northwind-2026-11-26\"", with: "meeting: \"northwind-2026-12-03\"")
            .replacingOccurrences(of: "date: \"2026-11-26\"", with: "date: \"2026-12-03\"")
            .replacingOccurrences(of: "| Send delay numbers for last quarter | Mara Jensen | 2026-11-30 |",
                                  with: "| Send the savings case | Dana Whitfield | 2026-12-08 |")
            .replacingOccurrences(of: "| Book a call with the COO | Dana Whitfield | 2026-12-04 |",
                                  with: "| Share the rollout plan | Mára Jensen | after the board |")
        try later.write(to: folder.appendingPathComponent("debriefs/northwind-2026-12-03.md"), atomically: true, encoding: .utf8)
        let other = first.replacingOccurrences(of: "opportunity: \"northwind-fleet-2026\"", with: "opportunity: \"contoso-pilot\"")
            .replacingOccurrences(of: "meeting: \"northwind-2026-11-26\"", with: "meeting: \"contoso-2026-11-20\"")
            .replacingOccurrences(of: "account: \"Northwind Logistics\"", with: "account: \"Contoso Health\"")
            .replacingOccurrences(of: "rep: \"Dana Whitfield\"", with: "rep: \"Priya Raman\"")
        try other.write(to: folder.appendingPathComponent("debriefs/contoso.md"), atomically: true, encoding: .utf8)
        return folder
    }

    static func list(_ arguments: [String], in folder: URL) throws -> NextStepList {
        let run = try CallPrepBinary.run(["next-steps", "--format", "json"] + arguments, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        return try JSONDecoder().decode(NextStepList.self, from: Data(run.stdout.utf8))
    }

    @Test func stepsThatLaterDebriefsDoNotRepeatStayOpen() throws {
        let folder = try Self.workspace()
        let list = try Self.list(["--date", "2026-12-05"], in: folder)
        #expect(list.format == "callprep.next-steps/2")
        let summary = list.steps.map { "\($0.timing?.rawValue ?? "") \($0.action) (\($0.account ?? ""))" }
        // The first Northwind call's steps are still open: the later call did not close them.
        #expect(summary == ["overdue Send delay numbers for last quarter (Contoso Health)",
                            "overdue Send delay numbers for last quarter (Northwind Logistics)",
                            "overdue Book a call with the COO (Contoso Health)",
                            "overdue Book a call with the COO (Northwind Logistics)",
                            "due Send the savings case (Northwind Logistics)",
                            "undated Share the rollout plan (Northwind Logistics)"])
        let savings = try #require(list.steps.first { $0.action == "Send the savings case" })
        #expect(savings.source == "debriefs/northwind-2026-12-03.md:121" && savings.madeOn == "2026-12-03" && savings.ageDays == 2)
        let delay = try #require(list.steps.first { $0.action.hasPrefix("Send delay") && $0.account == "Northwind Logistics" })
        #expect(delay.lastCall == .unmentioned && delay.callsOpen == 1 && delay.ownerSide == .theirs && !delay.stalled)
        // From the index, the same.
        #expect(try CallPrepBinary.run(["ingest", "debriefs"], in: folder).status == 0)
        #expect(try Self.list(["--date", "2026-12-05"], in: folder) == list)
    }

    @Test func filtersIgnoreCaseAndAccentsAndNameWhatExists() throws {
        let folder = try Self.workspace()
        let owner = try CallPrepBinary.run(["next-steps", "--owner", "mara jensen", "--date", "2026-12-05"], in: folder)
        #expect(owner.stdout.contains("Share the rollout plan") && owner.stdout.contains("Send delay numbers for last quarter"))
        #expect(!owner.stdout.contains("savings case"))
        let overdue = try CallPrepBinary.run(["next-steps", "--overdue", "--rep", "PRIYA RAMAN", "--date", "2026-12-05"], in: folder)
        #expect(overdue.stdout.split(separator: "\n").filter { $0.hasPrefix("overdue") }.count == 2)
        let nobody = try CallPrepBinary.run(["next-steps", "--rep", "Sam"], in: folder)
        #expect(nobody.status == 0 && nobody.stderr.contains("no one called 'Sam' (known: Dana Whitfield, Priya Raman)"))
        let usage = try CallPrepBinary.run(["next-steps", "--crm", "hubspot"], in: folder)
        #expect(usage.status == 64 && usage.stderr.contains("--crm shapes a CSV"))
    }

    // MARK: A deal of three debriefs

    /// A step's life: three steps made in the first call, one marked done in the second (on the
    /// form `callprep form` wrote for it), one dropped in the third; `next-steps`, the brief and the
    /// next form say so after each call.
    @Test func threeDebriefsOfOneDeal() throws {
        let folder = try ReliabilityTests.workspace()
        try ReliabilityTests.edit(folder, ReliabilityTests.debrief) {
            $0.replacingOccurrences(of: "| Book a call with the COO | Dana Whitfield | 2026-12-04 |",
                                    with: "| Book a call with the COO | Dana Whitfield | 2026-12-04 |\n| Draft the rollout plan #plan | Dana | in two weeks |")
        }
        let meeting = try TestSupport.read(folder.appendingPathComponent("meetings/northwind-discovery.yaml"))
        for (index, date) in ["2026-12-03", "2026-12-10", "2026-12-17"].enumerated() {
            try meeting.replacingOccurrences(of: "id: northwind-2026-11-26", with: "id: northwind-call-\(index + 2)")
                .replacingOccurrences(of: "date: 2026-11-26", with: "date: \(date)")
                .write(to: folder.appendingPathComponent("meetings/call-\(index + 2).yaml"), atomically: true, encoding: .utf8)
        }
        func open(_ date: String) throws -> [String] {
            try Self.list(["--date", date], in: folder).steps.map(\.action).sorted()
        }
        func form(_ call: Int) throws -> String {
            let run = try CallPrepBinary.run(["form", "meetings/call-\(call).yaml"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout
        }
        func brief(_ call: Int) throws -> String {
            try CallPrepBinary.run(["brief", "meetings/call-\(call).yaml"], in: folder).stdout
        }
        func rows(_ form: String) -> [String] {
            form.components(separatedBy: "\n").filter { $0.hasSuffix("| open | 2026-11-26 |") }
        }

        // After the first call: three open steps; the relative due date resolved against the call.
        #expect(try open("2026-12-02") == ["Book a call with the COO", "Draft the rollout plan", "Send delay numbers for last quarter"])
        let plan = try #require(try Self.list(["--date", "2026-12-02"], in: folder).steps.first { $0.key == "#plan" })
        #expect(plan.dueDate == "2026-12-10" && plan.due == "in two weeks" && plan.dueText == "2026-12-10 (in two weeks)")
        var second = try form(2)
        #expect(rows(second) == ["| Send delay numbers for last quarter | Mara Jensen | 2026-11-30 | open | 2026-11-26 |",
                                 "| Book a call with the COO | Dana Whitfield | 2026-12-04 | open | 2026-11-26 |",
                                 "| Draft the rollout plan \\#plan | Dana | 2026-12-10 | open | 2026-11-26 |"])
        #expect(try brief(2).contains("- Draft the rollout plan \\#plan, Dana, due 2026-12-10 (in two weeks), open 7 days since 2026-11-26"))
        // The form as written is no call yet: next-steps and check see nothing new.
        try second.write(to: folder.appendingPathComponent("debriefs/call-2.md"), atomically: true, encoding: .utf8)
        #expect(try open("2026-12-04").count == 3)

        // The second call marks one done, on the form it was given.
        second = second.replacingOccurrences(of: "| Send delay numbers for last quarter | Mara Jensen | 2026-11-30 | open |",
                                             with: "| Send delay numbers for last quarter | Mara Jensen | 2026-11-30 | done |")
        try second.write(to: folder.appendingPathComponent("debriefs/call-2.md"), atomically: true, encoding: .utf8)
        #expect(try open("2026-12-04") == ["Book a call with the COO", "Draft the rollout plan"])
        let done = try Self.list(["--date", "2026-12-04", "--state", "done"], in: folder).steps
        #expect(done.map(\.action) == ["Send delay numbers for last quarter"] && done[0].closedOn == "2026-12-03"
            && done[0].lastCall == .done && done[0].ageDays == 7)
        var third = try form(3)
        #expect(rows(third).count == 2 && !third.contains("Send delay numbers"))
        let thirdBrief = try brief(3)
        #expect(!thirdBrief.contains("Send delay numbers") && thirdBrief.contains("- Book a call with the COO"))

        // The third call drops one.
        third = third.replacingOccurrences(of: "| Book a call with the COO | Dana Whitfield | 2026-12-04 | open |",
                                           with: "| Book a call with the COO | Dana Whitfield | 2026-12-04 | dropped |")
        try third.write(to: folder.appendingPathComponent("debriefs/call-3.md"), atomically: true, encoding: .utf8)
        #expect(try open("2026-12-11") == ["Draft the rollout plan"])
        #expect(try Self.list(["--date", "2026-12-11", "--state", "dropped"], in: folder).steps.map(\.action) == ["Book a call with the COO"])
        let all = try Self.list(["--date", "2026-12-11", "--state", "all"], in: folder)
        #expect(all.steps.map { "\($0.state.rawValue) \($0.action)" }.sorted()
            == ["done Send delay numbers for last quarter", "dropped Book a call with the COO", "open Draft the rollout plan"])
        // Open through two later calls, owned by us: stalled, and the deal's steps are all ours.
        let left = try #require(all.steps.first { $0.state == .open })
        #expect(left.callsOpen == 2 && left.ownerSide == .ours && left.stalled && left.lastCall == .unchanged && left.ageDays == 15)
        #expect(all.allOurs.map(\.opportunity) == ["northwind-fleet-2026"])
        let fourth = try form(4)
        #expect(rows(fourth) == ["| Draft the rollout plan \\#plan | Dana | 2026-12-10 | open | 2026-11-26 |"])
        #expect(try brief(4).contains("(**stalled**: open through two calls, no owner on the customer's side)"))
        let text = try CallPrepBinary.run(["next-steps", "--date", "2026-12-11"], in: folder).stdout
        #expect(text.contains("stalled: no owner on the customer's side")
            && text.contains("Deals whose open steps are all ours") && text.contains("due 2026-12-10 (in two weeks)"))
        // status and the HTML report show the same.
        let status = try CallPrepBinary.run(["status", "--date", "2026-12-11"], in: folder).stdout
        #expect(status.contains("Stalled next steps (open through two later calls, no owner on the customer's side): 1")
            && status.contains("by owner: 1 ours, 0 the customer's, 0 no one's")
            && status.contains("Deals whose open steps are all ours: 1"))
        let html = try CallPrepBinary.run(["report", "debriefs", "--format", "html"], in: folder).stdout
        #expect(html.contains("<h2>Open next steps</h2>") && html.contains("Draft the rollout plan <b>stalled</b>")
            && html.contains("<h3>Deals whose open steps are all ours</h3>"))
    }

    // MARK: Relative due dates

    struct RelativeDate: CustomTestStringConvertible, Sendable {
        let written: String
        let expected: String?
        var testDescription: String { written }
    }

    /// Against Thursday 2026-11-26.
    static let relativeDates: [RelativeDate] = [
        .init(written: "today", expected: "2026-11-26"), .init(written: "tomorrow", expected: "2026-11-27"),
        .init(written: "Friday", expected: "2026-11-27"), .init(written: "by Thursday", expected: "2026-12-03"),
        .init(written: "in 3 days", expected: "2026-11-29"), .init(written: "in two weeks", expected: "2026-12-10"),
        .init(written: "in a month", expected: "2026-12-26"), .init(written: "next week", expected: "2026-11-30"),
        .init(written: "end of week", expected: "2026-11-27"), .init(written: "EOW", expected: "2026-11-27"),
        .init(written: "end of month", expected: "2026-11-30"), .init(written: "by the end of the month", expected: "2026-11-30"),
        .init(written: "end of next month", expected: "2026-12-31"), .init(written: "end of quarter", expected: "2026-12-31"),
        .init(written: "eoy", expected: "2026-12-31"), .init(written: "Dec 10", expected: "2026-12-10"),
        .init(written: "soon", expected: nil), .init(written: "next month", expected: nil),
        .init(written: "after the board", expected: nil), .init(written: "in 0 days", expected: nil),
        .init(written: "in many weeks", expected: nil),
    ]

    @Test(arguments: relativeDates) func relativeDueDatesResolveAgainstTheCall(_ example: RelativeDate) {
        #expect(CalendarDate.resolve(example.written, relativeTo: "2026-11-26") == example.expected)
    }

    @Test func monthsEndOnTheLastDayAMonthHas() {
        #expect(CalendarDate.resolve("in a month", relativeTo: "2027-01-31") == "2027-02-28")
        #expect(CalendarDate.resolve("end of month", relativeTo: "2028-02-03") == "2028-02-29")
        #expect(CalendarDate.resolve("end of week", relativeTo: "2026-11-28") == "2026-12-04")
    }

    /// "Friday" is resolved once, in the record, against the call's date, and every format shows
    /// the date with the rep's words beside it; a date that names no day keeps its warning.
    @Test func everyFormatShowsTheDate() throws {
        let folder = try ReliabilityTests.workspace()
        try ReliabilityTests.edit(folder, ReliabilityTests.debrief) {
            $0.replacingOccurrences(of: "| Mara Jensen | 2026-11-30 |", with: "| Mara Jensen | Friday |")
                .replacingOccurrences(of: "| Dana Whitfield | 2026-12-04 |", with: "| Dana Whitfield | soon |")
        }
        let parse = try CallPrepBinary.run(["parse", ReliabilityTests.debrief], in: folder)
        #expect(parse.stdout.contains("\"due\" : \"Friday\"") && parse.stdout.contains("\"dueDate\" : \"2026-11-27\""))
        #expect(!parse.stderr.contains("error"))
        #expect(parse.stderr.contains("warning: due date 'soon' is not a date"))
        // Read a year later, Friday is still the Friday after the call.
        for format in ["text", "md", "csv", "json"] {
            let run = try CallPrepBinary.run(["next-steps", "--format", format, "--date", "2027-12-01"], in: folder)
            #expect(run.status == 0)
            #expect(run.stdout.contains("2026-11-27"), "\(format)")
            if format != "json" { #expect(run.stdout.contains("2026-11-27 (Friday)") || format == "csv", "\(format)") }
        }
        let csv = try CallPrepBinary.run(["next-steps", "--format", "csv", "--date", "2027-12-01"], in: folder).stdout
        #expect(csv.contains("Due as written: Friday."))
        let html = try CallPrepBinary.run(["report", "debriefs", "--format", "html"], in: folder).stdout
        #expect(html.contains("2026-11-27 (Friday)"))
    }

    // MARK: CRM task imports

    /// The workspace with a debrief of each kind of owner, our emails in callprep.yaml and the
    /// meeting's CRM id.
    static func crmWorkspace() throws -> URL {
        let folder = try ReliabilityTests.workspace()
        // A later call closes two of the first call's steps: one done, one dropped.
        let later = try TestSupport.read(folder.appendingPathComponent(ReliabilityTests.debrief))
            .replacingOccurrences(of: "meeting: \"northwind-2026-11-26\"", with: "meeting: \"northwind-2026-12-03\"")
            .replacingOccurrences(of: "date: \"2026-11-26\"", with: "date: \"2026-12-03\"")
            .replacingOccurrences(of: "| Action | Owner | Due (YYYY-MM-DD) |\n| --- | --- | --- |", with: "| Action | Owner | Due | Done |\n| --- | --- | --- | --- |")
            .replacingOccurrences(of: "| Send delay numbers for last quarter | Mara Jensen | 2026-11-30 |\n", with: "")
            .replacingOccurrences(of: "| Book a call with the COO | Dana Whitfield | 2026-12-04 |",
                                  with: "| Book a call with the COO | Dana Whitfield | | x |\n| Ask legal for the paper process | | | dropped |")
        try later.write(to: folder.appendingPathComponent("debriefs/northwind-2026-12-03.md"), atomically: true, encoding: .utf8)
        try ReliabilityTests.edit(folder, ReliabilityTests.debrief) {
            $0.replacingOccurrences(of: "| Book a call with the COO | Dana Whitfield | 2026-12-04 |",
                                    with: "| Book a call with the COO | Dana Whitfield | 2026-12-04 |\n| Ask legal for the paper process | | tomorrow |\n| =cmd, \"quoted\" | Luis Ortega | |")
        }
        try ReliabilityTests.edit(folder, "meetings/northwind-discovery.yaml") {
            $0.replacingOccurrences(of: "  currency: EUR\n", with: "  currency: EUR\n  crm_id: 0065g00000NwFleetAAB\n")
        }
        try "people:\n  Luis Ortega: luis.ortega@brightline.example\n"
            .write(to: folder.appendingPathComponent("callprep.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    struct Flavour: CustomTestStringConvertible, Sendable {
        let crm: String
        var testDescription: String { crm }
    }

    /// Each flavour's CSV is a golden file, read back with a CSV reader, and each column is checked
    /// against the rules docs/crm.md writes down.
    @Test(arguments: ["salesforce", "hubspot", "generic"].map(Flavour.init))
    func csvForEachCRM(_ flavour: Flavour) throws {
        let folder = try Self.crmWorkspace()
        let run = try CallPrepBinary.run(["next-steps", "--format", "csv", "--crm", flavour.crm, "--state", "all",
                                          "--date", "2026-12-01", "--bom"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        // The golden file is what follows the byte-order mark (reading a file as UTF-8 drops one).
        #expect(run.stdout.hasPrefix("\u{FEFF}"))
        try TestSupport.expectGolden(String(run.stdout.dropFirst()), TestSupport.fixture("crm/next-steps-\(flavour.crm).csv"))
        let rows = IndexTests.csvRows(String(run.stdout.dropFirst()))
        let header = rows[0]
        let docs = try TestSupport.read(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/crm.md"))
        // Every column is documented, and in the documented order.
        #expect(header == CRMTasks.header(CRMFlavour(rawValue: flavour.crm)!))
        for column in header { #expect(docs.contains("`\(column)`"), "\(column) is not in docs/crm.md") }
        let tasks = rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        #expect(tasks.count == 4 && rows.allSatisfy { $0.count == header.count })
        func task(_ prefix: String) throws -> [String: String] {
            try #require(tasks.first { ($0[header[0]] ?? "").hasPrefix(prefix) })
        }
        let theirs = try task("Send delay"), ours = try task("Book a call"), nobody = try task("Ask legal"),
            formula = try task("'=cmd")
        #expect(formula[header[0]] == "'=cmd, \"quoted\"")
        // Due dates are ISO dates; the rep's words stay in the description.
        let due = ["salesforce": "ActivityDate", "hubspot": "Due Date", "generic": "Due Date"][flavour.crm]!
        #expect(theirs[due] == "2026-11-30" && nobody[due] == "2026-11-27" && formula[due] == "")
        for task in tasks { #expect(task[due]!.isEmpty || CalendarDate.isValid(task[due]!)) }
        let description = ["salesforce": "Description", "hubspot": "Notes", "generic": "Description"][flavour.crm]!
        #expect(nobody[description]!.contains("Due as written: tomorrow.") && nobody[description]!.contains("No owner named."))
        // The assignee is always ours: a customer's step goes to the rep and waits on the customer.
        let assignee = ["salesforce": "OwnerId", "hubspot": "Assigned To", "generic": "Assignee"][flavour.crm]!
        let danaEmail = "dana.whitfield@brightline.example"
        switch flavour.crm {
        case "generic":
            #expect(theirs[assignee] == "Dana Whitfield" && theirs["Assignee Email"] == danaEmail
                && theirs["Waiting On"] == "Mara Jensen")
            #expect(formula["Assignee"] == "Luis Ortega" && formula["Assignee Email"] == "luis.ortega@brightline.example")
        default:
            #expect(theirs[assignee] == danaEmail && ours[assignee] == danaEmail && nobody[assignee] == danaEmail)
            #expect(formula[assignee] == "luis.ortega@brightline.example")
        }
        #expect(theirs[description]!.hasPrefix("Waiting on customer: Mara Jensen."))
        #expect(!tasks.contains { $0.values.contains("Mara Jensen") && $0[assignee] == "Mara Jensen" })
        // Statuses the CRM knows; the opportunity's CRM id from the meeting file.
        let status = ["salesforce": "Status", "hubspot": "Task Status", "generic": "Status"][flavour.crm]!
        let known = ["salesforce": ["Not Started", "Waiting on someone else", "Completed", "Deferred"],
                     "hubspot": ["NOT_STARTED", "WAITING", "COMPLETED", "DEFERRED"],
                     "generic": ["Open", "Waiting on customer", "Completed", "Dropped"]][flavour.crm]!
        for task in tasks { #expect(known.contains(task[status]!)) }
        #expect(theirs[status] == known[1] && formula[status] == known[0] && ours[status] == known[2] && nobody[status] == known[3])
        let crmID = ["salesforce": "WhatId", "hubspot": "Deal Record ID", "generic": "Opportunity CRM ID"][flavour.crm]!
        for task in tasks { #expect(task[crmID] == "0065g00000NwFleetAAB") }
        for value in known { #expect(docs.contains("`\(value)`"), "\(value) is not in docs/crm.md") }
    }

    @Test func bomStartsEveryCSV() throws {
        let folder = try Self.crmWorkspace()
        for arguments in [["parse", "debriefs", "--format", "csv"], ["score", "debriefs", "--format", "csv"],
                          ["report", "debriefs", "--format", "csv"], ["next-steps", "--format", "csv"]] {
            let run = try CallPrepBinary.run(arguments + ["--bom"], in: folder)
            #expect(run.stdout.hasPrefix("\u{FEFF}"), "\(arguments[0])")
            let plain = try CallPrepBinary.run(arguments, in: folder)
            #expect(!plain.stdout.hasPrefix("\u{FEFF}"), "\(arguments[0])")
        }
    }

    @Test func aBrokenSettingsFileIsAnErrorWithItsPlace() throws {
        let folder = try Self.crmWorkspace()
        try "people:\n  Dana: dana@x.example\ncrm:\n  stages:\n    Needs Analysis: negotiate\n"
            .write(to: folder.appendingPathComponent("callprep.yaml"), atomically: true, encoding: .utf8)
        let run = try CallPrepBinary.run(["next-steps", "--format", "csv"], in: folder)
        #expect(run.status == 1 && run.stderr.hasPrefix("callprep.yaml:5:21: error: unknown stage 'negotiate'"), "\(run.stderr)")
    }
}

/// The State column as people fill it in, and forms that have none.
@Suite("next steps' State column", .serialized)
struct StepStateColumnTests {
    struct Cell: CustomTestStringConvertible, Sendable {
        let written: String
        let state: StepState?
        var testDescription: String { written.isEmpty ? "(blank)" : written }
    }

    @Test(arguments: [Cell(written: "", state: .open), Cell(written: "open", state: .open), Cell(written: "Done", state: .done),
                      Cell(written: "x", state: .done), Cell(written: "✓", state: .done), Cell(written: "Dropped", state: .dropped),
                      Cell(written: "cancelled", state: .dropped), Cell(written: "maybe", state: nil)])
    func stateWords(_ cell: Cell) {
        #expect(StepTable.state(cell.written) == cell.state)
    }

    @Test func anExplicitIDIsTakenOffTheAction() {
        #expect(StepTable.explicitID(in: "Send the figures #Figures") == ("Send the figures", "figures"))
        #expect(StepTable.explicitID(in: "Fix issue#12 today") == ("Fix issue#12 today", nil))
        #expect(StepTable.explicitID(in: "Call back #") == ("Call back #", nil))
    }

    /// A state nobody knows is a warning at its cell, and the step stays open; nothing is lost.
    @Test func anUnknownStateIsAWarningAtItsCell() throws {
        let folder = try ReliabilityTests.workspace()
        try ReliabilityTests.edit(folder, ReliabilityTests.debrief) {
            $0.replacingOccurrences(of: "| Action | Owner | Due (YYYY-MM-DD) |\n| --- | --- | --- |",
                                    with: "| Action | Owner | Due (YYYY-MM-DD) | State |\n| --- | --- | --- | --- |")
                .replacingOccurrences(of: "| Mara Jensen | 2026-11-30 |", with: "| Mara Jensen | 2026-11-30 | maybe |")
        }
        let parse = try CallPrepBinary.run(["parse", ReliabilityTests.debrief], in: folder)
        #expect(parse.status == 0)
        #expect(parse.stderr.contains("\(ReliabilityTests.debrief):121:68: warning: state 'maybe' is none of open, done or dropped (read as open)"),
                "\(parse.stderr)")
        let steps = try NextStepsCommandTests.list(["--date", "2026-11-27"], in: folder).steps
        #expect(steps.count == 2 && steps.allSatisfy { $0.state == .open })
    }
}
