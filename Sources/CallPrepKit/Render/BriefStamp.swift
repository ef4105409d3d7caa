import Foundation

/// The last line of every brief callprep writes: the meeting it prepares and the day it was
/// written, as an HTML comment that Markdown viewers hide. `score` reads it from the workspace's
/// `briefs/` folder as evidence that the call was prepared (DESIGN section 6, `prepared`).
public struct BriefStamp: Sendable, Equatable {
    public let meeting: String
    /// `YYYY-MM-DD`.
    public let written: String

    public init(meeting: String, written: String) {
        self.meeting = meeting
        self.written = written
    }

    public var line: String { "\(Self.opening)meeting=\"\(meeting)\" written=\"\(written)\" -->" }

    /// How a stamp's line starts.
    public static let opening = "<!-- callprep:brief "

    /// The stamp in a brief's text: the last one, with a real date; nil when there is none.
    public init?(in text: String) {
        guard let found = text.split(separator: "\n").last(where: { $0.hasPrefix(Self.opening) }),
              let meeting = Self.attribute("meeting", in: found), let written = Self.attribute("written", in: found),
              !meeting.isEmpty, CalendarDate.isValid(written) else { return nil }
        self.init(meeting: meeting, written: written)
    }

    private static func attribute(_ name: String, in line: Substring) -> String? {
        guard let start = line.range(of: name + "=\"")?.upperBound,
              let end = line[start...].firstIndex(of: "\"") else { return nil }
        return String(line[start..<end])
    }
}
