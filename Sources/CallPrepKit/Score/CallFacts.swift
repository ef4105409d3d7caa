/// What the workspace knows of a call beyond its debrief: who the meeting file says attended, and
/// when a prep brief for the meeting was written. Found by `Workspace/`, judged here.
public struct CallFacts: Sendable {
    /// The meeting file's attendees, when it is known.
    public var attendees: [Attendee]
    /// The day (`YYYY-MM-DD`) a brief for this meeting was written, when one was found on or before
    /// the day of the call.
    public var briefWritten: String?
    /// The meeting file's notes: people named there join the picture as named, not met.
    public var notes: String = ""

    public init(attendees: [Attendee] = [], briefWritten: String? = nil) {
        self.attendees = attendees
        self.briefWritten = briefWritten
    }
}
