import Foundation

/// What `callprep meeting import` is asked.
public struct MeetingImportRequest: Sendable {
    /// Our email domains; empty: those of the `side: ours` attendees in `meetings/`.
    public var ours: [String]
    /// The customer meetings of this day, `YYYY-MM-DD`.
    public var day: String?
    public var uid: String?
    /// A file, `-` for standard output, or nil for `meetings/<id>.yaml`.
    public var output: String?
    public var force: Bool
    /// Write times in this IANA zone.
    public var zone: String?
    /// A CRM's export of opportunities (Salesforce report, HubSpot deals export) to fill the
    /// opportunity from.
    public var crmExport: String?

    public init(ours: [String] = [], day: String? = nil, uid: String? = nil, output: String? = nil, force: Bool = false,
                zone: String? = nil, crmExport: String? = nil) {
        self.crmExport = crmExport
        self.ours = ours
        self.day = day
        self.uid = uid
        self.output = output
        self.force = force
        self.zone = zone
    }
}

extension Workspace {
    /// `callprep meeting import`: a meeting file for each customer meeting the invite (or the
    /// day of an exported calendar) holds. Says on `note` what it skipped and wrote.
    public func importMeeting(invite path: String, request: MeetingImportRequest,
                              note: (String) -> Void) throws(DiagnosticError) {
        let source = try SourceFile.read(path, maxBytes: CalendarReader.maxBytes)
        func fail(_ problem: WorkspaceProblem) -> DiagnosticError {
            DiagnosticError([Diagnostic(file: source.path, problem)])
        }
        let options = CalendarReader.Options(day: request.day, localZone: TimeZone.current.identifier, zone: request.zone)
        // From an export (a day or a UID picked out of it), an event that cannot be read is skipped
        // with a warning; a single invite is read whole or refused.
        var events: [CalendarEvent]
        if request.day != nil || request.uid != nil {
            let read = try CalendarReader.readSkippingBroken(source, options: options)
            read.skipped.forEach { note($0.description) }
            events = read.events
        } else {
            events = try CalendarReader.read(source, options: options)
        }
        if let uid = request.uid {
            let all = events
            events = events.filter { $0.uid == uid }
            // Without a day, a repeating event is its series, not its exceptions.
            if request.day == nil, events.count > 1 { events = [events.first(where: \.recurs) ?? events[0]] }
            if events.isEmpty {
                throw fail(.noEventWithUID(uid, known: Array(Set(all.compactMap(\.uid))).sorted()))
            }
        }
        // A meeting file that does not load could be this invite's, with a plan in it: nothing is
        // decided without it.
        let (files, problems) = try meetingFolder()
        if !problems.isEmpty { throw DiagnosticError(problems) }
        let ourDomains = Self.ourDomains(given: request.ours, files: files)
        guard !ourDomains.isEmpty else { throw fail(.ourSideUnknown) }

        var candidates: [CalendarEvent] = []
        for event in events {
            if let reason = InviteMeeting.skipReason(event, ourDomains: ourDomains) {
                note("skipped: \(Self.label(event)): \(reason)")
            } else {
                candidates.append(event)
            }
        }
        if candidates.isEmpty { throw fail(.noCustomerMeeting(day: request.day)) }
        // One series and the occurrences it moved (Google sends them in one invite) are one
        // meeting: the series, as --uid would pick it.
        if candidates.count > 1, request.day == nil, request.uid == nil, let series = candidates.first(where: \.recurs),
           series.uid != nil, candidates.allSatisfy({ $0.uid == series.uid }) {
            candidates = [series]
        }
        if candidates.count > 1, request.day == nil, request.uid == nil {
            throw fail(.severalMeetings(candidates.map { "\($0.uid ?? "(no UID)")  \(Self.label($0))" }))
        }
        if candidates.count > 1, let output = request.output, output != "-" {
            throw fail(.severalMeetingsOneFile(output))
        }
        let process = try meetingProcess()
        let export = try request.crmExport.map { path throws(DiagnosticError) in try CRMExport.read(SourceFile.read(path)) }
        let settings = export == nil ? TeamSettings() : try teamSettings()
        let context = InviteMeeting.Context(ourDomains: ourDomains, deals: knownDeals(files),
                                            firstStage: process.stages.first?.id ?? "")
        // Every file is decided before any is written, so that a refusal leaves nothing half done.
        var writes: [(text: String, target: String, replace: Bool, event: CalendarEvent, isNew: Bool)] = []
        for event in candidates {
            var draft = InviteMeeting(event: event, context: context)
            // The file this invite was imported into before: same UID, and for a repeating event the same day.
            let earlier = files.first { file in
                file.meeting.uid != nil && file.meeting.uid == event.uid && (!event.recurs || file.meeting.date == event.start.date)
            }
            if let earlier { draft.keep(earlier.meeting) }
            if let export { fillOpportunity(&draft, from: export, settings: settings, process: process, note: note) }
            let header = ["Imported from \((source.path as NSString).lastPathComponent) by callprep meeting import on \(today)."]
                + (draft.meeting.objective.isEmpty || draft.meeting.rep.isEmpty
                    ? ["The plan is yours to write: uncomment each '# key:' line and fill it in before the call."] : [])
            let target = request.output ?? earlier?.path ?? place("meetings/\(draft.meeting.id).yaml")
            // Its own earlier file is updated with --force; printing it, or writing it elsewhere, needs none.
            if let earlier, target == earlier.path, !request.force { throw fail(.importedBefore(earlier.path)) }
            let replace = request.force
            // A file of the same meeting id that holds another invite (deleted and sent again) is named as such.
            if target != "-", !replace, let other = files.first(where: { $0.path == target }) {
                throw DiagnosticError([Diagnostic(file: target, WorkspaceProblem.differentInvite(holds: other.meeting.uid, given: event.uid))])
            }
            if target != "-" { try OutputFile.check(target, force: replace) }
            let text = MeetingFileText.render(draft.meeting, header: header, newCustomer: draft.isNewCustomer)
            // Whatever the invite held, what is written is a file `brief` reads back.
            try MeetingFileText.verify(text, as: target == "-" ? "<stdout>" : target, process: process)
            writes.append((text, target, replace, event, draft.isNewCustomer))
            if draft.meeting.timeZone == "UTC", request.zone == nil {
                note("the invite gives the time in UTC; --timezone (e.g. Europe/Berlin) writes it in yours")
            }
        }
        if request.output == "-" {
            try OutputTarget(path: "-").emit(writes.map(\.text).joined(separator: "---\n"))
            return
        }
        for write in writes {
            try OutputFile.write(write.text, to: write.target, force: write.replace, createFolders: true)
            note("wrote \(write.target): \(Self.label(write.event))"
                 + (write.isNew ? " (a new customer: account and opportunity are placeholders)" : ""))
        }
    }

