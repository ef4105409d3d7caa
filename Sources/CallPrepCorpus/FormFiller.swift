import CallPrepKit

import Foundation

/// Fills a form made by the built-in template the way a person would (its preconditions are that
/// template's invariants), finding places by ids and markers rather than
/// by layout, so it works on a form another tool reformatted.
public struct FormFiller {
    public var text: String

    public init(text: String) {
        self.text = text
    }

    private func after(_ needle: String) -> Range<String.Index> {
        guard let range = text.range(of: needle) else { preconditionFailure("no '\(needle)' in the form") }
        return range
    }

    public mutating func check(_ id: String) {
        let idRange = after("`\(id)`")
        guard let box = text.range(of: "[ ]", options: .backwards, range: text.startIndex..<idRange.lowerBound) else {
            preconditionFailure("no box before \(id)")
        }
        text.replaceSubrange(box, with: "[x]")
    }

    public mutating func evidence(_ id: String, _ words: String) {
        let idRange = after("`\(id)`")
        guard let colon = text.range(of: "):", range: idRange.upperBound..<text.endIndex) else {
            preconditionFailure("no evidence label after \(id)")
        }
        text.insert(contentsOf: " " + words, at: colon.upperBound)
    }

    /// Replaces the first row made only of pipes and spaces after `marker`.
    public mutating func fillEmptyRow(after marker: String, _ cells: [String]) {
        replaceLine(after: marker, where: { line in
            line.contains("|") && line.allSatisfy { $0 == "|" || $0 == " " } && line.filter { $0 == "|" }.count > 2
        }, with: "| " + cells.joined(separator: " | ") + " |")
    }

    public mutating func review(_ id: String, agree: String, comment: String) {
        replaceLine(after: "callprep:review", where: { $0.hasPrefix("|") && $0.contains("`\(id)`") },
                    with: "| `\(id)` | \(agree) | \(comment) |")
    }

    public mutating func label(_ label: String, _ value: String) {
        text.insert(contentsOf: " " + value, at: after(label).upperBound)
    }

    public mutating func appendNote(_ note: String) {
        text = text.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n- " + note + "\n"
    }

    private mutating func replaceLine(after marker: String, where matches: (String) -> Bool, with replacement: String) {
        var lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.contains(marker) }),
              let index = lines[start...].firstIndex(where: { matches($0.trimmingCharacters(in: .whitespaces)) })
        else { preconditionFailure("no matching line after \(marker)") }
        lines[index] = replacement
        text = lines.joined(separator: "\n")
    }
}
