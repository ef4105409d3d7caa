import Foundation

/// Problems in the shape of any YAML or JSON file callprep reads.
public enum DocumentProblem: LocalizedError, Equatable, Sendable {
    case syntax(String)
    case multipleDocuments
    case nestedTooDeep
    case aliasExpandsTooFar(alias: String, limit: Int)
    case notAMapping(what: String)
    case unknownKey(String, in: String, allowed: [String])
    case missingKey(String, in: String)
    case duplicateKey(String)
    case keyNotText
    case expectedText(key: String)
    case expectedList(key: String)
    case expectedMapping(key: String)
    case expectedNumber(key: String, found: String)
    case numberOutOfRange(key: String, found: String, lowest: String, highest: String)
    case expectedBool(key: String, found: String)
    case emptyValue(key: String)

    public var errorDescription: String? {
        switch self {
        case let .syntax(problem):
            "invalid YAML: \(problem)"
        case .nestedTooDeep:
            "invalid YAML: lists and mappings are nested too deep"
        case let .aliasExpandsTooFar(alias, limit):
            "the alias '*\(alias)' repeats its anchor until the document holds more than \(limit) bytes "
                + "with its aliases expanded, more than callprep reads from one file"
        case .multipleDocuments:
            "expected one YAML document, found more (remove the extra '---')"
        case let .notAMapping(what):
            "\(what) must be a mapping of keys to values"
        case let .unknownKey(key, what, allowed):
            "unknown key '\(key)' in \(what) (expected one of: \(allowed.joined(separator: ", ")))"
        case let .missingKey(key, what):
            "\(what) is missing '\(key)'"
        case let .duplicateKey(key):
            "duplicate key '\(key)'"
        case .keyNotText:
            "keys must be plain text"
        case let .expectedText(key):
            "'\(key)' must be text, not a list or mapping"
        case let .expectedList(key):
            "'\(key)' must be a list"
        case let .expectedMapping(key):
            "'\(key)' must be a mapping of keys to values"
        case let .expectedNumber(key, found):
            "'\(key)' must be a number, not '\(found)'"
        case let .numberOutOfRange(key, found, lowest, highest):
            "'\(key)' must be between \(lowest) and \(highest), not '\(found)'"
        case let .expectedBool(key, found):
            "'\(key)' must be true or false, not '\(found)'"
        case let .emptyValue(key):
            "'\(key)' must not be empty"
        }
    }
}
