import Foundation

/// Problems setting up or finding things in a workspace.
public enum WorkspaceProblem: LocalizedError, Equatable, Sendable {
    case initWouldOverwrite
    case notAFolder
    case sameMeeting(String, first: String)
    case unknownName(String, known: [String])

    public var errorDescription: String? {
        switch self {
        case .initWouldOverwrite:
            "the file exists already; init changed nothing"
        case .notAFolder:
            "this is a file, not a folder"
        case let .unknownName(name, known):
            "no one called '\(name)' (known: \(known.isEmpty ? "none" : known.joined(separator: ", ")))"
        case let .sameMeeting(id, first):
            "a second debrief of meeting '\(id)' (the first is \(first)): one of them is a copy, or has the wrong meeting id"
        }
    }
}
