import Foundation

/// Problems setting up or finding things in a workspace.
public enum WorkspaceProblem: LocalizedError, Equatable, Sendable {
    case initWouldOverwrite
    case notAFolder

    public var errorDescription: String? {
        switch self {
        case .initWouldOverwrite:
            "the file exists already; init changed nothing"
        case .notAFolder:
            "this is a file, not a folder"
        }
    }
}
