import Foundation

/// Problems setting up or finding things in a workspace.
public enum WorkspaceProblem: LocalizedError, Equatable, Sendable {
    case noSuchProcess(String, builtins: [String])
    case initWouldOverwrite
    case notAFolder

    public var errorDescription: String? {
        switch self {
        case let .noSuchProcess(name, builtins):
            "no process file '\(name)' (built-in processes: \(builtins.joined(separator: ", ")))"
        case .initWouldOverwrite:
            "the file exists already; init changed nothing"
        case .notAFolder:
            "this is a file, not a folder"
        }
    }
}
