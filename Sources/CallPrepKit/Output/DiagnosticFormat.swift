/// How `callprep check` prints what it found: for people, for GitHub's pull requests, for tools.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    /// `path:line:col: severity: message`, as every command prints them.
    case text
    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`, which annotate the
    /// lines of a pull request.
    case github
    /// `{"format": "callprep.check/1", "diagnostics": [{"file", "line", "column", "severity", "message"}]}`.
    case json

    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text:
            return diagnostics.map { $0.description + "\n" }.joined()
        case .github:
            return diagnostics.map { diagnostic in
                let place = "file=\(Self.property(diagnostic.file)),line=\(diagnostic.location.line),col=\(diagnostic.location.column)"
                return "::\(diagnostic.severity.rawValue) \(place)::\(Self.data(diagnostic.message))\n"
            }.joined()
        case .json:
            let rows = diagnostics.map {
                CheckJSON.Row(file: $0.file, line: $0.location.line, column: $0.location.column,
                              severity: $0.severity.rawValue, message: $0.message)
            }
            return JSONWriter.write(CheckJSON(diagnostics: rows)) + "\n"
        }
    }

    /// GitHub's escaping of a command's message, and of a property's value.
    private static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

private struct CheckJSON: Encodable {
    struct Row: Encodable {
        let file: String
        let line: Int
        let column: Int
        let severity: String
        let message: String
    }

    var format = "callprep.check/1"
    let diagnostics: [Row]
}
