public struct Attendee: Sendable, Hashable, Codable {
    public var name: String
    public var title: String?
    public var email: String?
    public var side: Side
    public var buyingRole: BuyingRole?
    /// For our side: the person's task in the call (who opens, who asks what, who presents what).
    public var task: String?
    public var notes: String?

    public init(name: String, title: String? = nil, email: String? = nil, side: Side, buyingRole: BuyingRole? = nil,
                task: String? = nil, notes: String? = nil) {
        self.name = name
        self.title = title
        self.email = email
        self.side = side
        self.buyingRole = buyingRole
        self.task = task
        self.notes = notes
    }
}

/// A customer problem known before the call.
public struct Pain: Sendable, Hashable, Codable {
    public var problem: String
    public var impact: String?
    public var frequency: String?

    public init(problem: String, impact: String? = nil, frequency: String? = nil) {
        self.problem = problem
        self.impact = impact
        self.frequency = frequency
    }
}

public struct Opportunity: Sendable, Hashable, Codable {
    public var id: String
    public var name: String?
    /// A stage id of the process.
    public var stage: String
    public var value: Double?
    public var currency: String?
    /// The opportunity's id in the team's CRM (a Salesforce Opportunity ID, a HubSpot deal's
    /// Record ID), for the tasks `next-steps --crm` writes.
    public var crmID: String?

    public init(id: String, name: String? = nil, stage: String, value: Double? = nil, currency: String? = nil,
                crmID: String? = nil) {
        self.id = id
        self.name = name
        self.stage = stage
        self.value = value
        self.currency = currency
        self.crmID = crmID
    }
}

/// One upcoming call (DESIGN section 2).
public struct Meeting: Sendable, Hashable, Codable {
    public var id: String
    /// `YYYY-MM-DD`.
    public var date: String
    /// `HH:MM`, 24-hour, in `timeZone`.
    public var time: String?
    /// An IANA name such as `Europe/Berlin`, or an offset such as `+01:00`.
    public var timeZone: String?
    public var durationMinutes: Int?
    public var type: String?
    public var account: String
    public var opportunity: Opportunity
    public var rep: String
    public var objective: String
    public var bestOutcome: String?
    public var minimumOutcome: String?
    public var attendees: [Attendee]
    public var pains: [Pain]
    public var notes: String?
    /// The UID of the calendar invite it was imported from (`callprep meeting import`).
    public var uid: String?

    public init(id: String, date: String, time: String? = nil, timeZone: String? = nil, durationMinutes: Int? = nil,
                type: String? = nil, account: String, opportunity: Opportunity, rep: String, objective: String,
                bestOutcome: String? = nil, minimumOutcome: String? = nil, attendees: [Attendee] = [],
                pains: [Pain] = [], notes: String? = nil, uid: String? = nil) {
        self.id = id
        self.date = date
        self.time = time
        self.timeZone = timeZone
        self.durationMinutes = durationMinutes
        self.type = type
        self.account = account
        self.opportunity = opportunity
        self.rep = rep
        self.objective = objective
        self.bestOutcome = bestOutcome
        self.minimumOutcome = minimumOutcome
        self.attendees = attendees
        self.pains = pains
        self.notes = notes
        self.uid = uid
    }
}
