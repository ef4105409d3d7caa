import Foundation

/// What the workspace already knows of a deal: from a meeting file, or from an indexed debrief.
public struct KnownDeal: Sendable {
    public var date: String
    public var account: String
    public var opportunity: Opportunity
    /// The customer's people, with email, title and buying role where known.
    public var attendees: [Attendee]

    public init(date: String, account: String, opportunity: Opportunity, attendees: [Attendee]) {
        self.date = date
        self.account = account
        self.opportunity = opportunity
        self.attendees = attendees
    }
}

/// A calendar event turned into a meeting: times and people from the invite, the deal from the
/// workspace, the plan left for the rep (docs/calendar.md).
public struct InviteMeeting: Sendable {
    public var meeting: Meeting
    /// No meeting file or debrief knew the customer: account and opportunity are placeholders.
    public var isNewCustomer: Bool

    /// What the conversion needs besides the event.
    public struct Context: Sendable {
        /// Our email domains, lowercased.
        public var ourDomains: Set<String>
        /// Deals the workspace knows, any order.
        public var deals: [KnownDeal]
        /// The stage a new customer's opportunity starts in: the process's first.
        public var firstStage: String

        public init(ourDomains: Set<String>, deals: [KnownDeal], firstStage: String) {
            self.ourDomains = ourDomains
            self.deals = deals
            self.firstStage = firstStage
        }
    }

    /// Why an event is not a customer meeting to import, or nil when it is one.
    public static func skipReason(_ event: CalendarEvent, ourDomains: Set<String>) -> String? {
        if event.isCancelled { return "cancelled" }
        if event.start.isAllDay { return "an all-day event" }
        if customers(event.people, ourDomains: ourDomains).isEmpty { return "internal: no customer attendee" }
        return nil
    }

    /// The people on the customer's side: every person whose address is not ours.
    static func customers(_ people: [CalendarPerson], ourDomains: Set<String>) -> [CalendarPerson] {
        people.filter { $0.isPerson && $0.domain.map { !ourDomains.contains($0) } ?? false }
    }

    public init(event: CalendarEvent, context: Context) {
        let people = event.people.filter(\.isPerson)
        let ours = people.filter { $0.domain.map(context.ourDomains.contains) ?? false }
        let customers = Self.customers(people, ourDomains: context.ourDomains)
        // A company's own domains: a mail provider's says nothing about whom someone works for.
        let domains = customers.compactMap(\.domain).filter { !Self.mailProviders.contains($0) }
        // The latest deal with someone from the same company: by address, else by name within
        // the same customer domain (a namesake at another company is someone else).
        let byDate = context.deals.sorted { $0.date > $1.date }
        let personKeys = Set(customers.flatMap(Self.nameKeys))
        let deal = byDate.first { deal in deal.attendees.contains { $0.email.flatMap(CalendarPerson.domain(of:)).map(domains.contains) ?? false } }
            ?? byDate.first { deal in
                let domains = Self.companyDomains(of: deal)
                return deal.attendees.contains { !personKeys.isDisjoint(with: Self.nameKeys($0, companyDomains: domains)) }
            }
        // The latest word on each person: by address, else by name within the same domain.
        var byEmail: [String: Attendee] = [:], byName: [String: Attendee] = [:]
        for deal in byDate.reversed() {
            let domains = Self.companyDomains(of: deal)
            for attendee in deal.attendees.reversed() {
                if let email = attendee.email?.lowercased() { byEmail[email] = attendee }
                for key in Self.nameKeys(attendee, companyDomains: domains) { byName[key] = attendee }
            }
        }
        func knownPerson(_ person: CalendarPerson) -> Attendee? {
            person.email.flatMap { byEmail[$0] } ?? Self.nameKeys(person).lazy.compactMap { byName[$0] }.first
        }

        let account = deal?.account
            ?? (domains.isEmpty ? customers.first.map(Self.readableName) : nil) ?? Self.accountName(fromDomains: domains)
        let organizer = event.organizer.flatMap { organizer in ours.first { $0.email == organizer.email } }
        let rep = organizer ?? (ours.count == 1 ? ours.first : nil)
        var attendees = ours.map { Attendee(name: Self.readableName($0), email: $0.email, side: .ours) }
        attendees += customers.map { person in
            let earlier = knownPerson(person)
            return Attendee(name: Self.readableName(person), title: earlier?.title, email: person.email, side: .theirs,
                            buyingRole: earlier?.buyingRole)
        }
        let date = event.start
        meeting = Meeting(
            id: MeetingLoader.derivedID(account: account, date: date.date, time: date.time),
            date: date.date, time: date.time, timeZone: date.zone, durationMinutes: event.durationMinutes,
            type: event.summary.map { Self.callType($0, account: account) }, account: account,
            opportunity: deal?.opportunity
                ?? Opportunity(id: MeetingLoader.slug(account), stage: context.firstStage),
            rep: rep.map(Self.readableName) ?? "", objective: "", attendees: attendees,
            notes: Self.notes(event), uid: event.uid)
        isNewCustomer = deal == nil
    }

