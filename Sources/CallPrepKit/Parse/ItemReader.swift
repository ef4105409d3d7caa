import Foundation

/// Reads a list item as a milestone or practice of the process.
struct ItemReader {
    let index: ItemIndex

    enum Reading {
        /// Not an item of the form: ordinary text.
        case notAnItem
        /// A task item whose id no item of the process has (in an item section).
        case unknownID(String, at: MarkdownNode)
        case item(DebriefRecord.Item)
    }

    func read(_ item: MarkdownNode, inItemSection: Bool) -> Reading {
        guard let paragraph = item.children.first, paragraph.kind == .paragraph else { return .notAnItem }
        let inlines = paragraph.children
        // The id may have been wrapped onto a later line by a reformatter: look in the whole paragraph.
        let idIndex = inlines.firstIndex { $0.kind == .code && index.itemsByID[$0.literal ?? ""] != nil }
        let firstBreak = inlines.firstIndex { $0.kind == .softBreak || $0.kind == .lineBreak } ?? inlines.endIndex
        let titleEnd = idIndex ?? firstBreak
        var title = inlineText(Array(inlines[..<titleEnd]))

        var markedNotApplicable = false
        if item.kind != .taskItem {
            // `- [-] Title `id`` marks an item not applicable.
            let lead = title.lowercased()
            guard lead.hasPrefix("[-]") || lead.hasPrefix("[n/a]"), let close = title.firstIndex(of: "]") else {
                return .notAnItem
            }
            markedNotApplicable = true
            title = String(title[title.index(after: close)...])
        }
        var id = idIndex.flatMap { inlines[$0].literal }
        if id == nil {
            id = index.idsByTitle[normalized(title.replacingOccurrences(of: "(optional)", with: ""))]
        }
        guard let id, let known = index.itemsByID[id] else {
            let lastCode = inlines[..<firstBreak].last { $0.kind == .code }
            if item.kind == .taskItem, let code = lastCode, let literal = code.literal, isValidID(literal), inItemSection {
                return .unknownID(literal, at: code)
            }
            return .notAnItem
        }

        let afterTitle = idIndex.map { $0 + 1 } ?? firstBreak
        var pieces = [inlineText(Array(inlines[afterTitle...]))]
        pieces += item.children.dropFirst().map(\.blockText)
        var evidence = Self.stripEvidenceLabel(pieces.map(\.trimmed).filter { !$0.isEmpty }.joined(separator: "\n"))
        var state: DebriefRecord.State = item.isChecked == true ? .checked : .unchecked
        if let reason = Self.notApplicableReason(evidence) {
            state = .notApplicable
            evidence = reason
        } else if markedNotApplicable {
            state = .notApplicable
        }
        return .item(.init(id: id, kind: known.kind, stage: known.stage, state: state, evidence: evidence,
                           line: item.start.line))
    }

    /// "Evidence (hint): what they said" as "what they said".
    static func stripEvidenceLabel(_ text: String) -> String {
        guard text.hasLowercasePrefix("evidence") else { return text }
        let scalars = text.unicodeScalars
        // "Evidence (hint, however long, colons and all): ...": the colon after the bracket that closes
        // the hint, within the first 600 scalars.
        var index = scalars.index(scalars.startIndex, offsetBy: 8)
        while index < scalars.endIndex, scalars[index] == " " { index = scalars.index(after: index) }
        if index < scalars.endIndex, scalars[index] == "(" {
            var depth = 0
            for (offset, position) in zip(0..<600, scalars[index...].indices) {
                _ = offset
                if scalars[position] == "(" { depth += 1 }
                if scalars[position] == ")" { depth -= 1 }
                guard depth == 0 else { continue }
                var after = scalars.index(after: position)
                while after < scalars.endIndex, scalars[after] == " " { after = scalars.index(after: after) }
                if after < scalars.endIndex, scalars[after] == ":" { return Substring(scalars[scalars.index(after: after)...]).trimmed }
                break
            }
        }
        // A colon among the first 160 scalars; by scalars, as Characters cost many times more.
        guard let colon = scalars.prefix(160).firstIndex(of: ":") else { return text }
        return Substring(scalars[scalars.index(after: colon)...]).trimmed
    }

    /// The reason after `N/A` or `not applicable`; nil when the evidence does not start with one.
    private static func notApplicableReason(_ evidence: String) -> String? {
        for marker in ["n/a", "not applicable"] where evidence.hasLowercasePrefix(marker) {
            let rest = evidence.dropFirst(marker.count)
            if let next = rest.first, next.isLetter || next.isNumber { continue }
            let separators = CharacterSet(charactersIn: " \t\n:-–—.,;")
            return String(rest.drop { $0.unicodeScalars.allSatisfy(separators.contains) })
        }
        return nil
    }
}
