import CallPrepKit
import Foundation

/// What a form lacks for `FormFiller`: a form from a template other than the built-in one.
public struct FormFillerError: LocalizedError, Equatable, Sendable {
    /// What was looked for, in words.
    public let missing: String

    public var errorDescription: String? {
        "the form has no \(missing): generate-corpus fills forms of the built-in debrief template "
            + "(this workspace's templates/debrief.md.mustache replaces it; move it aside to generate a corpus)"
    }
}

/// Fills a form made by the built-in template the way a person would, finding places by ids and
/// markers rather than by layout, so it works on a form another tool reformatted. A form that
/// lacks one of them is an error, not a trap: a workspace's own template may differ.
public struct FormFiller {
    public var text: String

    public init(text: String) {
        self.text = text
    }

    private func after(_ needle: String) throws(FormFillerError) -> Range<String.Index> {
        guard let range = text.range(of: needle) else { throw FormFillerError(missing: "'\(needle)'") }
        return range
    }

    public mutating func check(_ id: String) throws(FormFillerError) {
        let idRange = try after("`\(id)`")
        guard let box = text.range(of: "[ ]", options: .backwards, range: text.startIndex..<idRange.lowerBound) else {
            throw FormFillerError(missing: "task box before `\(id)`")
        }
        text.replaceSubrange(box, with: "[x]")
    }

    public mutating func evidence(_ id: String, _ words: String) throws(FormFillerError) {
        let idRange = try after("`\(id)`")
        guard let colon = text.range(of: "):", range: idRange.upperBound..<text.endIndex) else {
            throw FormFillerError(missing: "evidence label after `\(id)`")
        }
        text.insert(contentsOf: " " + words, at: colon.upperBound)
    }

    /// Replaces the first row made only of pipes and spaces after `marker`.
    public mutating func fillEmptyRow(after marker: String, _ cells: [String]) throws(FormFillerError) {
        try replaceLine(after: marker, where: { line in
            line.contains("|") && line.allSatisfy { $0 == "|" || $0 == " " } && line.filter { $0 == "|" }.count > 2
        }, with: "| " + cells.joined(separator: " | ") + " |")
    }

    public mutating func review(_ id: String, agree: String, comment: String) throws(FormFillerError) {
        try replaceLine(after: "callprep:review", where: { $0.hasPrefix("|") && $0.contains("`\(id)`") },
                        with: "| `\(id)` | \(agree) | \(comment) |")
    }

    public mutating func label(_ label: String, _ value: String) throws(FormFillerError) {
        text.insert(contentsOf: " " + value, at: try after(label).upperBound)
    }

    public mutating func appendNote(_ note: String) {
        text = text.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n- " + note + "\n"
    }

    private mutating func replaceLine(after marker: String, where matches: (String) -> Bool,
                                      with replacement: String) throws(FormFillerError) {
        var lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.contains(marker) }),
              let index = lines[start...].firstIndex(where: { matches($0.trimmingCharacters(in: .whitespaces)) })
        else { throw FormFillerError(missing: "row to fill after '\(marker)'") }
        lines[index] = replacement
        text = lines.joined(separator: "\n")
    }
}