    /// The rep's own writing from the meeting file this invite was imported into before: the
    /// plan, the deal, and what they added to each person.
    public mutating func keep(_ earlier: Meeting) {
        meeting.id = earlier.id
        meeting.type = earlier.type ?? meeting.type
        meeting.account = earlier.account
        meeting.opportunity = earlier.opportunity
        if !earlier.rep.isEmpty { meeting.rep = earlier.rep }
        meeting.objective = earlier.objective
        meeting.bestOutcome = earlier.bestOutcome
        meeting.minimumOutcome = earlier.minimumOutcome
        meeting.pains = earlier.pains
        meeting.notes = earlier.notes ?? meeting.notes
        meeting.attendees = meeting.attendees.map { attendee in
            // By address, else by name unless their addresses are at different domains.
            let domain = attendee.email.flatMap(CalendarPerson.domain(of:))
            guard let before = earlier.attendees.first(where: { $0.email != nil && $0.email?.lowercased() == attendee.email })
                ?? earlier.attendees.first(where: { before in
                    let beforeDomain = before.email.flatMap(CalendarPerson.domain(of:))
                    return before.name == attendee.name && (beforeDomain == nil || domain == nil || beforeDomain == domain)
                })
            else { return attendee }
            var kept = before
            kept.email = attendee.email ?? before.email
            return kept
        }
        isNewCustomer = false
    }

    /// Where an invite's person may be known by name: their name at their domain, and their name
    /// in a deal that knows no domain at all (an indexed debrief met people, not addresses).
    static func nameKeys(_ person: CalendarPerson) -> [String] {
        let name = readableName(person).lowercased()
        return [name + "@" + (person.domain ?? ""), name + "@"]
    }

    /// The domains of a known deal's company: its people's addresses, less mail providers'.
    static func companyDomains(of deal: KnownDeal) -> Set<String> {
        Set(deal.attendees.compactMap { $0.email.flatMap(CalendarPerson.domain(of:)) }).subtracting(mailProviders)
    }

    /// The same keys for a person a known deal met: their name at the domain of their own
    /// address; without one, at each of the deal's company domains, or, when it knows none, at no
    /// domain.
    static func nameKeys(_ attendee: Attendee, companyDomains: Set<String>) -> [String] {
        let name = attendee.name.lowercased()
        if let domain = attendee.email.flatMap(CalendarPerson.domain(of:)) { return [name + "@" + domain] }
        return companyDomains.isEmpty ? [name + "@"] : companyDomains.sorted().map { name + "@" + $0 }
    }

    /// "Lopez, Maria" as "Maria Lopez", "Lopez, Maria (Ops)" as "Maria Lopez (Ops)"; a missing name
    /// from the address ("maria.lopez@…").
    static func readableName(_ person: CalendarPerson) -> String {
        let name = (person.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.contains("@") {
            let local = (person.email ?? name).split(separator: "@").first.map(String.init) ?? ""
            let words = local.split(whereSeparator: { ".-_".contains($0) }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            return words.isEmpty ? "Unknown" : words.joined(separator: " ")
        }
        let parts = name.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let suffixes: Set<String> = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md", "mba", "inc", "inc.", "ltd", "llc", "gmbh"]
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !suffixes.contains(parts[1].lowercased()) {
            // A directory's note after the first name stays last: "Keller, Jonas (Contoso)".
            var first = parts[1], note = ""
            if let open = first.firstIndex(where: { $0 == "(" || $0 == "[" }), open != first.startIndex,
               first.last == ")" || first.last == "]" {
                note = " " + first[open...]
                first = first[..<open].trimmingCharacters(in: .whitespaces)
            }
            return first + " " + parts[0] + note
        }
        return name
    }

    /// Domains of mail providers, which people of any company use.
    static let mailProviders: Set<String> = [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "icloud.com",
        "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "t-online.de",
        "orange.fr", "free.fr", "libero.it", "yandex.ru", "mail.ru", "qq.com", "163.com", "naver.com",
    ]

    /// A company's name from its most common email domain: `northwind-logistics.com` as
    /// "Northwind Logistics", `acme.co.uk` as "Acme".
    static func accountName(fromDomains domains: [String]) -> String {
        var counts: [String: Int] = [:]
        for domain in domains { counts[domain, default: 0] += 1 }
        guard let domain = domains.max(by: { counts[$0]! < counts[$1]! }) else { return "New account" }
        var labels = domain.split(separator: ".").map(String.init)
        if labels.count > 1 { labels.removeLast() }
        if labels.count > 1, ["co", "com", "org", "net", "ac", "gov", "ne", "or"].contains(labels.last!) { labels.removeLast() }
        let label = labels.last ?? domain
        return label.split(whereSeparator: { $0 == "-" || $0 == "_" })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// The kind of call from SUMMARY, without the parties' names: "Northwind <> Acme: Discovery
    /// call" gives "Discovery call".
    static func callType(_ summary: String, account: String) -> String {
        let trimmed = summary.trimmingCharacters(in: .whitespacesAndNewlines)
        var parts = [trimmed]
        for separator in [": ", " - ", " – ", " — ", " | "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        let accountWord = account.split(separator: " ").first.map { $0.lowercased() } ?? ""
        let kept = parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { part in
            let lower = part.lowercased()
            return !part.isEmpty && !(accountWord.count > 2 && lower.contains(accountWord))
                && !lower.contains(" x ") && !lower.contains(" <> ") && !lower.contains(" / ")
        }
        guard let type = kept.first else { return trimmed }
        return type.prefix(1).uppercased() + type.dropFirst()
    }

    /// LOCATION, a conference link the description does not already hold, and DESCRIPTION.
    static func notes(_ event: CalendarEvent) -> String? {
        var lines: [String] = []
        if let location = event.location { lines.append("Location: " + location) }
        if let link = event.conference, !(event.description ?? "").contains(link), !(event.location ?? "").contains(link) {
            lines.append("Conference: " + link)
        }
        if let description = event.description?.trimmingCharacters(in: .whitespacesAndNewlines), !description.isEmpty {
            if !lines.isEmpty { lines.append("") }
            // Trailing spaces mean nothing in notes, and would keep them off a YAML block.
            lines += description.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
                .map { String($0.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()) }
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}
