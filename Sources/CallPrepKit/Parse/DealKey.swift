/// What makes debriefs one deal, whose earlier calls are the later ones' history: the same
/// process and the same opportunity id. A debrief that names no opportunity is a deal of its own,
/// known by its path.
public struct DealKey: Sendable, Hashable {
    public var process: String
    /// The opportunity id; for a debrief that names none, its path.
    public var opportunity: String

    public init(process: String, opportunity: String) {
        self.process = process
        self.opportunity = opportunity
    }

    /// The deal of a debrief that names an opportunity; nil for one that names none.
    public init?(_ record: DebriefRecord) {
        guard let opportunity = record.meeting.opportunity else { return nil }
        self.init(process: record.process.id, opportunity: opportunity)
    }

    /// The deal of any debrief: one that names no opportunity is its own.
    public init(ofAny record: DebriefRecord) {
        self.init(process: record.process.id, opportunity: record.meeting.opportunity ?? record.source)
    }
}
