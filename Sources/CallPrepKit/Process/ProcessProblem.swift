import Foundation

/// Problems in a process file beyond its YAML shape.
public enum ProcessProblem: LocalizedError, Equatable, Sendable {
    case noStages
    case emptyStage(String)
    case duplicateID(String, firstLine: Int)
    case invalidID(String)
    case unknownEvidenceKind(String)
    case weightNotPositive(String)
    case unknownCheck(String, known: [String])
    case noSuchProcess(String, builtins: [String])
    case unknownWordList(String, known: [String])
    case unknownRequiredItem(String)
    case requiresItself(String)
    case prepMinutesInvalid(String)
    case evidenceTerm(EvidenceTerm.ParseError)
    case unknownLanguage(String, known: [String])
    case dateOrderInvalid(String)

    public var errorDescription: String? {
        switch self {
        case .noStages:
            "the process has no stages"
        case let .emptyStage(id):
            "stage '\(id)' has no milestones"
        case let .duplicateID(id, firstLine):
            "duplicate id '\(id)' (first used on line \(firstLine))"
        case let .invalidID(id):
            "id '\(id)' may hold only letters, digits, '-', '_' and '.', and must start with a letter or digit"
        case let .evidenceTerm(.unknownKind(kind)):
            "unknown evidence kind '\(kind)' (expected one of: \(EvidenceKind.allCases.map(\.rawValue).joined(separator: ", ")))"
        case let .evidenceTerm(.unknownQualifier(word)):
            "unknown qualifier '\(word)' after an evidence kind (expected \(EvidenceTerm.qualifiers.joined(separator: ", ")) or one buying role: \(BuyingRole.allCases.map(\.rawValue).joined(separator: ", ")))"
        case let .evidenceTerm(.personOnly(word, kind)):
            "'\(word)' narrows a person, not '\(kind.rawValue)' (write 'person \(word)' or 'attendee \(word)')"
        case let .unknownLanguage(found, known):
            "unknown language '\(found)' for the stemmer (expected one of: \(known.joined(separator: ", ")))"
        case let .dateOrderInvalid(found):
            "'date_order' must be day-month or month-day, not '\(found)'"
        case let .unknownEvidenceKind(kind):
            "unknown evidence kind '\(kind)' (expected one of: \(EvidenceKind.allCases.map(\.rawValue).joined(separator: ", ")))"
        case let .weightNotPositive(found):
            "'weight' must be a positive number up to 1000000, not '\(found)'"
        case let .unknownCheck(id, known):
            "unknown check '\(id)' (expected one of: \(known.joined(separator: ", ")))"
        case let .unknownWordList(name, known):
            "unknown word list '\(name)' (expected one of: \(known.joined(separator: ", ")))"
        case let .unknownRequiredItem(id):
            "'requires' names '\(id)', which is no milestone or practice of this process"
        case let .requiresItself(id):
            "'\(id)' cannot require itself"
        case let .prepMinutesInvalid(found):
            "'prep_minutes' must be a whole number of minutes from 1 to 1440, not '\(found)'"
        case let .noSuchProcess(name, builtins):
            "no process file '\(name)' (built-in processes: \(builtins.joined(separator: ", ")))"
        }
    }
}
