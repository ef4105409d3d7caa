import Foundation

/// Problems in a meeting file beyond its YAML or JSON shape.
public enum MeetingProblem: LocalizedError, Equatable, Sendable {
    case unknownStage(String, processID: String, stages: [String])
    case invalidDate(String)
    case invalidTime(String)
    case unknownTimeZone(String)
    case timeWithoutTimeZone
    case invalidDuration(String)
    case unknownSide(String)
    case unknownBuyingRole(String)
    case invalidEmail(String)
    case invalidID(String, of: String)
    case unwritten(String, attendee: String?)

    case unknownProcess(String, known: [String])
    public var errorDescription: String? {
        switch self {
        case let .unknownProcess(name, known):
            "the meeting names the process '\(name)', which is neither a process this workspace knows (\(known.joined(separator: ", "))) nor a process file"
        case let .unknownStage(stage, processID, stages):
            "unknown stage '\(stage)': process '\(processID)' has \(stages.joined(separator: ", "))"
        case let .invalidDate(text):
            "'date' must be a date such as 2026-11-24, not '\(text)'"
        case let .invalidTime(text):
            "'time' must be a 24-hour time such as 14:30, not '\(text)'"
        case let .unknownTimeZone(text):
            "unknown time zone '\(text)' (use a name such as Europe/Berlin or an offset such as +01:00)"
        case .timeWithoutTimeZone:
            "a meeting with a 'time' needs a 'timezone', such as Europe/Berlin"
        case let .invalidDuration(text):
            "'duration' must be a whole number of minutes, not '\(text)'"
        case let .unknownSide(text):
            "unknown side '\(text)' (expected ours or theirs)"
        case let .unknownBuyingRole(text):
            "unknown buying role '\(text)' (expected one of: \(BuyingRole.allCases.map(\.rawValue).joined(separator: ", ")))"
        case let .invalidEmail(text):
            "'email' must be an address such as name@example.com, not '\(text)'"
        case let .unwritten(key, attendee):
            if let attendee {
                "\(attendee)'s task in the call is not written yet: uncomment 'task:' and write it"
            } else {
                "'\(key)' is not written yet: uncomment the line and write it before the call"
            }
        case let .invalidID(text, of):
            "\(of) id '\(text)' may hold only letters, digits, '-', '_' and '.', starting with a letter or digit"
        }
    }
}