    /// The opportunity's CRM id, name, stage (through `callprep.yaml`'s table) and value, from the
    /// export's open opportunity of the invite's customer; a missing or ambiguous match, or a
    /// stage the table does not map, is said on `note` and leaves the opportunity as it was.
    private func fillOpportunity(_ draft: inout InviteMeeting, from export: CRMExport, settings: TeamSettings,
                                 process: SalesProcess, note: (String) -> Void) {
        let domains = Set(draft.meeting.attendees.filter { $0.side == .theirs }
            .compactMap { $0.email.flatMap(CalendarPerson.domain(of:)) })
        let what = "\(draft.meeting.account) (\(draft.meeting.date))"
        switch export.match(domains: domains, account: draft.meeting.account) {
        case let .none(reason):
            note("\(what): no CRM opportunity: \(reason); the opportunity is left as it was")
        case let .several(found, by):
            note("\(what): \(found.count) open opportunities in \(export.path) match by \(by): "
                 + found.map { "\($0.crmID) \($0.name) (\($0.stage), line \($0.line))" }.joined(separator: "; ")
                 + "; none was filled in: write the one this call is about as crm_id by hand")
        case let .one(found, by):
            var opportunity = draft.meeting.opportunity
            if draft.isNewCustomer {
                opportunity.id = MeetingLoader.slug(found.name)
                draft.meeting.account = found.account.isEmpty ? draft.meeting.account : found.account
            }
            opportunity.crmID = found.crmID
            opportunity.name = found.name
            if let amount = found.amount { opportunity.value = amount }
            if let currency = found.currency { opportunity.currency = currency }
            if let stage = settings.stage(forCRMStage: found.stage, process: process) {
                opportunity.stage = stage
            } else {
                note("\(what): the CRM stage '\(found.stage)' maps to no stage of process '\(process.id)': add it under "
                     + "crm: stages: in \(TeamSettings.fileName) (stage kept: \(opportunity.stage))")
            }
            draft.meeting.opportunity = opportunity
            draft.isNewCustomer = false
            note("\(what): opportunity \(found.crmID) '\(found.name)' from \(export.shape.rawValue) \(export.path) "
                 + "line \(found.line), matched by \(by)")
        }
    }

    /// Our email domains: those given, else those of our side's people in the meeting files.
    static func ourDomains(given: [String], files: [(path: String, meeting: Meeting)]) -> Set<String> {
        given.isEmpty
            ? Set(files.flatMap(\.meeting.attendees).filter { $0.side == .ours }.compactMap { $0.email.flatMap(CalendarPerson.domain(of:)) })
            : Set(given.map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@ ")) })
    }

    /// "2026-12-03 10:00 Europe/Berlin, Discovery call (line 12)".
    private static func label(_ event: CalendarEvent) -> String {
        let when = [event.start.date, event.start.time, event.start.zone].compactMap { $0 }.joined(separator: " ")
        return "\(when)\(event.recurs ? " (repeats)" : ""), \(event.summary ?? "(no summary)") (line \(event.line))"
    }

    /// The deals of the meeting files and of the index's latest debrief of each opportunity.
    func knownDeals(_ files: [(path: String, meeting: Meeting)]) -> [KnownDeal] {
        var deals = files.map { file in
            KnownDeal(date: file.meeting.date, account: file.meeting.account, opportunity: file.meeting.opportunity,
                      attendees: file.meeting.attendees.filter { $0.side == .theirs })
        }
        // The index brought up to date, or with none the debriefs; a problem there leaves only the meeting files.
        if let records = try? currentIndex(nil, report: { _ in }, note: { _ in })?.latestOfEachOpportunity() {
            for record in records {
                // An index written before ids were checked may hold any text: such a deal is not offered.
                guard let account = record.meeting.account, let opportunity = record.meeting.opportunity,
                      isValidID(opportunity) else { continue }
                let known = deals.first { $0.opportunity.id == opportunity }
                deals.append(KnownDeal(
                    date: record.meeting.date, account: account,
                    opportunity: Opportunity(id: opportunity, name: known?.opportunity.name, stage: record.meeting.stage,
                                             value: known?.opportunity.value, currency: known?.opportunity.currency,
                                             crmID: known?.opportunity.crmID),
                    attendees: (known?.attendees ?? []) + record.people.map { person in
                        Attendee(name: person.name, title: person.title, side: .theirs,
                                 buyingRole: person.role.flatMap(BuyingRole.init(loose:)))
                    }))
            }
        }
        return deals
    }
}
