import Foundation

/// The parts of the plan a meeting file leaves for the rep to write: a commented key with nothing
/// after it (`# objective:`), as `callprep meeting import` writes them. Such a file loads, and
/// `brief` names each placeholder still unwritten at its line.
public enum PlanPlaceholders {
    /// The keys a placeholder may stand for.
    public static let keys: Set<String> = ["objective", "best_outcome", "minimum_outcome", "rep", "task"]

    public struct Placeholder: Sendable, Equatable {
        public var key: String
        public var line: Int
        /// For a `task`: the attendee whose task it is.
        public var attendee: String?
    }

    public static func find(in text: String) -> [Placeholder] {
        // Cheap for the hand-written files that have none.
        guard text.contains("#") else { return [] }
        var found: [Placeholder] = []
        var attendee: String?
        for (index, rawLine) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(Substring(rawLine)).trimmingCharacters(in: .whitespacesAndNewlines)
            if let name = attendeeName(line) { attendee = name }
            guard line.hasPrefix("#") else { continue }
            let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
            guard body.hasSuffix(":"), case let key = String(body.dropLast()).trimmingCharacters(in: .whitespaces),
                  keys.contains(key) else { continue }
            found.append(Placeholder(key: key, line: index + 1, attendee: key == "task" ? attendee : nil))
        }
        return found
    }

    /// Each placeholder as a warning at its line.
    public static func warnings(in source: SourceFile) -> [Diagnostic] {
        find(in: source.text).map { placeholder in
            Diagnostic(.warning, file: source.path, at: SourceLocation(line: placeholder.line, column: 1),
                       MeetingProblem.unwritten(placeholder.key, attendee: placeholder.attendee))
        }
    }

    /// `- name: Dana Reyes` or `name: "Dana Reyes"` → Dana Reyes.
    private static func attendeeName(_ line: String) -> String? {
        var rest = Substring(line)
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        guard rest.hasPrefix("name:") else { return nil }
        let value = rest.dropFirst(5).trimmingCharacters(in: .whitespaces)
        return value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }
}
