import Foundation

/// A place in a file: 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// How bad a diagnostic is: errors fail the command, warnings do not.
public enum Severity: String, Sendable, Codable {
    case error
    case warning
}

/// One problem found in one file, printed the way editors and CI understand:
/// `path:line:col: error: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity = .error, at location: SourceLocation, _ problem: some LocalizedError) {
        self.severity = severity
        self.location = location
        self.message = problem.errorDescription ?? "\(problem)"
    }

    public var description: String {
        "\(location.file):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// In the order of the file; diagnostics at the same place keep their order.
    public var sortedByLocation: [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.location, rhs.element.location)
            return (a.line, a.column, lhs.offset) < (b.line, b.column, rhs.offset)
        }.map(\.element)
    }
}

/// Thrown when a file has one or more errors; carries every problem found, not just the first.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
