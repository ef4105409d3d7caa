import Foundation

/// A place in a text: 1-based line and column (columns count bytes, as cmark-gfm does). The one
/// location type of the library: Markdown nodes, YAML nodes, limits and diagnostics all use it;
/// a diagnostic adds the file.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Line 1, column 1: where a problem with a file as a whole is reported.
    public static let start = SourceLocation(line: 1, column: 1)

    public var description: String { "\(line):\(column)" }
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
    /// The path as given, or `<stdin>`.
    public var file: String
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity = .error, file: String, at location: SourceLocation = .start,
                _ problem: some LocalizedError) {
        self.severity = severity
        self.file = file
        self.location = location
        self.message = problem.errorDescription ?? "\(problem)"
    }

    /// One line, whatever the file's name or the message quotes: their line breaks are visible.
    public var description: String {
        VisibleControls.inline("\(file):\(location.line):\(location.column): \(severity.rawValue): \(message)")
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
