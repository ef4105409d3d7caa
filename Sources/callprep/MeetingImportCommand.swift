import ArgumentParser
import CallPrepKit
import Foundation

struct MeetingImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a meeting file from a calendar invite (.ics) or one day of an exported calendar.",
        discussion: """
            Date, time, time zone and duration come from the invite (IANA zones, UTC, floating times and \
            Outlook's Windows zone names); attendees get their name, email and side, our side being the \
            --ours domains, else the domains of our people in meetings/. Rooms and resources are left out. \
            The account, opportunity, titles and buying roles come from the latest meeting file (or indexed \
            debrief) with someone from the same company; a new customer gets placeholders. The objective, \
            outcomes and our people's tasks are left as '# key:' lines for you to write. The file goes to \
            meetings/<meeting-id>.yaml; importing the same invite again (its UID) updates that file with \
            --force, keeping what you wrote. With several events, --date picks the customer meetings of a \
            day (repeats expanded), --uid one event. --crm-export fills the opportunity (CRM id, name, stage \
            and value) from a Salesforce opportunity report or a HubSpot deals export, matched by the \
            customer's email domain, else the account's name; stages map through callprep.yaml's crm: stages: \
            table; a missing or ambiguous match is said and leaves the opportunity as it was. See \
            `callprep docs calendar` and `callprep docs crm`.
            """
    )

    @Argument(help: "The invite or exported calendar ('-' reads standard input).", completion: Completions.calendars)
    var invite: String

    @Option(help: ArgumentHelp("Our email domain (repeat for several).", valueName: "domain"))
    var ours: [String] = []

    @Option(help: ArgumentHelp("Import the customer meetings of this day.", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(help: ArgumentHelp("Import the event with this UID.", valueName: "uid"))
    var uid: String?

    @Option(help: ArgumentHelp("Write times in this time zone (default: the invite's own).", valueName: "zone"))
    var timezone: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "Write to this file, or '-' for standard output (default: meetings/<meeting-id>.yaml).", valueName: "path"))
    var output: String?

    @Option(help: ArgumentHelp("Fill the opportunity from this CRM export (Salesforce report or HubSpot deals CSV).",
                               valueName: "file"), completion: .file(extensions: ["csv"]))
    var crmExport: String?

    @Flag(help: "Replace an existing file; an invite imported before is updated, keeping what you wrote.")
    var force = false

    @OptionGroup var processOptions: ProcessOptions

    func validate() throws {
        if let date, !CalendarDate.isValid(date) { throw ValidationError("--date must be a date such as 2026-11-24") }
        if let timezone, TimeZone(identifier: timezone) == nil {
            throw ValidationError("--timezone must be a zone name such as Europe/Berlin")
        }
    }

    func run() throws {
        try reportingDiagnostics { () throws(DiagnosticError) in
            try Workspace(process: processOptions.resolved)
                .importMeeting(invite: WorkingFolder.path(invite), request: MeetingImportRequest(
                    ours: ours, day: date, uid: uid, output: WorkingFolder.path(output), force: force, zone: timezone,
                    crmExport: WorkingFolder.path(crmExport)), note: printNote)
        }
    }
}
